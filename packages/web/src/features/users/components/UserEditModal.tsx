import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useUpdateUser, type UpdateUserInput, type User, type UserStatus } from '../api';

interface EditValues {
  displayName: string;
  orgId: string;
  status: UserStatus;
}

export function UserEditModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<EditValues>();
  const updateUser = useUpdateUser();

  const onFinish = (values: EditValues) => {
    // Only changed fields, so the audit trail records exactly what the admin changed.
    const patch: UpdateUserInput = {};
    if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName.trim();
    if (values.orgId !== user.orgId) patch.orgId = values.orgId;
    if (values.status !== user.status) patch.status = values.status;
    if (Object.keys(patch).length === 0) return onClose();
    updateUser.mutate(
      { id: user.id, input: patch },
      {
        onSuccess: () => {
          message.success(t('common.success'));
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.editTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={updateUser.isPending}
      maskClosable={false}
    >
      <Form<EditValues>
        form={form}
        name="userEdit"
        layout="vertical"
        initialValues={{ displayName: user.displayName, orgId: user.orgId, status: user.status }}
        onFinish={onFinish}
      >
        <Form.Item label={t('users.form.username')}>
          <Input value={user.username} disabled />
        </Form.Item>
        <Form.Item
          label={t('users.form.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('users.form.displayName') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('users.form.org')}
          name="orgId"
          rules={[{ required: true, message: t('common.selectRequired', { field: t('users.form.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item label={t('users.form.status')} name="status">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'active', label: t('userStatus.active') },
              { value: 'disabled', label: t('userStatus.disabled') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
