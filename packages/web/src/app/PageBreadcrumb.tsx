import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb } from 'antd';
import type { BreadcrumbItemType } from 'antd/es/breadcrumb/Breadcrumb';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageLabels } from './page-labels';
import type { PageTrail } from './page-trail';

/**
 * 面包屑 above the page: 首页 / menu group / page / sub-page, the page a link back when a detail
 * or tab of it is shown; none on 首页. A phone gets only the way back from a sub-page (page / sub-page).
 */
export function PageBreadcrumb({ trail, narrow }: { trail: PageTrail | undefined; narrow: boolean }) {
  const { t } = useTranslation();
  const { entryLabel, subLabel } = usePageLabels();
  // 首页 alone would only repeat the page's own welcome: no trail there.
  if (!trail || trail.item.path === '/' || (narrow && !trail.sub)) return null;
  const { item, group, sub } = trail;
  const page: BreadcrumbItemType = sub ? { title: <Link to={item.path}>{entryLabel(item)}</Link> } : { title: entryLabel(item) };
  const items: BreadcrumbItemType[] = narrow
    ? [page]
    : [
        {
          title: (
            <Link to="/">
              <HomeOutlined /> {t('layout.menu.home')}
            </Link>
          ),
        },
        ...(group ? [{ title: t(`layout.menuGroup.${group}`) }] : []),
        page,
      ];
  if (sub) items.push({ title: subLabel(sub) });
  return (
    <Breadcrumb className="page-breadcrumb" aria-label={t('layout.breadcrumb')} items={items} style={{ marginBottom: narrow ? 8 : 12 }} />
  );
}
