import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useDecideCorrection } from '../api';
import type { PendingCorrection } from '@zhenggong/core';

interface DecisionModalProps {
  request: PendingCorrection;
  approve: boolean;
  onClose: () => void;
}

/** Approve (note optional) or reject (note required, the requester reads it). */
export function DecisionModal({ request, approve, onClose }: DecisionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ note?: string }>();
  const decide = useDecideCorrection();

  const onFinish = ({ note }: { note?: string }) =>
    decide.mutate(
      { caseId: request.caseId ?? '', approve, note: note?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('selfService.review.done'));
          onClose();
        },
        onError: showError,
      },
    );

  return (
    <Modal
      open
      title={
        approve
          ? t('selfService.review.approveTitle', { name: request.personName })
          : t('selfService.review.rejectTitle', { name: request.personName })
      }
      okText={approve ? t('selfService.review.approve') : t('selfService.review.reject')}
      okButtonProps={{ danger: !approve }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {approve && <Typography.Paragraph type="secondary">{t('selfService.review.approveHint')}</Typography.Paragraph>}
      <Form form={form} name="correctionDecision" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('selfService.review.note')}
          name="note"
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('selfService.review.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
