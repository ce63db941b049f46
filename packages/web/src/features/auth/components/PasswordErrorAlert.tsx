import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import type { PasswordPolicy } from '../api';
import { reasonLabel } from '../password-rules';

/** 400 PASSWORD_POLICY carries `details.reasons: string[]`; each is shown as a localised line. */
export function PasswordErrorAlert({ error, policy }: { error: unknown; policy: PasswordPolicy | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rawReasons = isApiError(error) && Array.isArray(error.details.reasons) ? error.details.reasons : [];
  const reasons = rawReasons.filter((reason): reason is string => typeof reason === 'string');
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={errorText(error)}
      description={
        reasons.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {reasons.map((reason) => (
              <li key={reason}>{reasonLabel(t, reason, policy)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
