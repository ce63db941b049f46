import { Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseAction } from '@zhenggong/core';

export interface ActionInput {
  text?: string;
  to?: 'previous' | 'submitter';
  uphold?: boolean;
}

/** The text an action needs: a reason for reject/return, an optional comment for approve, the objection and its resolution. */
export function ActionModal(props: {
  action: CaseAction | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (input: ActionInput) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionInput>();
  const { action } = props;
  const required =
    action === 'reject' || action === 'return' || action === 'comment' || action === 'object' || action === 'resolve_objection';
  const label =
    action === 'object'
      ? t('workflow.form.objection')
      : action === 'resolve_objection'
        ? t('workflow.form.resolution')
        : required
          ? t('workflow.form.reason')
          : t('workflow.form.comment');
  return (
    <Modal
      open={action !== null}
      title={action ? t(`workflow.action.${action}`) : ''}
      okText={action ? t(`workflow.action.${action}`) : ''}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then(props.onSubmit)}
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ to: 'submitter' }}>
        {action === 'return' && (
          <Form.Item name="to" label={t('workflow.form.returnTo')}>
            <Radio.Group
              options={[
                { value: 'submitter', label: t('workflow.form.toSubmitter') },
                { value: 'previous', label: t('workflow.form.toPrevious') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: t('workflow.form.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        {action === 'resolve_objection' && (
          <Form.Item name="uphold" valuePropName="checked">
            <Checkbox>{t('workflow.form.uphold')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
