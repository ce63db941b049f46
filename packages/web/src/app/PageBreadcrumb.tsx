import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb } from 'antd';
import type { BreadcrumbItemType } from 'antd/es/breadcrumb/Breadcrumb';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageLabels } from './page-labels';
import type { PageTrail } from './page-trail';

/**
 * 面包屑 above the page: 首页 / menu group / page / sub-page, the page a link back when a detail
 * or tab of it is shown. A phone gets only the way back from a sub-page (page / sub-page).
 */
export function PageBreadcrumb({ trail, narrow }: { trail: PageTrail | undefined; narrow: boolean }) {
  const { t } = useTranslation();
  const { entryLabel, subLabel } = usePageLabels();
  if (!trail || (narrow && !trail.sub)) return null;
  const { item, group, sub } = trail;
  const isHome = item.path === '/';
  const page: BreadcrumbItemType = sub ? { title: <Link to={item.path}>{entryLabel(item)}</Link> } : { title: entryLabel(item) };
  const items: BreadcrumbItemType[] = narrow
    ? [page]
    : [
        {
          title: isHome ? (
            <span>
              <HomeOutlined /> {entryLabel(item)}
            </span>
          ) : (
            <Link to="/">
              <HomeOutlined /> {t('layout.menu.home')}
            </Link>
          ),
        },
        ...(group ? [{ title: t(`layout.menuGroup.${group}`) }] : []),
        ...(isHome ? [] : [page]),
      ];
  if (sub) items.push({ title: subLabel(sub) });
  return (
    <Breadcrumb className="page-breadcrumb" aria-label={t('layout.breadcrumb')} items={items} style={{ marginBottom: narrow ? 8 : 12 }} />
  );
}
