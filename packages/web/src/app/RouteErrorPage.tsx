import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown when a route fails to render or its code chunk fails to load (typically after an upgrade). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('routeError.title')}
      subTitle={t('routeError.description')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('routeError.reload')}
        </Button>
      }
    />
  );
}
