import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';

const TABS = ['list', 'nominate', 'stats', 'discipline', 'exemplars', 'library'] as const;
type Tab = (typeof TABS)[number];
const pathOf = (key: Tab) => (key === 'list' ? '/awards' : `/awards/${key}`);

/** 立功受奖: one card, a tab per sub-page; the tab is the URL. 违纪处分 shows only with its permission. */
export function AwardsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canNominate = usePermission('awards:nominate');
  const canDiscipline = usePermission('discipline:read');
  const tabs = TABS.filter((k) => (k === 'nominate' ? canNominate : k === 'discipline' ? canDiscipline : true));
  const active = tabs.find((k) => k !== 'list' && pathname.startsWith(pathOf(k))) ?? 'list';
  return (
    <Card title={t('awards.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(pathOf(key as Tab))}
        items={tabs.map((key) => ({ key, label: t(`awards.tabs.${key}`) }))}
      />
      <Outlet />
    </Card>
  );
}
