import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useConfirmCompletion } from '../api';
import type { RosterPerson } from '@zhenggong/core';

/** Staff confirm completion person by person; below-threshold trainees need a written reason. */
export function CompletionModal({
  classId,
  threshold,
  people,
  onClose,
}: {
  classId: string;
  threshold: number;
  people: RosterPerson[];
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ overrideReason?: string }>();
  const confirm = useConfirmCompletion(classId);
  const showError = useErrorMessage();
  const below = people.filter((p) => !p.meetsThreshold);
  return (
    <Modal
      title={t('training.detail.confirmTitle')}
      open={people.length > 0}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      confirmLoading={confirm.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('training.detail.confirmHint')}</Typography.Paragraph>
      <Typography.Paragraph strong>{people.map((p) => p.name).join('、')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          confirm.mutate(
            {
              personIds: people.map((p) => p.personId),
              ...(below.length > 0 && v.overrideReason ? { overrideReason: v.overrideReason } : {}),
            },
            { onSuccess: () => onClose(true), onError: showError },
          )
        }
      >
        {below.length > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('training.detail.belowThreshold', { threshold, names: below.map((p) => p.name).join('、') })}
            />
            <Form.Item
              name="overrideReason"
              label={t('training.detail.overrideReason')}
              rules={[{ required: true, min: 2, message: t('common.required', { field: t('training.detail.overrideReason') }) }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
