import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router-dom';
import { pendingStep } from '../../../shared/auth/types';
import { useAuth } from '../../../shared/auth/useAuth';
import { useConfirmMfaEnrolment, useStartMfaEnrolment, useVerifyMfa } from '../api';
import { AuthCard } from '../components/AuthCard';
import { LoginErrorAlert } from '../components/LoginErrorAlert';

interface CodeValues {
  code: string;
}

/**
 * The second step of a login (ADR 018). An enrolled account enters a TOTP code or a recovery
 * code; an account that must have a second factor and has none enrols here: QR code (and the
 * key for manual entry), a first code to confirm, then its recovery codes, shown this once.
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me, refresh, logout } = useAuth();
  const start = useStartMfaEnrolment();
  const confirm = useConfirmMfaEnrolment();
  const verify = useVerifyMfa();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [form] = Form.useForm<CodeValues>();
  const enrolling = me?.mfa === 'enrol';
  const { mutate: startEnrolment, isIdle: enrolmentNotStarted } = start;

  useEffect(() => {
    if (enrolling && enrolmentNotStarted) startEnrolment();
  }, [enrolling, enrolmentNotStarted, startEnrolment]);

  const [proceeding, setProceeding] = useState(false);
  const proceed = async () => {
    const fresh = await refresh();
    if (!fresh) navigate('/login', { replace: true });
    else setProceeding(true);
  };

  // Leave once the verified session has rendered: navigating straight after refresh() would meet
  // the route guard still holding the old state, which sends us back here.
  if (me && me.mfa === 'done' && (recoveryCodes === null || proceeding)) return <Navigate to={pendingStep(me) ?? '/'} replace />;

  const onFinish = ({ code }: CodeValues) => {
    const trimmed = code.trim();
    if (enrolling) confirm.mutate(trimmed, { onSuccess: (res) => setRecoveryCodes(res.recoveryCodes), onError: () => form.resetFields() });
    else verify.mutate(trimmed, { onSuccess: () => void proceed(), onError: () => form.resetFields() });
  };

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  if (recoveryCodes) {
    return (
      <AuthCard heading={t('auth.mfa.recoveryTitle')} width={480}>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('auth.mfa.recoveryHint')} />
        <ul data-testid="recovery-codes" style={{ columns: 2, fontFamily: 'monospace', fontSize: 16, paddingLeft: 20 }}>
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Button type="primary" block onClick={() => void proceed()}>
          {t('auth.mfa.continue')}
        </Button>
      </AuthCard>
    );
  }

  const error = enrolling ? (confirm.error ?? start.error) : verify.error;
  return (
    <AuthCard heading={t('auth.mfa.title')} width={480}>
      <Alert
        type="info"
        showIcon
        icon={<SafetyOutlined />}
        style={{ marginBottom: 16 }}
        message={t(enrolling ? 'auth.mfa.enrolHint' : 'auth.mfa.verifyHint')}
      />
      {enrolling && start.data && (
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
          <img
            data-testid="totp-qr"
            alt={t('auth.mfa.qrAlt')}
            width={200}
            height={200}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
          />
          <Typography.Text type="secondary">{t('auth.mfa.secret')}</Typography.Text>
          <Typography.Text code copyable data-testid="totp-secret" data-uri={start.data.uri}>
            {start.data.secret}
          </Typography.Text>
        </Flex>
      )}
      {error ? <LoginErrorAlert error={error} /> : null}
      <Form<CodeValues> form={form} name="secondFactor" layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          label={t('auth.mfa.code')}
          name="code"
          rules={[{ required: true, whitespace: true, message: t('auth.mfa.codeRequired') }]}
        >
          <Input autoComplete="one-time-code" inputMode={enrolling ? 'numeric' : 'text'} maxLength={16} autoFocus />
        </Form.Item>
        <Flex gap={8}>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={confirm.isPending || verify.isPending}
            disabled={enrolling && !start.data}
          >
            {t(enrolling ? 'auth.mfa.confirm' : 'auth.mfa.verify')}
          </Button>
          <Button onClick={() => void onLogout()}>{t('auth.mfa.logout')}</Button>
        </Flex>
      </Form>
    </AuthCard>
  );
}
