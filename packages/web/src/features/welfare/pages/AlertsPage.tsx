import { Alert as Notice, App, Button, Card, Input, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlerts, useRoster, useWelfarePost } from '../api';
import { statusColor } from '../components/status';

/** 健康告警: the care contact's alerts with acknowledge/close, and who is monitored (or has no data). */
export function AlertsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState<{ page: number; pageSize: number; status?: string }>({ page: 1, pageSize: 20 });
  const [rq, setRq] = useState({ page: 1, pageSize: 20 });
  const [tab, setTab] = useState('alerts');
  const alerts = useAlerts(q);
  const roster = useRoster(rq);
  const [note, setNote] = useState('');
  const act = useWelfarePost<{ id: string; action: 'ack' | 'close' }>(
    (b) => `/wearables/alerts/${b.id}/${b.action}`,
    () => ({ note: note || null }),
  );
  const run = (id: string, action: 'ack' | 'close') =>
    act.mutateAsync({ id, action }).then(
      () => setNote(''),
      (e: Error) => message.error(e.message),
    );
  return (
    <Card title={t('welfare.alerts.title')}>
      <Notice type="info" showIcon message={t('welfare.alerts.hint')} style={{ marginBottom: 12 }} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'alerts',
            label: t('welfare.alerts.tabs.alerts'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Select
                  allowClear
                  placeholder={t('welfare.alerts.allStatus')}
                  style={{ width: 140 }}
                  options={(['open', 'acknowledged', 'closed'] as const).map((s) => ({ value: s, label: t(`welfare.alerts.${s}`) }))}
                  onChange={(status?: string) => setQ({ ...q, page: 1, status })}
                />
                <Table
                  rowKey="id"
                  size="small"
                  data-testid="alerts-table"
                  scroll={{ x: 720 }}
                  loading={alerts.isPending}
                  dataSource={alerts.data?.items ?? []}
                  pagination={{
                    current: q.page,
                    pageSize: q.pageSize,
                    total: alerts.data?.total ?? 0,
                    onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
                  }}
                  columns={[
                    { title: t('welfare.leave.person'), dataIndex: 'name' },
                    { title: t('welfare.leave.unit'), dataIndex: 'orgName' },
                    { title: t('welfare.alerts.rule'), dataIndex: 'ruleName' },
                    {
                      title: t('welfare.alerts.severity'),
                      dataIndex: 'severity',
                      render: (s: string) => (
                        <Tag color={s === 'urgent' ? 'red' : s === 'warning' ? 'orange' : 'blue'}>{t(`welfare.alerts.${s as 'info'}`)}</Tag>
                      ),
                    },
                    { title: t('welfare.alerts.peak'), dataIndex: 'peak' },
                    {
                      title: t('welfare.alerts.raisedAt'),
                      dataIndex: 'raisedAt',
                      render: (v: string) => new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
                    },
                    {
                      title: t('welfare.leave.status'),
                      dataIndex: 'status',
                      render: (s: string, r) => (
                        <Tag color={statusColor(s)}>
                          {t(`welfare.alerts.${s as 'open'}`)}
                          {r.acknowledgedByName ? ` · ${r.acknowledgedByName}` : ''}
                        </Tag>
                      ),
                    },
                    {
                      title: '',
                      key: 'act',
                      render: (_: unknown, r) => (
                        <Space>
                          {r.status === 'open' && (
                            <Popconfirm
                              title={t('welfare.alerts.note')}
                              description={
                                <Input
                                  value={note}
                                  onChange={(e) => setNote(e.target.value)}
                                  maxLength={500}
                                  aria-label={t('welfare.alerts.note')}
                                />
                              }
                              onConfirm={() => run(r.id, 'ack')}
                            >
                              <Button size="small" type="primary">
                                {t('welfare.alerts.ack')}
                              </Button>
                            </Popconfirm>
                          )}
                          {r.status !== 'closed' && (
                            <Button size="small" onClick={() => void run(r.id, 'close')}>
                              {t('welfare.alerts.close')}
                            </Button>
                          )}
                        </Space>
                      ),
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'roster',
            label: t('welfare.alerts.tabs.roster'),
            children: (
              <Table
                rowKey="personId"
                size="small"
                loading={roster.isPending}
                dataSource={roster.data?.items ?? []}
                pagination={{
                  current: rq.page,
                  pageSize: rq.pageSize,
                  total: roster.data?.total ?? 0,
                  onChange: (page, pageSize) => setRq({ page, pageSize }),
                }}
                columns={[
                  { title: t('welfare.leave.person'), dataIndex: 'name' },
                  { title: t('welfare.leave.unit'), dataIndex: 'orgName' },
                  {
                    title: t('welfare.leave.status'),
                    dataIndex: 'state',
                    render: (s: string) =>
                      s === 'monitored' ? (
                        <Tag color="green">{t('welfare.alerts.monitored')}</Tag>
                      ) : (
                        <Tag>{t('welfare.alerts.noData')}</Tag>
                      ),
                  },
                  { title: t('welfare.alerts.openAlerts'), dataIndex: 'openAlerts' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
