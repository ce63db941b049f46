import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../hooks/useErrorMessage';

interface QueryErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * Inline error for a failed query, with the server's localised message and a retry button.
 * Nothing while there is no error, so a page may place it unconditionally above its content.
 */
export function QueryErrorAlert({ error, onRetry }: QueryErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (error === null || error === undefined) return null;
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
