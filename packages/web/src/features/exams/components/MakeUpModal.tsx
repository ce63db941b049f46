import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useMakeUp } from '../api';
import type { Exam } from '../types';

/** 安排补考: a new exam for those of this one who never submitted. */
export function MakeUpModal({ exam, onClose }: { exam: Exam; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ title: string; window: [Dayjs, Dayjs] }>();
  const makeUp = useMakeUp(exam.id);

  const onOk = async () => {
    const values = await form.validateFields();
    try {
      const created = await makeUp.mutateAsync({
        title: values.title.trim(),
        startsAt: values.window[0].second(0).millisecond(0).toISOString(),
        endsAt: values.window[1].second(0).millisecond(0).toISOString(),
      });
      void message.success(t('exams.detail.makeUpCreated'));
      onClose();
      navigate(`/exams/${created.id}`);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Modal
      open
      title={t('exams.detail.makeUpTitle')}
      onCancel={onClose}
      onOk={() => void onOk()}
      confirmLoading={makeUp.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('exams.detail.makeUpHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ title: t('exams.detail.makeUpDefaultTitle', { title: exam.title }) }}>
        <Form.Item name="title" label={t('exams.fields.title')} rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="window"
          label={t('exams.fields.window')}
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('exams.fields.window') }) },
            {
              validator: (_, value?: [Dayjs, Dayjs]) =>
                !value || value[1].isAfter(value[0]) ? Promise.resolve() : Promise.reject(new Error(t('exams.form.endAfterStart'))),
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
