import { Alert, Button, Flex, Form, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useBatchDecision } from '../api';
import type { BatchDecisionResult, TodoItem } from '@zhenggong/core';

type BatchAction = 'approve' | 'return';

/**
 * 批量审批 for the selected to-dos: one comment (a reason, to return), each case decided on its
 * own by the server, then a summary naming every case not decided and why.
 */
export function BatchDecision(props: { selected: readonly TodoItem[]; onDone: () => void; onClear: () => void }) {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ comment?: string }>();
  const [action, setAction] = useState<BatchAction | null>(null);
  const [result, setResult] = useState<BatchDecisionResult | null>(null);
  const decide = useBatchDecision();
  const count = props.selected.length;
  const titles = new Map(props.selected.map((r) => [r.caseId, r.title]));
  const [titlesAtSubmit, setTitlesAtSubmit] = useState(titles);

  const submit = ({ comment }: { comment?: string }) => {
    if (!action) return;
    const caseIds = props.selected.map((r) => r.caseId);
    setTitlesAtSubmit(titles);
    decide.mutate(
      { caseIds, action, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
      {
        onSuccess: (res) => {
          setAction(null);
          setResult(res);
          props.onDone();
        },
        onError: showError,
      },
    );
  };

  const refused = result?.results.filter((r) => r.outcome === 'refused') ?? [];
  return (
    <>
      {count > 0 && (
        <Flex gap={8} wrap="wrap" align="center" style={{ marginBottom: 12 }} data-testid="todo-batch-bar">
          <Typography.Text>{t('workflow.batch.selected', { count })}</Typography.Text>
          <Button type="primary" size="small" onClick={() => setAction('approve')}>
            {t('workflow.batch.approve')}
          </Button>
          <Button size="small" onClick={() => setAction('return')}>
            {t('workflow.batch.return')}
          </Button>
          <Button size="small" type="link" onClick={props.onClear}>
            {t('workflow.batch.clear')}
          </Button>
        </Flex>
      )}
      <Modal
        open={action !== null}
        title={action ? t(`workflow.batch.${action}Title`, { count }) : ''}
        okText={action ? t(`workflow.batch.${action}`) : ''}
        confirmLoading={decide.isPending}
        onCancel={() => setAction(null)}
        onOk={() => void form.validateFields().then(submit)}
        destroyOnHidden
        afterClose={() => form.resetFields()}
      >
        <Alert type="info" showIcon message={t('workflow.batch.hint')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="comment"
            label={action === 'return' ? t('workflow.form.reason') : t('workflow.form.comment')}
            rules={action === 'return' ? [{ required: true, whitespace: true, message: t('workflow.form.reasonRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={result !== null}
        title={t('workflow.batch.resultTitle')}
        onCancel={() => setResult(null)}
        footer={
          <Button type="primary" onClick={() => setResult(null)}>
            {t('common.ok')}
          </Button>
        }
      >
        {result && (
          <Flex vertical gap={12} data-testid="todo-batch-result">
            <Alert
              type={result.refused > 0 ? 'warning' : 'success'}
              showIcon
              message={t('workflow.batch.summary', { decided: result.decided, refused: result.refused })}
            />
            {refused.length > 0 && (
              <List
                size="small"
                header={t('workflow.batch.refusedList')}
                dataSource={refused}
                renderItem={(r) => (
                  <List.Item>
                    <Flex vertical>
                      <Typography.Text>{titlesAtSubmit.get(r.caseId) ?? r.caseId}</Typography.Text>
                      <Typography.Text type="secondary">{r.error?.message}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Flex>
        )}
      </Modal>
    </>
  );
}
