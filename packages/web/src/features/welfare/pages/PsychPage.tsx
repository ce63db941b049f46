import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePsychCase, usePsychCases, useWelfarePost } from '../api';
import { statusColor } from '../components/status';

/** 心理健康: cases for the psychological-care role only; sessions, crisis escalation, closing. */
export function PsychPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState<{ page: number; pageSize: number; status?: string }>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | undefined>();
  const list = usePsychCases(q);
  const detail = usePsychCase(openId);
  const session = useWelfarePost<{ date: Dayjs; note: string; nextDate?: Dayjs }>(
    () => `/psych/cases/${openId}/sessions`,
    (v) => ({ date: v.date.format('YYYY-MM-DD'), note: v.note, nextDate: v.nextDate ? v.nextDate.format('YYYY-MM-DD') : null }),
  );
  const escalate = useWelfarePost<{ note: string }>(() => `/psych/cases/${openId}/escalate`);
  const close = useWelfarePost<{ outcome: string }>(() => `/psych/cases/${openId}/close`);
  const fail = (e: Error) => message.error(e.message);
  const c = detail.data;
  return (
    <Card title={t('welfare.psych.title')}>
      <Alert type="warning" showIcon message={t('welfare.psych.restricted')} style={{ marginBottom: 12 }} />
      <Select
        allowClear
        placeholder={t('welfare.alerts.allStatus')}
        style={{ width: 140, marginBottom: 12 }}
        options={(['open', 'crisis', 'closed'] as const).map((s) => ({ value: s, label: t(`welfare.psych.${s}`) }))}
        onChange={(status?: string) => setQ({ ...q, page: 1, status })}
      />
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 600 }}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('welfare.leave.person'), dataIndex: 'name' },
          { title: t('welfare.leave.unit'), dataIndex: 'orgName' },
          { title: t('welfare.psych.source'), dataIndex: 'source', render: (s: string) => t(`welfare.psych.${s as 'self'}`) },
          {
            title: t('welfare.psych.risk'),
            dataIndex: 'risk',
            render: (s: string) => (
              <Tag color={s === 'high' ? 'red' : s === 'medium' ? 'orange' : 'green'}>{t(`welfare.psych.${s as 'low'}`)}</Tag>
            ),
          },
          {
            title: t('welfare.leave.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={statusColor(s)}>{t(`welfare.psych.${s as 'open'}`)}</Tag>,
          },
          { title: t('welfare.psych.nextDate'), dataIndex: 'nextDate' },
          {
            title: '',
            key: 'v',
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => setOpenId(r.id)}>
                {t('welfare.psych.view')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={!!openId}
        onClose={() => setOpenId(undefined)}
        width={Math.min(560, typeof window === 'undefined' ? 560 : window.innerWidth)}
        title={c?.name}
      >
        {c && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('welfare.psych.summary')}>{c.summary}</Descriptions.Item>
              <Descriptions.Item label={t('welfare.leave.status')}>{t(`welfare.psych.${c.status as 'open'}`)}</Descriptions.Item>
            </Descriptions>
            <Timeline
              items={[
                ...c.sessions.map((s) => ({
                  children: `${s.date} ${s.note}${s.nextDate ? `（${t('welfare.psych.nextDate')} ${s.nextDate}）` : ''}`,
                })),
                ...c.escalations.map((e) => ({ color: 'red', children: `${e.at.slice(0, 10)} ${e.note}` })),
              ]}
            />
            {c.status !== 'closed' && (
              <>
                <Form
                  layout="vertical"
                  onFinish={(v: { date: Dayjs; note: string; nextDate?: Dayjs }) => session.mutateAsync(v).catch(fail)}
                >
                  <Form.Item name="date" label={t('welfare.psych.date')} rules={[{ required: true }]}>
                    <DatePicker inputReadOnly />
                  </Form.Item>
                  <Form.Item name="note" label={t('welfare.psych.note')} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={2} maxLength={4000} />
                  </Form.Item>
                  <Form.Item name="nextDate" label={t('welfare.psych.nextDate')}>
                    <DatePicker inputReadOnly />
                  </Form.Item>
                  <Button htmlType="submit" type="primary">
                    {t('welfare.psych.addSession')}
                  </Button>
                </Form>
                <Form layout="inline" onFinish={(v: { note: string }) => escalate.mutateAsync(v).catch(fail)}>
                  <Form.Item name="note" rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('welfare.psych.escalateNote')} maxLength={1000} />
                  </Form.Item>
                  <Button danger htmlType="submit">
                    {t('welfare.psych.escalate')}
                  </Button>
                </Form>
                <Form layout="inline" onFinish={(v: { outcome: string }) => close.mutateAsync(v).catch(fail)}>
                  <Form.Item name="outcome" rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('welfare.psych.outcome')} maxLength={1000} />
                  </Form.Item>
                  <Button htmlType="submit">{t('welfare.psych.closeCase')}</Button>
                </Form>
              </>
            )}
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
