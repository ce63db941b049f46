import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { LeaveCalendarPanel } from '../components/LeaveCalendarPanel';
import { LeaveListPanel } from '../components/LeaveListPanel';
import { LeaveStatsPanel } from '../components/LeaveStatsPanel';
import { MyLeavePanel } from '../components/MyLeavePanel';

/** 请休假: the officer's own leave; for leave:read holders the unit calendar, records and statistics. */
export function LeavePage() {
  const { t } = useTranslation();
  const canRead = usePermission('leave:read');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'mine';
  return (
    <Card title={t('welfare.leave.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'mine' ? {} : { tab: key })}
        items={[
          { key: 'mine', label: t('welfare.leave.tabs.mine'), children: <MyLeavePanel /> },
          ...(canRead
            ? [
                { key: 'calendar', label: t('welfare.leave.tabs.calendar'), children: <LeaveCalendarPanel /> },
                { key: 'list', label: t('welfare.leave.tabs.list'), children: <LeaveListPanel /> },
                { key: 'stats', label: t('welfare.leave.tabs.stats'), children: <LeaveStatsPanel /> },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
