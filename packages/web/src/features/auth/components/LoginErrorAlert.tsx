import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { formatDateTime } from '../../../shared/utils/format';

/**
 * Shows the server's localised reason (wrong credentials, disabled, rate-limited, locked);
 * for 423 AUTH_ACCOUNT_LOCKED it adds when the lock ends, in local time.
 */
export function LoginErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lockedUntil =
    isApiError(error) && error.code === 'AUTH_ACCOUNT_LOCKED' && typeof error.details.lockedUntil === 'string'
      ? error.details.lockedUntil
      : null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={errorText(error)}
      description={lockedUntil ? t('auth.login.lockedUntil', { time: formatDateTime(lockedUntil) }) : undefined}
    />
  );
}
