import { Alert, Badge, Card, DatePicker, Empty, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useLeaveCalendar } from '../api';
import { statusColor } from './status';

/** Who is away each day of a month in a unit, against its minimum strength. */
export function LeaveCalendarPanel() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const cal = useLeaveCalendar(orgId, month);
  const below = cal.data?.days.filter((d) => d.belowMinimum) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <OrgTreeSelect
          id="leave-calendar-org"
          value={orgId}
          onChange={setOrgId}
          placeholder={t('welfare.leave.org')}
          style={{ minWidth: 220 }}
        />
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          allowClear={false}
          inputReadOnly
        />
      </Space>
      {!cal.data && <Empty />}
      {cal.data && (
        <>
          <div>{t('welfare.leave.strength', { n: cal.data.strength, share: Math.round(cal.data.minPresentShare * 100) })}</div>
          {below.length > 0 && (
            <Alert type="warning" showIcon message={`${t('welfare.leave.below')}：${below.map((d) => d.date.slice(8)).join('、')}`} />
          )}
          <Card size="small" data-testid="leave-calendar">
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
              {Array.from({ length: (dayjs(`${month}-01`).day() + 6) % 7 }).map((_, i) => (
                <div key={`pad${i}`} />
              ))}
              {cal.data.days.map((d) => (
                <div
                  key={d.date}
                  data-testid={`day-${d.date}`}
                  style={{
                    border: '1px solid #f0f0f0',
                    borderRadius: 4,
                    padding: 4,
                    minHeight: 48,
                    background: d.belowMinimum ? '#fff1f0' : d.working ? '#fff' : '#fafafa',
                  }}
                >
                  <div style={{ fontWeight: 600 }}>
                    {Number(d.date.slice(8))}{' '}
                    {!d.working && <span style={{ color: '#999', fontWeight: 400 }}>{t('welfare.leave.restDay')}</span>}
                  </div>
                  {d.away > 0 && <Badge color="blue" text={t('welfare.leave.away', { n: d.away })} />}
                </div>
              ))}
            </div>
          </Card>
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: 520 }}
            pagination={false}
            dataSource={cal.data.leaves}
            columns={[
              { title: t('welfare.leave.person'), dataIndex: 'name' },
              { title: t('welfare.leave.kind'), dataIndex: 'kindName' },
              { title: t('welfare.leave.start'), dataIndex: 'startDate' },
              { title: t('welfare.leave.end'), dataIndex: 'endDate' },
              {
                title: t('welfare.leave.status'),
                dataIndex: 'status',
                render: (s: string) => <Tag color={statusColor(s)}>{t(`welfare.status.${s as 'pending'}`)}</Tag>,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
