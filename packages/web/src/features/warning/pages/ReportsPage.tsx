import { App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { ReportSections, ReportView } from '@zhenggong/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadReport, useReportMutations, useReports, useReportSummary } from '../api';

const quarters = () => {
  const now = new Date();
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - 3 * i, 1);
    out.push(`${d.getFullYear()}Q${Math.floor(d.getMonth() / 3) + 1}`);
  }
  return out;
};

/** 季度队伍质态报告: branches draft from the data, edit, download .docx and submit; the city sees the summary. */
export function ReportsPage() {
  const { t } = useTranslation();
  // Keys built from API enums (statuses, levels, figures); the locale files list every value.
  const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [quarter, setQuarter] = useState(quarters()[0] ?? '');
  const [orgId, setOrgId] = useState<string | undefined>();
  const reports = useReports(quarter);
  const summary = useReportSummary(quarter);
  const m = useReportMutations();
  const [editing, setEditing] = useState<ReportView | null>(null);
  const [form] = Form.useForm<ReportSections>();
  const run = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('warning.reports.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select value={quarter} onChange={setQuarter} options={quarters().map((q) => ({ value: q, label: q }))} style={{ width: 120 }} />
          <OrgTreeSelect value={orgId} onChange={(v: string | undefined) => setOrgId(v)} style={{ width: 220 }} />
          <Button
            type="primary"
            disabled={!orgId}
            loading={m.create.isPending}
            onClick={() => orgId && void run(async () => setEditing(await m.create.mutateAsync({ orgId, quarter })))}
          >
            {t('warning.reports.draft')}
          </Button>
        </Space>
        {reports.error ? <QueryErrorAlert error={reports.error} /> : null}
        <Table<ReportView>
          rowKey="id"
          size="middle"
          dataSource={reports.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('warning.reports.org'), dataIndex: 'orgName' },
            { title: t('warning.reports.quarter'), dataIndex: 'quarter' },
            {
              title: t('warning.reports.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag>{tk(`warning.reports.statuses.${s}`)}</Tag>,
            },
            {
              title: '',
              render: (_: unknown, r) => (
                <Space wrap>
                  <Button size="small" onClick={() => void downloadReport(r)}>
                    {t('warning.reports.docx')}
                  </Button>
                  {r.status === 'draft' || r.status === 'returned' ? (
                    <>
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(r);
                          form.setFieldsValue(r.sections);
                        }}
                      >
                        {t('warning.reports.edit')}
                      </Button>
                      <Button
                        size="small"
                        type="primary"
                        onClick={() =>
                          void run(async () => {
                            await m.submit.mutateAsync(r.id);
                            message.success(t('warning.reports.statuses.submitted'));
                          })
                        }
                      >
                        {t('warning.reports.submit')}
                      </Button>
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <Card title={`${editing.orgName} ${editing.quarter}`}>
          <Form form={form} layout="vertical" initialValues={editing.sections} key={editing.id}>
            {(['overview', 'warnings', 'problems', 'measures'] as const).map((k) => (
              <Form.Item
                key={k}
                name={k}
                label={tk(`warning.reports.${k}`)}
                rules={[{ required: true, message: t('warning.alerts.required') }]}
              >
                <Input.TextArea rows={4} maxLength={5000} />
              </Form.Item>
            ))}
            <Button
              type="primary"
              loading={m.save.isPending}
              onClick={() =>
                void run(async () => {
                  setEditing(await m.save.mutateAsync({ id: editing.id, sections: await form.validateFields() }));
                  message.success(t('warning.reports.save'));
                })
              }
            >
              {t('warning.reports.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Card title={t('warning.reports.summary')}>
        <Table
          rowKey="orgId"
          size="small"
          pagination={false}
          dataSource={summary.data?.rows ?? []}
          columns={[
            { title: t('warning.reports.org'), dataIndex: 'orgName' },
            {
              title: t('warning.reports.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag>{tk(`warning.reports.statuses.${s}`)}</Tag>,
            },
            { title: t('warning.cockpit.people'), render: (_: unknown, r: { figures: Record<string, number> }) => r.figures.people ?? '—' },
            {
              title: t('warning.cockpit.openAlerts'),
              render: (_: unknown, r: { figures: Record<string, number> }) => r.figures.alertsOpen ?? '—',
            },
          ]}
        />
      </Card>
    </Space>
  );
}
