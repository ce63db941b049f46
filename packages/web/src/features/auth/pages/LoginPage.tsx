import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../shared/auth/useAuth';
import { pendingStep } from '../../../shared/auth/types';
import { useLoginMutation, type LoginInput } from '../api';
import { AuthCard } from '../components/AuthCard';
import { LoginErrorAlert } from '../components/LoginErrorAlert';

/** Where the guard sent the user from; only in-app paths are honoured. */
function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    const from = state.from;
    if (from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, me, acceptSession } = useAuth();
  const [form] = Form.useForm<LoginInput>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const loginMutation = useLoginMutation();

  if (status === 'authenticated' && me && !loginMutation.isPending) {
    return <Navigate to={pendingStep(me) ?? redirectTarget(location.state)} replace />;
  }

  const onFinish = (values: LoginInput) => {
    loginMutation.mutate(values, {
      onSuccess: (session) => {
        acceptSession(session);
        navigate(pendingStep(session.user) ?? redirectTarget(location.state), {
          replace: true,
        });
      },
      onError: () => form.setFieldsValue({ password: '' }),
    });
  };

  const showExpired = searchParams.get('reason') === 'expired' && !loginMutation.isError;

  return (
    <AuthCard heading={t('auth.login.heading')}>
      {showExpired && <Alert role="status" type="warning" showIcon style={{ marginBottom: 16 }} message={t('auth.login.expired')} />}
      {loginMutation.isError && <LoginErrorAlert error={loginMutation.error} />}
      <Form<LoginInput>
        form={form}
        name="login"
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        data-testid="login-form"
        autoComplete="on"
      >
        <Form.Item
          label={t('auth.login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item label={t('auth.login.password')} name="password" rules={[{ required: true, message: t('auth.login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
            {t('auth.login.submit')}
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
