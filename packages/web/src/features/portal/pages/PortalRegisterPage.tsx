import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { sendVerificationCode, useRegister } from '../api';
import { CaptchaField, type CaptchaHandle } from '../components/CaptchaField';
import { PHONE_PATTERN, passwordStrongEnough } from '../validation';
import { ApplicantSteps } from '../components/ApplicantSteps';
import { safeNext } from './PortalLoginPage';

interface RegisterValues {
  phone: string;
  captchaAnswer: string;
  code: string;
  password: string;
  confirm: string;
}

const RESEND_SECONDS = 60;

export function PortalRegisterPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const register = useRegister();
  const captcha = useRef<CaptchaHandle>(null);
  const errorText = useErrorText();
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [countdown, setCountdown] = useState(0);

  useEffect(() => {
    if (countdown <= 0) return;
    const timer = window.setTimeout(() => setCountdown((n) => n - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [countdown]);

  const sendCode = async () => {
    setSendError(null);
    try {
      await form.validateFields(['phone', 'captchaAnswer']);
    } catch {
      setSendError(t('portal.auth.needCaptchaFirst'));
      return;
    }
    setSending(true);
    try {
      await sendVerificationCode({
        phone: form.getFieldValue('phone') as string,
        captchaId: captcha.current?.captchaId() ?? '',
        captchaAnswer: String(form.getFieldValue('captchaAnswer') ?? '').trim(),
      });
      void message.success(t('portal.auth.codeSent'));
      setCountdown(RESEND_SECONDS);
    } catch (error) {
      setSendError(errorText(error));
      captcha.current?.refresh();
    } finally {
      setSending(false);
    }
  };

  const submit = (values: RegisterValues) => {
    register.mutate(
      { phone: values.phone, code: values.code.trim(), password: values.password },
      { onSuccess: () => void navigate(params.get('next') ? safeNext(params.get('next')) : '/portal', { replace: true }) },
    );
  };

  return (
    <Card title={t('portal.auth.registerTitle')} data-testid="portal-register">
      <ApplicantSteps current="register" status="process" />
      <Form<RegisterValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="phone"
          label={t('portal.auth.phone')}
          rules={[{ required: true, pattern: PHONE_PATTERN, message: t('portal.auth.phoneInvalid') }]}
        >
          <Input size="large" inputMode="tel" autoComplete="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="captchaAnswer"
          label={t('portal.auth.captcha')}
          rules={[{ required: true, message: t('portal.auth.captchaRequired') }]}
        >
          <CaptchaField ref={captcha} />
        </Form.Item>
        <Form.Item label={t('portal.auth.code')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="code" noStyle rules={[{ required: true, message: t('portal.auth.codeRequired') }]}>
              <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} aria-label={t('portal.auth.code')} />
            </Form.Item>
            <Button size="large" onClick={() => void sendCode()} loading={sending} disabled={countdown > 0}>
              {countdown > 0 ? t('portal.auth.resend', { seconds: countdown }) : t('portal.auth.sendCode')}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sendError ? <Alert type="error" showIcon message={sendError} style={{ marginBottom: 16 }} data-testid="send-code-error" /> : null}
        <Form.Item
          name="password"
          label={t('portal.auth.password')}
          extra={t('portal.auth.passwordHint')}
          rules={[
            { required: true, message: t('portal.auth.required') },
            {
              validator: (_, v: string | undefined) =>
                !v || passwordStrongEnough(v) ? Promise.resolve() : Promise.reject(new Error(t('portal.auth.passwordWeak'))),
            },
          ]}
        >
          <Input.Password size="large" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('portal.auth.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('portal.auth.required') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) =>
                !v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('portal.auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password size="large" autoComplete="new-password" />
        </Form.Item>
        {register.isError ? <Alert type="error" showIcon message={errorText(register.error)} style={{ marginBottom: 16 }} /> : null}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('portal.auth.privacy')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" size="large" block loading={register.isPending}>
          {t('portal.auth.registerSubmit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/portal/login">{t('portal.auth.toLogin')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
