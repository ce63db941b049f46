import { Alert, App, Card, Empty, Form, Input, List, Modal, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useFileAppeal, useSelfView } from '../api';

/** 我的质态指标: the officer's own indicators against peers (percentiles only), prompts after verification, and appeals. Phone-first. */
export function SelfViewPage() {
  const { t } = useTranslation();
  // Keys built from API enums (statuses, levels, figures); the locale files list every value.
  const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const view = useSelfView();
  const appeal = useFileAppeal();
  const [target, setTarget] = useState<{ ref: string; label: string } | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const v = view.data;
  // An appeal names the record it is about, in the words the indicators' sources use.
  const sourceLabel = new Map(v?.indicators.flatMap((i) => i.sources.map((s) => [s.ref, s.label] as const)) ?? []);
  const send = async () => {
    if (!target) return;
    const { reason } = await form.validateFields();
    try {
      await appeal.mutateAsync({ factRef: target.ref, reason });
      message.success(t('warning.self.appealSent'));
      setTarget(null);
      form.resetFields();
    } catch (e) {
      showError(e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={t('warning.self.title')}
        extra={v?.asOf ? <Typography.Text type="secondary">{t('warning.self.asOf', { date: v.asOf })}</Typography.Text> : null}
      >
        <QueryErrorAlert error={view.error} />
        {v && !v.asOf ? <Empty description={t('warning.self.none')} /> : null}
        {v?.alerts.map((a) => (
          <Alert
            key={a.id}
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={a.policyName}
            description={`${a.sentence} ${a.disclaimer}`}
            data-testid="self-alert"
          />
        ))}
        <List
          dataSource={v?.asOf ? v.indicators : []}
          renderItem={(i) => (
            <List.Item data-testid={`indicator-${i.code}`}>
              <Space direction="vertical" style={{ width: '100%' }} size={2}>
                <Space wrap>
                  <Typography.Text strong>{i.name}</Typography.Text>
                  <Tag>{i.dimension}</Tag>
                </Space>
                {i.missing ? (
                  <Typography.Text type="secondary">{t('warning.self.missing')}</Typography.Text>
                ) : (
                  <Typography.Text>
                    {i.unit === '是/否'
                      ? i.value
                        ? t('warning.self.yes')
                        : t('warning.self.no')
                      : i.unit === '比例'
                        ? `${Math.round((i.value ?? 0) * 100)}%`
                        : `${i.value ?? ''} ${i.unit}`}
                  </Typography.Text>
                )}
                {i.percentile !== null && i.peerN !== null ? (
                  <>
                    <Progress percent={Math.round(i.percentile * 100)} size="small" showInfo={false} />
                    <Typography.Text type="secondary">
                      {t('warning.self.peers', { pct: Math.round(i.percentile * 100), n: i.peerN })}
                    </Typography.Text>
                  </>
                ) : null}
                {i.sources.length ? (
                  <Space wrap size={4}>
                    <Typography.Text type="secondary">{t('warning.self.sources')}：</Typography.Text>
                    {i.sources.slice(0, 6).map((s) => (
                      <Tag key={s.ref} style={{ cursor: 'pointer' }} onClick={() => setTarget(s)} data-testid="source-tag">
                        {s.label} · {t('warning.self.appeal')}
                      </Tag>
                    ))}
                  </Space>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {v?.appeals.length ? (
        <Card title={t('warning.self.appeals')}>
          <List
            dataSource={v.appeals}
            renderItem={(a) => (
              <List.Item data-testid="my-appeal">
                <Space direction="vertical" size={2}>
                  <Tag color={a.status === 'upheld' ? 'green' : a.status === 'open' ? 'blue' : 'default'}>
                    {tk(`warning.self.appealStatus.${a.status}`)}
                  </Tag>
                  {sourceLabel.has(a.factRef) ? <Typography.Text strong>{sourceLabel.get(a.factRef)}</Typography.Text> : null}
                  <Typography.Text>{a.reason}</Typography.Text>
                  {a.answer ? <Typography.Text type="secondary">{a.answer}</Typography.Text> : null}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Modal
        open={target !== null}
        title={`${t('warning.self.appealTitle')}：${target?.label ?? ''}`}
        onCancel={() => setTarget(null)}
        onOk={() => void send()}
        confirmLoading={appeal.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('warning.self.reason')} rules={[{ required: true, message: t('warning.alerts.required') }]}>
            <Input.TextArea maxLength={1000} rows={4} data-testid="appeal-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
