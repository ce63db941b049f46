import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadAppointmentForm, type AppointmentExtras } from '../api';

type Values = AppointmentExtras & { format: 'docx' | 'lrmx' };

/** 干部任免审批表: the record fills the form; the submission's own items are typed here. */
export function AppointmentFormModal({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ format, ...extras }: Values) => {
    const filled = Object.fromEntries(
      Object.entries(extras).map(([key, value]) => [key, typeof value === 'string' ? value.trim() || undefined : undefined]),
    );
    setBusy(true);
    try {
      await downloadAppointmentForm(personId, format, filled);
      message.success(t('personnel.export.done'));
      onClose();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('personnel.appointment.title')}
      okText={t('personnel.appointment.download')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('personnel.appointment.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="appointmentForm"
        layout="vertical"
        initialValues={{ format: 'docx' }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item label={t('personnel.appointment.proposedPost')} name="proposedPost">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('personnel.appointment.proposedRemoval')} name="proposedRemoval">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('personnel.appointment.reason')} name="reason">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label={t('personnel.appointment.reportingUnit')} name="reportingUnit">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('personnel.appointment.health')} name="health" extra={t('personnel.appointment.healthHint')}>
          <Input maxLength={50} placeholder={t('personnel.appointment.healthPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('personnel.appointment.format')} name="format">
          <Radio.Group
            options={[
              { value: 'docx', label: t('personnel.appointment.docx') },
              { value: 'lrmx', label: t('personnel.appointment.lrmx') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
