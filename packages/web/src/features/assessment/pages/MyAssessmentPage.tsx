import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileAppeal, useMyResult, useMyResults } from '../api';
import { ResultExplanation } from '../components/ResultExplanation';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** 我的考核: one's own results with their explanation, the annual grades on record, and an appeal (works on a phone). */
export function MyAssessmentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMyResults();
  const [open, setOpen] = useState<string | null>(null);
  const detail = useMyResult(open);
  const appeal = useFileAppeal();
  const [form] = Form.useForm<{ reason: string; indicatorKey?: string }>();
  const send = async () => {
    if (!open) return;
    const v = await form.validateFields();
    try {
      await appeal.mutateAsync({ resultId: open, reason: v.reason, ...(v.indicatorKey ? { indicatorKey: v.indicatorKey } : {}) });
      void message.success(t('assessment.result.appealSent'));
      form.resetFields();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('assessment.my.title')}</Typography.Title>
      {mine.isError && <Alert type="error" message={errorText(mine.error)} />}
      {mine.data && mine.data.appraisals.length > 0 && (
        <Card size="small" title={t('assessment.my.appraisals')} data-testid="my-appraisals">
          {mine.data.appraisals.map((a) => (
            <Tag key={a.year} color={a.grade === '优秀' ? 'gold' : undefined}>
              {a.year} {a.grade}
            </Tag>
          ))}
        </Card>
      )}
      <List
        data-testid="my-results"
        bordered
        locale={{ emptyText: <Empty description={t('assessment.my.none')} /> }}
        dataSource={mine.data?.items}
        renderItem={(r) => (
          <List.Item
            onClick={() => setOpen(r.resultId)}
            style={{ cursor: 'pointer' }}
            actions={[<Tag key="s">{t(`assessment.round.statuses.${r.status}`)}</Tag>]}
          >
            <List.Item.Meta
              title={`${r.period} ${r.schemeName}`}
              description={`${t('assessment.round.total')} ${r.total}${r.grade ? ` · ${r.grade}` : ''}`}
            />
          </List.Item>
        )}
      />
      {detail.data && (
        <Card size="small" data-testid="my-result">
          <ResultExplanation result={detail.data} />
          {detail.data.appeals.map((a) => (
            <Alert
              key={a.id}
              style={{ marginTop: 8 }}
              type={a.status === 'open' ? 'info' : a.status === 'upheld' ? 'success' : 'warning'}
              message={`${t('assessment.result.appeal')}：${t(`assessment.appeal.statuses.${a.status}`)}`}
              description={[a.reason, a.decisionNote, a.change].filter(Boolean).join(' / ')}
            />
          ))}
          {detail.data.mayAppeal && (
            <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
              <Form.Item name="indicatorKey" label={t('assessment.result.appealIndicator')}>
                <Select
                  allowClear
                  data-testid="appeal-indicator"
                  options={detail.data.lines.filter((l) => l.source === 'manual').map((l) => ({ value: l.key, label: l.name }))}
                />
              </Form.Item>
              <Form.Item name="reason" label={t('assessment.result.appealReason')} rules={[{ required: true, min: 5 }]}>
                <Input.TextArea data-testid="appeal-reason" rows={3} />
              </Form.Item>
              <Button type="primary" block data-testid="appeal-send" loading={appeal.isPending} onClick={() => void send()}>
                {t('assessment.result.appeal')}
              </Button>
            </Form>
          )}
        </Card>
      )}
    </Space>
  );
}
