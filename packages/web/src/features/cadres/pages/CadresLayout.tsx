import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';

const TABS = ['due', 'promotions', 'simulation', 'retirement', 'teams', 'young'] as const;
const pathOf = (key: (typeof TABS)[number]) => (key === 'due' ? '/cadres' : `/cadres/${key}`);

/** 干部和职级警衔: one card with a tab per sub-page; the tab is the URL. */
export function CadresLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((k) => k !== 'due' && pathname.startsWith(pathOf(k))) ?? 'due';
  return (
    <Card title={t('cadres.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(pathOf(key as (typeof TABS)[number]))}
        items={TABS.map((key) => ({ key, label: t(`cadres.tabs.${key}`) }))}
      />
      <Outlet />
    </Card>
  );
}
