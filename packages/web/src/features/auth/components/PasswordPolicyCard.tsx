import { Alert, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PasswordPolicy } from '../api';

interface PasswordPolicyCardProps {
  policy: PasswordPolicy | undefined;
  loading: boolean;
}

/** The rules from GET /auth/password-policy, so users see them before the server rejects a password. */
export function PasswordPolicyCard({ policy, loading }: PasswordPolicyCardProps) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} title={false} />;
  if (!policy) return null;
  const rules = [
    t('auth.policy.length', { min: policy.minLength, max: policy.maxLength }),
    policy.minClasses > 1 ? t('auth.policy.minClasses', { count: policy.minClasses }) : null,
    t('auth.policy.noUsername'),
    policy.historyCount > 0 ? t('auth.policy.history', { count: policy.historyCount }) : null,
    policy.maxAgeDays > 0 ? t('auth.policy.maxAge', { count: policy.maxAgeDays }) : null,
  ].filter((rule): rule is string => rule !== null);
  const profile = policy.profile === 'mlps3' ? t('auth.policy.mlps3') : policy.profile === 'asvs' ? t('auth.policy.asvs') : policy.profile;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      message={t('auth.policy.title')}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} aria-label={t('auth.policy.title')}>
            {rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
          <Typography.Text type="secondary">{t('auth.policy.profile', { profile })}</Typography.Text>
        </>
      }
    />
  );
}
