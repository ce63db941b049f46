import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';

const TABS = ['programmes', 'contests', 'collections'] as const;
type Tab = (typeof TABS)[number];
const pathOf = (key: Tab) => (key === 'programmes' ? '/culture' : `/culture/${key}`);

/** 警营文化: programmes, contests and works collections, one tab each. */
export function CultureLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((k) => k !== 'programmes' && pathname.startsWith(pathOf(k))) ?? 'programmes';
  return (
    <Card title={t('culture.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(pathOf(key as Tab))}
        items={TABS.map((key) => ({ key, label: t(`culture.tabs.${key}`) }))}
      />
      <Outlet />
    </Card>
  );
}
