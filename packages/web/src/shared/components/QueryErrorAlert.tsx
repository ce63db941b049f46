import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../hooks/useErrorMessage';

interface QueryErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** Inline error for a failed query, with the server's localised message and a retry button; nothing while there is none. */
export function QueryErrorAlert({ error, onRetry }: QueryErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={t('errors.loadFailed')}
      description={errorText(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
