import { App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useResetPassword, type User } from '../api';
import { PasswordInput } from './PasswordInput';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ password: string }>();
  const resetPassword = useResetPassword();

  const onFinish = ({ password }: { password: string }) => {
    resetPassword.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('users.resetDone'));
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      okText={t('users.actions.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resetPassword.isPending}
      maskClosable={false}
    >
      <Form form={form} name="userResetPassword" layout="vertical" onFinish={onFinish} autoComplete="off">
        <Form.Item
          label={t('users.form.newPassword')}
          name="password"
          extra={t('users.form.passwordHelp')}
          rules={[{ required: true, message: t('common.required', { field: t('users.form.newPassword') }) }]}
        >
          <PasswordInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
