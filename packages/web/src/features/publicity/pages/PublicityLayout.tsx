import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';

const TABS = ['outputs', 'ranking', 'team', 'accounts'] as const;
type Tab = (typeof TABS)[number];
const pathOf = (key: Tab) => (key === 'outputs' ? '/publicity' : `/publicity/${key}`);

/** 宣传工作: outputs to verify, rankings, the team and the official accounts, one tab each. */
export function PublicityLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((k) => k !== 'outputs' && pathname.startsWith(pathOf(k))) ?? 'outputs';
  return (
    <Card title={t('publicity.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(pathOf(key as Tab))}
        items={TABS.map((key) => ({ key, label: t(`publicity.tabs.${key}`) }))}
      />
      <Outlet />
    </Card>
  );
}
