import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router-dom';
import { usePermission } from './usePermission';

/** Route-level check so a typed-in URL shows 403 instead of a page full of failing requests. */
export function RequirePermission({ permission }: { permission: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const allowed = usePermission(permission);
  if (allowed) return <Outlet />;
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbidden')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}
