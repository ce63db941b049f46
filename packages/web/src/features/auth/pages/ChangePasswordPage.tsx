import { Alert, App, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth/useAuth';
import { needsPasswordChange, pendingStep } from '../../../shared/auth/types';
import { useChangePasswordMutation, usePasswordPolicy } from '../api';
import { AuthCard } from '../components/AuthCard';
import { PasswordErrorAlert } from '../components/PasswordErrorAlert';
import { PasswordPolicyCard } from '../components/PasswordPolicyCard';
import { clientPasswordProblems, reasonLabel } from '../password-rules';

interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Forced when `mustChangePassword || passwordExpired` (the router sends every route here);
 * also reachable from the header for a voluntary change.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me, refresh, logout } = useAuth();
  const policy = usePasswordPolicy();
  const mutation = useChangePasswordMutation();
  const [form] = Form.useForm<ChangePasswordValues>();
  const forced = me ? needsPasswordChange(me) : false;
  const [changed, setChanged] = useState(false);

  const onFinish = ({ oldPassword, newPassword }: ChangePasswordValues) => {
    mutation.mutate(
      { oldPassword, newPassword },
      {
        onSuccess: async () => {
          message.success(t('auth.password.success'));
          const fresh = await refresh();
          // If the server ended the session on password change, the guard shows the login page instead.
          if (!fresh) navigate('/login', { replace: true });
          else setChanged(true);
        },
      },
    );
  };

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  // Leave once the session state without the pending change has rendered: navigating straight
  // after refresh() would meet the route guard still holding the old one, which sends us back here.
  if (changed && me && !forced) return <Navigate to={pendingStep(me) ?? '/'} replace />;

  return (
    <AuthCard heading={t('auth.password.title')} width={480}>
      {me?.mustChangePassword && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('auth.password.mustChange')} />}
      {me && !me.mustChangePassword && me.passwordExpired && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('auth.password.expired')} />
      )}
      <PasswordPolicyCard policy={policy.data} loading={policy.isPending} />
      {mutation.isError && <PasswordErrorAlert error={mutation.error} policy={policy.data} />}
      <Form<ChangePasswordValues> form={form} name="changePassword" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('auth.password.oldPassword')}
          name="oldPassword"
          rules={[{ required: true, message: t('auth.password.oldRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          label={t('auth.password.newPassword')}
          name="newPassword"
          dependencies={['oldPassword']}
          rules={[
            { required: true, message: t('auth.password.newRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                if (value === getFieldValue('oldPassword')) throw new Error(t('auth.password.sameAsOld'));
                const problems = clientPasswordProblems(value, policy.data, me?.username);
                if (problems.length > 0)
                  throw new Error(problems.map((reason) => reasonLabel(t, reason, policy.data)).join(t('common.listSeparator')));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          label={t('auth.password.confirmPassword')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Flex gap={8} justify="space-between">
          {forced ? (
            <Button onClick={() => void onLogout()}>{t('auth.password.logout')}</Button>
          ) : (
            <Button onClick={() => navigate('/')}>{t('auth.password.back')}</Button>
          )}
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('auth.password.submit')}
          </Button>
        </Flex>
      </Form>
    </AuthCard>
  );
}
