import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { useCreateBank } from '../api';
import type { Bank } from '../types';

/** A new bank (题库) owned by a unit in the caller's scope. */
export function CreateBankModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (bank: Bank) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ name: string; description?: string; orgId: string }>();
  const create = useCreateBank();
  const onOk = async () => {
    const values = await form.validateFields();
    try {
      const bank = await create.mutateAsync(values);
      form.resetFields();
      onCreated(bank);
    } catch (failure) {
      message.error(errorText(failure));
    }
  };
  return (
    <Modal
      open={open}
      title={t('questionBank.bank.create')}
      onCancel={onClose}
      onOk={() => void onOk()}
      confirmLoading={create.isPending}
      destroyOnClose
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('questionBank.bank.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('questionBank.bank.name') }) },
            { max: 100 },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('questionBank.bank.org')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('questionBank.bank.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="description" label={t('questionBank.bank.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
