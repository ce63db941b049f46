import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useExit } from '../api';
import type { ExitKind } from '../types';

interface Values {
  kind: ExitKind;
  exitDate: Dayjs;
  reason: string;
}

/** 离职/辞退/合同到期: status change through the personnel service, contract closed. */
export function ExitModal({ personId, name, onClose }: { personId: string; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const exit = useExit();
  const showError = useErrorMessage();
  const submit = async () => {
    const v = await form.validateFields();
    exit.mutate(
      { personId, kind: v.kind, exitDate: v.exitDate.format('YYYY-MM-DD'), reason: v.reason },
      { onSuccess: onClose, onError: showError },
    );
  };
  return (
    <Modal
      open
      title={t('auxiliary.exit.title', { name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('auxiliary.exit.submit')}
      okButtonProps={{ danger: true, loading: exit.isPending }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('auxiliary.exit.warning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ kind: 'resignation', exitDate: dayjs() }}>
        <Form.Item name="kind" label={t('auxiliary.exit.kind')} rules={[{ required: true }]}>
          <Select
            options={(['resignation', 'dismissal', 'contract_end'] as const).map((k) => ({
              value: k,
              label: t(`auxiliary.exit.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="exitDate" label={t('auxiliary.exit.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('auxiliary.exit.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('auxiliary.exit.reason') }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
