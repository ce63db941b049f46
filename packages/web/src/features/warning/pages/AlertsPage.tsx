import { App, Button, Card, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag, Timeline, Typography, DatePicker } from 'antd';
import type { AlertListResponse } from '@zhenggong/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadCsv } from '../../../shared/utils/csv';
import { formatDateTime } from '../../../shared/utils/format';
import { useAlert, useAlertAction, useAlerts, type AlertAction } from '../api';
import { useTableSettings } from '../../../shared/components/TableSettings';

type Item = AlertListResponse['items'][number];
const levelColor: Record<string, string> = { attention: 'gold', warning: 'orange', critical: 'red' };
const MEASURES = ['谈心谈话', '心理疏导', '安排休假', '调整勤务', '培训辅导', '家访慰问', '转介医疗', '其他'];
const OUTCOMES = ['改善', '无变化', '升级处置', '调离'];
const REASONS = ['数据错误', '情况已知', '合理原因', '其他'];

/** What a step recorded besides its note (the talk's type and date, who sat in the consultation …), as one parenthesis. */
function stepDetail(data: string | null, t: (key: string, options?: Record<string, unknown>) => string): string {
  let d: Record<string, unknown>;
  try {
    d = data ? (JSON.parse(data) as Record<string, unknown>) : {};
  } catch {
    return '';
  }
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const parts = [
    text(d.type),
    typeof d.day === 'number' ? t('warning.alerts.followUpDay', { n: d.day }) : null,
    text(d.date),
    text(d.attendees) ? `${t('warning.alerts.attendees')}：${String(d.attendees)}` : null,
    text(d.outcome),
    text(d.reason),
  ].filter((p): p is string => p !== null);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** 队伍质态预警: the list with filters and paging, and a drawer that carries the intervention step by step. */
export function AlertsPage() {
  const { t } = useTranslation();
  // Keys built from API enums (statuses, levels, figures); the locale files list every value.
  const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<string | undefined>('open');
  const [level, setLevel] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useAlerts({ status, level, ...page });
  const openId = params.get('id');
  const exportCsv = () => {
    const rows = list.data?.items ?? [];
    downloadCsv(
      'warnings.csv',
      [
        t('warning.alerts.person'),
        t('warning.alerts.org'),
        t('warning.alerts.rule'),
        t('warning.alerts.level'),
        t('warning.alerts.status'),
        t('warning.alerts.sentence'),
      ],
      rows.map((r) => [
        r.personName,
        r.orgName,
        r.policyName,
        tk(`warning.levels.${r.level}`),
        tk(`warning.statuses.${r.status}`),
        r.sentence,
      ]),
    );
  };
  const table = useTableSettings<Item>(
    'warning-alerts',
    [
      {
        title: t('warning.alerts.person'),
        dataIndex: 'personName',
        width: 100,
        sorter: (a, b) => a.personName.localeCompare(b.personName, 'zh-CN'),
      },
      { title: t('warning.alerts.org'), dataIndex: 'orgName', width: 140 },
      {
        title: t('warning.alerts.level'),
        dataIndex: 'level',
        width: 80,
        render: (v: string) => <Tag color={levelColor[v]}>{tk(`warning.levels.${v}`)}</Tag>,
      },
      { title: t('warning.alerts.sentence'), dataIndex: 'sentence', width: 360 },
      {
        title: t('warning.alerts.status'),
        dataIndex: 'status',
        width: 120,
        render: (v: string, r) => (
          <Space size={4}>
            <Tag>{tk(`warning.statuses.${v}`)}</Tag>
            {r.overdue ? <Tag color="red">{t('warning.alerts.overdue')}</Tag> : null}
          </Space>
        ),
      },
      { title: t('warning.alerts.asOf'), dataIndex: 'lastAsOf', width: 110, sorter: (a, b) => a.lastAsOf.localeCompare(b.lastAsOf) },
    ],
    'middle',
  );

  return (
    <Card title={t('warning.alerts.title')} extra={<Button onClick={exportCsv}>{t('warning.alerts.export')}</Button>}>
      <Typography.Paragraph type="secondary">{t('warning.disclaimer')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 150 }}
          value={status}
          allowClear
          placeholder={t('warning.alerts.status')}
          onChange={(v) => setStatus(v)}
          options={['open', 'new', 'assigned', 'consulted', 'measures', 'follow_up', 'closing', 'closed', 'dismissed'].map((s) => ({
            value: s,
            label: tk(`warning.statuses.${s}`),
          }))}
        />
        <Select
          style={{ width: 120 }}
          value={level}
          allowClear
          placeholder={t('warning.alerts.level')}
          onChange={(v) => setLevel(v)}
          options={['attention', 'warning', 'critical'].map((s) => ({ value: s, label: tk(`warning.levels.${s}`) }))}
        />
        {table.button}
      </Space>
      <QueryErrorAlert error={list.error} />
      <Table<Item>
        rowKey="id"
        size={table.size}
        scroll={{ x: 1000 }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        onRow={(r) => ({ onClick: () => setParams({ id: r.id }), style: { cursor: 'pointer' } })}
        columns={table.columns}
      />
      <AlertDrawer id={openId} onClose={() => setParams({})} />
    </Card>
  );
}

const NEXT: Record<string, AlertAction[]> = {
  new: ['assign', 'dismiss'],
  assigned: ['consultations', 'dismiss'],
  consulted: ['measures', 'dismiss'],
  measures: ['measures', 'follow-ups'],
  follow_up: ['measures', 'follow-ups', 'close'],
};
const ACTION_LABEL: Record<AlertAction, string> = {
  assign: 'assign',
  consultations: 'consult',
  measures: 'measure',
  'follow-ups': 'followUp',
  close: 'close',
  dismiss: 'dismiss',
};

function AlertDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  // Keys built from API enums (statuses, levels, figures); the locale files list every value.
  const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const canHandle = usePermission('warning:handle');
  const detail = useAlert(id);
  const act = useAlertAction();
  const [action, setAction] = useState<AlertAction | null>(null);
  const [form] = Form.useForm();
  const a = detail.data;
  const submit = async () => {
    if (!a || !action) return;
    const values = (await form.validateFields()) as Record<string, unknown>;
    const date = values.date as { format: (f: string) => string } | undefined;
    const body = { ...values, ...(date ? { date: date.format('YYYY-MM-DD') } : {}) };
    try {
      const res = await act.mutateAsync({ id: a.id, action, body });
      if (action === 'close') message.success(t('warning.alerts.caseSent'));
      else message.success(tk(`warning.statuses.${res.status}`));
      setAction(null);
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };
  const req = [{ required: true, message: t('warning.alerts.required') }];
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(640, window.innerWidth)}
      title={t('warning.alerts.detail')}
      destroyOnHidden
    >
      <QueryErrorAlert error={detail.error} />
      {a ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="alert-detail">
          <Typography.Title level={5}>
            {a.personName} · {a.orgName} <Tag color={levelColor[a.level]}>{tk(`warning.levels.${a.level}`)}</Tag>{' '}
            <Tag>{tk(`warning.statuses.${a.status}`)}</Tag>
          </Typography.Title>
          <Typography.Paragraph strong data-testid="alert-sentence">
            {a.sentence}
          </Typography.Paragraph>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('warning.alerts.rule')}>{`${a.policyName}（v${a.policyVersion}）`}</Descriptions.Item>
            <Descriptions.Item
              label={t('warning.alerts.value')}
            >{`${a.evidence.indicatorName ?? ''} ${a.evidence.value ?? ''} ${a.evidence.unit ?? ''}`}</Descriptions.Item>
            {a.evidence.peerKey ? (
              <Descriptions.Item
                label={t('warning.alerts.peers')}
              >{`${a.evidence.peerKey.replaceAll('|', '·')}（${a.evidence.peerN ?? 0} 人）`}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('warning.alerts.context')}>{a.context.join('；')}</Descriptions.Item>
            {a.contributions.length ? (
              <Descriptions.Item label={t('warning.alerts.contributions')}>
                {a.contributions.map((c) => `${c.name}（+${c.logit}）`).join('、')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Text type="secondary">{a.disclaimer}</Typography.Text>
          <Typography.Title level={5}>{t('warning.alerts.history')}</Typography.Title>
          <Timeline
            items={a.events.map((e) => ({
              children: `${formatDateTime(e.at).slice(0, 16)} ${e.action}${stepDetail(e.data, tk)} · ${e.actorName}${e.note ? `：${e.note}` : ''}`,
            }))}
          />
          {canHandle ? (
            <Space wrap>
              {(NEXT[a.status] ?? []).map((x) => (
                <Button key={x} type={x === 'dismiss' ? 'default' : 'primary'} onClick={() => setAction(x)} data-testid={`action-${x}`}>
                  {tk(`warning.alerts.${ACTION_LABEL[x]}`)}
                </Button>
              ))}
            </Space>
          ) : null}
          {action ? (
            <Form form={form} layout="vertical" data-testid="action-form">
              {action === 'consultations' ? (
                <>
                  <Form.Item name="date" label={t('warning.alerts.date')} rules={req}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="attendees" label={t('warning.alerts.attendees')} rules={req}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="conclusion" label={t('warning.alerts.conclusion')} rules={req}>
                    <Input.TextArea maxLength={1000} />
                  </Form.Item>
                </>
              ) : null}
              {action === 'measures' ? (
                <>
                  <Form.Item name="type" label={t('warning.alerts.measureType')} rules={req}>
                    <Select options={MEASURES.map((m) => ({ value: m, label: m }))} />
                  </Form.Item>
                  <Form.Item name="date" label={t('warning.alerts.date')} rules={req}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="note" label={t('warning.alerts.note')} rules={req}>
                    <Input.TextArea maxLength={1000} />
                  </Form.Item>
                </>
              ) : null}
              {action === 'follow-ups' ? (
                <>
                  <Form.Item name="day" label={t('warning.alerts.day')} rules={req}>
                    <Select options={[30, 60, 90].map((d) => ({ value: d, label: `${d} 天` }))} />
                  </Form.Item>
                  <Form.Item name="date" label={t('warning.alerts.date')} rules={req}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name="note" label={t('warning.alerts.note')} rules={req}>
                    <Input.TextArea maxLength={1000} />
                  </Form.Item>
                </>
              ) : null}
              {action === 'close' ? (
                <>
                  <Form.Item name="outcome" label={t('warning.alerts.outcome')} rules={req}>
                    <Select options={OUTCOMES.map((m) => ({ value: m, label: m }))} />
                  </Form.Item>
                  <Form.Item name="note" label={t('warning.alerts.note')} rules={req}>
                    <Input.TextArea maxLength={1000} />
                  </Form.Item>
                </>
              ) : null}
              {action === 'dismiss' ? (
                <>
                  <Form.Item name="reason" label={t('warning.alerts.reason')} rules={req}>
                    <Select options={REASONS.map((m) => ({ value: m, label: m }))} />
                  </Form.Item>
                  <Form.Item name="note" label={t('warning.alerts.note')} rules={req}>
                    <Input.TextArea maxLength={1000} />
                  </Form.Item>
                </>
              ) : null}
              <Button type="primary" loading={act.isPending} onClick={() => void submit()} data-testid="action-submit">
                {t('warning.alerts.submit')}
              </Button>
            </Form>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
