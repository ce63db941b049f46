import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';

/** The text to show for any thrown value: the server's localised message when it sent one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) return error.message;
      if (error instanceof Error && error.message) return error.message;
      return t('errors.loadFailed');
    },
    [t],
  );
}

/** Shows an error as an antd message toast (for mutations started from buttons). */
export function useErrorMessage(): (error: unknown) => void {
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useCallback((error: unknown) => void message.error(errorText(error)), [message, errorText]);
}
