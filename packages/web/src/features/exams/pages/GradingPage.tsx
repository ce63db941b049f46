import { EyeInvisibleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useGrade, useGradingQueue } from '../api';

/** 阅卷: short answers one at a time, blind to who wrote them; the score is bounded by the item's maximum. */
export function GradingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [examId, setExamId] = useState<string | undefined>(undefined);
  const queue = useGradingQueue(examId);
  const grade = useGrade();
  const [skipped, setSkipped] = useState<string[]>([]);
  const [form] = Form.useForm<{ score: number | null; comment: string }>();
  // Exams seen in the unfiltered queue, so the filter keeps its options once one is chosen.
  const [examOptions, setExamOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    if (examId || !queue.data) return;
    const seen = new Map<string, string>();
    for (const item of queue.data.items) seen.set(item.examId, item.examTitle);
    setExamOptions([...seen].map(([value, label]) => ({ value, label })));
  }, [queue.data, examId]);

  const items = queue.data?.items ?? [];
  const current = useMemo(() => items.find((i) => !skipped.includes(i.answerId)) ?? items[0], [items, skipped]);

  useEffect(() => {
    form.resetFields();
  }, [current?.answerId, form]);

  const onSubmit = async () => {
    if (!current) return;
    const values = await form.validateFields();
    try {
      await grade.mutateAsync({ answerId: current.answerId, score: values.score ?? 0, comment: values.comment?.trim() });
      void message.success(t('exams.grading.saved'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card
      title={t('exams.grading.title')}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('exams.grading.allExams')}
            value={examId}
            onChange={(value?: string) => {
              setExamId(value);
              setSkipped([]);
            }}
            options={examOptions}
            style={{ width: 240 }}
            aria-label={t('exams.grading.exam')}
          />
          <Tag color="orange">{t('exams.grading.remaining', { count: queue.data?.total ?? 0 })}</Tag>
        </Space>
      }
      loading={queue.isPending}
    >
      {queue.isError && <QueryErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      <Typography.Paragraph type="secondary">
        <EyeInvisibleOutlined /> {t('exams.grading.blindHint')}
      </Typography.Paragraph>
      {!current ? (
        <Empty description={t('exams.grading.done')} />
      ) : (
        <Flex vertical gap={16} data-testid="grading-item" style={{ maxWidth: 900 }}>
          <Typography.Text type="secondary">
            {current.examTitle} · {t('exams.grading.question', { no: current.no })}
          </Typography.Text>
          <Typography.Paragraph strong style={{ fontSize: 16, whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {current.stem}
          </Typography.Paragraph>
          <Card size="small" title={t('exams.grading.reference')} style={{ background: '#f6ffed' }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{current.reference}</Typography.Paragraph>
          </Card>
          <Card size="small" title={t('exams.grading.response')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="grading-response">
              {current.response.text?.trim() ? current.response.text : t('exams.grading.noResponse')}
            </Typography.Paragraph>
          </Card>
          <Form form={form} layout="inline" onFinish={() => void onSubmit()} initialValues={{ score: null, comment: '' }}>
            <Form.Item
              name="score"
              label={t('exams.grading.score')}
              extra={t('exams.grading.maxScore', { max: current.maxScore })}
              rules={[
                { required: true, message: t('common.required', { field: t('exams.grading.score') }) },
                {
                  type: 'number',
                  min: 0,
                  max: current.maxScore,
                  message: t('exams.grading.scoreRange', { max: current.maxScore }),
                },
              ]}
            >
              <InputNumber min={0} max={current.maxScore} step={0.5} autoFocus style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="comment" label={t('exams.grading.comment')} style={{ flex: 1, minWidth: 200 }}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={grade.isPending}>
                  {t('exams.grading.submitNext')}
                </Button>
                {items.length > 1 && (
                  <Button onClick={() => setSkipped((s) => [...s.filter((id) => id !== current.answerId), current.answerId])}>
                    {t('exams.grading.skip')}
                  </Button>
                )}
              </Space>
            </Form.Item>
          </Form>
        </Flex>
      )}
    </Card>
  );
}
