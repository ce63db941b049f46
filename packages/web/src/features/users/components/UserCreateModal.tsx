import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateUser, type CreateUserInput } from '../api';
import { PasswordInput } from './PasswordInput';

// As the server: 2–64 characters, no whitespace or control characters (Chinese names and police numbers are fine).
const USERNAME_PATTERN = /^[^\s\p{Cc}]{2,64}$/u;

export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<CreateUserInput>();
  const createUser = useCreateUser();

  const onFinish = (values: CreateUserInput) => {
    createUser.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
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
      title={t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createUser.isPending}
      maskClosable={false}
    >
      <Form<CreateUserInput> form={form} name="userCreate" layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item
          label={t('users.form.username')}
          name="username"
          extra={t('users.form.usernameRule')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.form.username') }) },
            { pattern: USERNAME_PATTERN, message: t('users.form.usernameRule') },
          ]}
        >
          <Input maxLength={64} autoComplete="off" />
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
        <Form.Item
          label={t('users.form.password')}
          name="password"
          extra={t('users.form.passwordHelp')}
          rules={[{ required: true, message: t('common.required', { field: t('users.form.password') }) }]}
        >
          <PasswordInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
