import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { useLogin } from '../api';
import { CaptchaField, type CaptchaHandle } from '../components/CaptchaField';
import { PHONE_PATTERN } from '../validation';

interface LoginValues {
  phone: string;
  password: string;
  captchaAnswer: string;
}

/** Only paths inside the portal are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/portal') && !next.startsWith('//') ? next : '/portal/applications';
}

export function PortalLoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const captcha = useRef<CaptchaHandle>(null);
  const errorText = useErrorText();

  const submit = (values: LoginValues) => {
    login.mutate(
      {
        phone: values.phone,
        password: values.password,
        captchaAnswer: values.captchaAnswer.trim(),
        captchaId: captcha.current?.captchaId() ?? '',
      },
      {
        onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }),
        onError: () => captcha.current?.refresh(),
      },
    );
  };

  return (
    <Card title={t('portal.auth.loginTitle')} data-testid="portal-login">
      <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="phone"
          label={t('portal.auth.phone')}
          rules={[{ required: true, pattern: PHONE_PATTERN, message: t('portal.auth.phoneInvalid') }]}
        >
          <Input size="large" inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="password" label={t('portal.auth.password')} rules={[{ required: true, message: t('portal.auth.required') }]}>
          <Input.Password size="large" autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="captchaAnswer"
          label={t('portal.auth.captcha')}
          rules={[{ required: true, message: t('portal.auth.captchaRequired') }]}
        >
          <CaptchaField ref={captcha} />
        </Form.Item>
        {login.isError ? <Alert type="error" showIcon message={errorText(login.error)} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
          {t('portal.auth.loginSubmit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to={`/portal/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next') ?? '')}` : ''}`}>
          {t('portal.auth.toRegister')}
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}
