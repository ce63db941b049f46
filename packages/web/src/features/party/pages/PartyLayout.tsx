import { Badge, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { usePipelineDue } from '../api';

const TABS = ['orgs', 'members', 'meetings', 'dues', 'activities', 'essays', 'selections'] as const;
type Tab = (typeof TABS)[number];
const pathOf = (key: Tab) => (key === 'orgs' ? '/party' : `/party/${key}`);

/** 基层党建: one card with a tab per area; the tab is the URL so each view can be linked. */
export function PartyLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((k) => k !== 'orgs' && pathname.startsWith(pathOf(k))) ?? 'orgs';
  const due = usePipelineDue().data?.items.length ?? 0;
  return (
    <Card title={t('party.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => navigate(pathOf(key as Tab))}
        items={TABS.map((key) => ({
          key,
          label:
            key === 'members' ? (
              <Badge count={due} size="small" offset={[8, -2]}>
                {t(`party.tabs.${key}`)}
              </Badge>
            ) : (
              t(`party.tabs.${key}`)
            ),
        }))}
      />
      <Outlet />
    </Card>
  );
}
