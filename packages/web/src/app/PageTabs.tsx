import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tabs, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../shared/auth/useAuth';
import { NAV_ITEMS, navItemsFor } from './nav-items';
import { HOME_ENTRY, onlyPage, parseOpenPages, withoutPage, withPage, type OpenPage } from './open-pages';
import { usePageLabels } from './page-labels';
import type { PageTrail } from './page-trail';

const storageKey = (userId: string) => `zhenggong.openPages.${userId}`;

function readStored(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, pages: readonly OpenPage[]): void {
  try {
    window.sessionStorage.setItem(key, JSON.stringify(pages));
  } catch {
    // Storage refused (private mode, quota): the tabs still work until the page reloads.
  }
}

/**
 * 多页签 under the header: the pages opened in this browser tab, one per menu entry, 首页 pinned
 * first. Clicking a tab returns to where the user left that page; × closes it (the current one
 * hands over to its neighbour). Kept per account in sessionStorage, so a reload keeps them.
 */
export function PageTabs({ trail }: { trail: PageTrail | undefined }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { entryLabel } = usePageLabels();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const key = storageKey(me?.id ?? '');
  const allowed = useMemo(() => new Set(navItemsFor(me).map((item) => item.path)), [me]);
  const [pages, setPages] = useState(() => parseOpenPages(readStored(key), (entry) => allowed.has(entry)));

  const here = trail ? trail.item.path : null;
  const to = `${location.pathname}${location.search}`;
  useEffect(() => {
    if (here === null) return;
    setPages((current) => {
      const next = withPage(current, { entry: here, to });
      store(key, next);
      return next;
    });
  }, [here, to, key]);

  const replace = (next: OpenPage[]) => {
    store(key, next);
    setPages(next);
  };
  const close = (entry: string) => {
    const { pages: rest, neighbour } = withoutPage(pages, entry);
    replace(rest);
    if (entry === here) navigate(neighbour.to);
  };
  const closeOthers = () => replace(here ? onlyPage(pages, here) : onlyPage(pages, HOME_ENTRY));
  const closeAll = () => {
    replace(onlyPage(pages, HOME_ENTRY));
    if (here !== HOME_ENTRY) navigate(HOME_ENTRY);
  };

  const items = pages.flatMap((page) => {
    const item = NAV_ITEMS.find((i) => i.path === page.entry);
    return item ? [{ key: page.entry, label: entryLabel(item), closable: page.entry !== HOME_ENTRY }] : [];
  });

  return (
    <div
      className="page-tabs"
      style={{ background: token.colorBgContainer, padding: '6px 16px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
    >
      <Tabs
        type="editable-card"
        size="small"
        hideAdd
        activeKey={here ?? ''}
        items={items}
        onChange={(entry) => navigate(pages.find((p) => p.entry === entry)?.to ?? entry)}
        onEdit={(entry, action) => action === 'remove' && typeof entry === 'string' && close(entry)}
        tabBarStyle={{ margin: 0, borderBottom: 'none' }}
        aria-label={t('layout.openPages.label')}
        tabBarExtraContent={
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'others', label: t('layout.openPages.closeOthers'), onClick: closeOthers },
                { key: 'all', label: t('layout.openPages.closeAll'), onClick: closeAll },
              ],
            }}
          >
            <Button type="text" size="small" icon={<DownOutlined />} aria-label={t('layout.openPages.more')} />
          </Dropdown>
        }
      />
    </div>
  );
}
