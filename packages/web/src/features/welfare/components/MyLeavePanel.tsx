import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeaveKinds, useMyLedger, useWelfarePost, type Ledger } from '../api';
import { statusColor } from './status';

interface ApplyForm {
  kind: string;
  dates: [Dayjs, Dayjs];
  reason: string;
  homeVisitOption?: string;
}

/** The officer's own leave: apply, the year's ledger, and their applications. */
export function MyLeavePanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const year = new Date().getFullYear();
  const ledger = useMyLedger(year);
  const kinds = useLeaveKinds();
  const [form] = Form.useForm<ApplyForm>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const apply = useWelfarePost<ApplyForm>(
    () => '/leave/applications',
    (v) => ({
      kind: v.kind,
      startDate: v.dates[0].format('YYYY-MM-DD'),
      endDate: v.dates[1].format('YYYY-MM-DD'),
      reason: v.reason,
      ...(v.homeVisitOption ? { homeVisitOption: v.homeVisitOption } : {}),
    }),
  );
  const cancel = useWelfarePost<string>(
    (id) => `/leave/applications/${id}/cancel`,
    () => ({ note: null }),
  );
  const l: Ledger | undefined = ledger.data;
  const en = i18n.language.startsWith('en');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {l && (
        <Card size="small" data-testid="leave-ledger">
          <Row gutter={[12, 12]}>
            <Col xs={8} md={4}>
              <Statistic title={t('welfare.leave.entitled')} value={l.entitled} suffix="天" />
            </Col>
            <Col xs={8} md={4}>
              <Statistic title={t('welfare.leave.carried')} value={l.carriedOver} />
            </Col>
            <Col xs={8} md={4}>
              <Statistic title={t('welfare.leave.taken')} value={l.taken} />
            </Col>
            <Col xs={8} md={4}>
              <Statistic title={t('welfare.leave.pending')} value={l.pending} />
            </Col>
            <Col xs={8} md={4}>
              <Statistic title={t('welfare.leave.paidOut')} value={l.paidOut} />
            </Col>
            <Col xs={8} md={4}>
              <Statistic
                title={t('welfare.leave.remaining')}
                value={l.remaining}
                valueStyle={{ color: '#1677ff' }}
                data-testid="leave-remaining"
              />
            </Col>
          </Row>
          <div style={{ marginTop: 8, color: '#666' }}>
            {t('welfare.leave.years', { years: l.years })}
            {l.exclusion && ` · ${t('welfare.leave.exclusion', { reason: t(`welfare.exclusion.${l.exclusion as 'NOT_ELIGIBLE'}`) })}`}
          </div>
        </Card>
      )}
      <Card size="small" title={t('welfare.leave.apply')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} closable onClose={() => setError(null)} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            setError(null);
            try {
              await apply.mutateAsync(v);
              message.success(t('welfare.leave.submitted'));
              form.resetFields();
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            }
          }}
        >
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name="kind" label={t('welfare.leave.kind')} rules={[{ required: true }]}>
                <Select options={(kinds.data?.kinds ?? []).map((k) => ({ value: k.code, label: en ? k.nameEn : k.name }))} />
              </Form.Item>
            </Col>
            {kind === 'home_visit' && (
              <Col xs={24} md={6}>
                <Form.Item name="homeVisitOption" label={t('welfare.leave.option')} rules={[{ required: true }]}>
                  <Select
                    options={(kinds.data?.homeVisitOptions ?? []).map((o) => ({
                      value: o.code,
                      label: `${t(`welfare.relation.${o.relation as 'spouse'}`)} ${o.days}天/${o.everyYears}年`,
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={8}>
              <Form.Item name="dates" label={t('welfare.leave.dates')} rules={[{ required: true }]}>
                <DatePicker.RangePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="reason" label={t('welfare.leave.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Button
            type="primary"
            htmlType="submit"
            loading={apply.isPending}
            block={typeof window !== 'undefined' && window.innerWidth < 576}
          >
            {t('welfare.leave.submit')}
          </Button>
        </Form>
      </Card>
      {l && (
        <Card size="small" title={t('welfare.leave.homeVisit')}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            {l.homeVisit.map((h) => (
              <Descriptions.Item key={h.option} label={t(`welfare.relation.${h.relation as 'spouse'}`)}>
                {h.allowed ? t('welfare.leave.homeAllowed', { days: h.days }) : t('welfare.leave.homeNext', { year: h.nextYear })}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 560 }}
        data-testid="my-leaves"
        loading={ledger.isPending}
        dataSource={l?.leaves ?? []}
        pagination={false}
        columns={[
          { title: t('welfare.leave.kind'), dataIndex: 'kindName' },
          { title: t('welfare.leave.start'), dataIndex: 'startDate' },
          { title: t('welfare.leave.end'), dataIndex: 'endDate' },
          { title: t('welfare.leave.days'), dataIndex: 'days' },
          {
            title: t('welfare.leave.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={statusColor(s)}>{t(`welfare.status.${s as 'pending'}`)}</Tag>,
          },
          {
            title: '',
            key: 'act',
            render: (_: unknown, r) =>
              r.status === 'pending' || r.status === 'approved' ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => void cancel.mutateAsync(r.id).catch((e: Error) => message.error(e.message))}
                >
                  {t('welfare.leave.cancel')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
