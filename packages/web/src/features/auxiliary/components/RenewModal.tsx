import { Alert, Checkbox, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useRenewContract } from '../api';
import type { ContractKind } from '../types';

interface Values {
  kind: ContractKind;
  startDate?: Dayjs;
  endDate?: Dayjs;
  workerChoseFixedTerm?: boolean;
}

/** 续签: a new contract row follows the old one; empty dates take the defaults from the rules. */
export function RenewModal({
  contractId,
  name,
  kind,
  openEndedRight = false,
  onClose,
}: {
  contractId: string;
  name: string;
  kind: ContractKind;
  /** 劳动合同法 第十四条: the officer may claim an open-ended contract at this renewal. */
  openEndedRight?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const renew = useRenewContract();
  const showError = useErrorMessage();
  const chosenKind = Form.useWatch('kind', form);
  const submit = async () => {
    const v = await form.validateFields();
    renew.mutate(
      {
        contractId,
        kind: v.kind,
        startDate: v.startDate?.format('YYYY-MM-DD'),
        endDate: v.endDate?.format('YYYY-MM-DD'),
        ...(v.workerChoseFixedTerm ? { workerChoseFixedTerm: true } : {}),
      },
      { onSuccess: onClose, onError: showError },
    );
  };
  return (
    <Modal
      open
      title={t('auxiliary.reminders.renewTitle', { name })}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: renew.isPending }}
      destroyOnHidden
    >
      {openEndedRight && <Alert type="info" showIcon message={t('auxiliary.reminders.openEndedHint')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind }}>
        <Form.Item name="kind" label={t('auxiliary.detail.kind')}>
          <Select
            options={(['fixed', 'open_ended', 'task'] as const).map((k) => ({ value: k, label: t(`auxiliary.detail.kinds.${k}`) }))}
          />
        </Form.Item>
        {openEndedRight && chosenKind !== 'open_ended' && (
          <Form.Item
            name="workerChoseFixedTerm"
            valuePropName="checked"
            rules={[
              { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('auxiliary.reminders.workerChoseRequired')))) },
            ]}
          >
            <Checkbox>{t('auxiliary.reminders.workerChose')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="startDate" label={t('auxiliary.detail.start')} extra={t('auxiliary.detail.endHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={t('auxiliary.detail.end')} extra={t('auxiliary.detail.endHint')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
