import { Badge, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useReminders } from '../api';

const TABS = ['officers', 'reminders', 'assessment', 'pay', 'rules'] as const;
const pathOf = (key: (typeof TABS)[number]) => (key === 'officers' ? '/auxiliary' : `/auxiliary/${key}`);

/** 辅警管理: one card with a tab per sub-page; the tab is the URL so every view can be linked. */
export function AuxiliaryLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((k) => k !== 'officers' && pathname.startsWith(pathOf(k))) ?? 'officers';
  const reminders = useReminders();
  const due = reminders.data?.items.length ?? 0;
  return (
    <Card title={t('auxiliary.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(pathOf(key as (typeof TABS)[number]))}
        items={TABS.map((key) => ({
          key,
          label:
            key === 'reminders' ? (
              <Badge count={due} size="small" offset={[8, -2]}>
                {t(`auxiliary.tabs.${key}`)}
              </Badge>
            ) : (
              t(`auxiliary.tabs.${key}`)
            ),
        }))}
      />
      <Outlet />
    </Card>
  );
}
