import { Button, Layout, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { useLogout, usePortalMe } from '../api';
import './portal.css';

/** A light, phone-first frame: one column, large touch targets, no staff menu. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const applicant = me.data?.applicant;

  useEffect(() => {
    document.title = t('portal.title');
  }, [t]);

  return (
    <Layout className="portal">
      <header className="portal-header">
        <div className="portal-header-row">
          <Link to="/portal" className="portal-brand">
            <span className="portal-emblem" aria-hidden>
              警
            </span>
            <span>
              <span className="portal-title">{t('portal.title')}</span>
              <span className="portal-subtitle">{t('portal.subtitle')}</span>
            </span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="portal-nav" aria-label={t('portal.nav.home')}>
          <Link to="/portal">{t('portal.nav.home')}</Link>
          {applicant ? (
            <>
              <Link to="/portal/applications">{t('portal.nav.mine')}</Link>
              <span className="portal-phone" data-testid="portal-applicant">
                {applicant.phoneMasked}
              </span>
              <Button
                type="link"
                size="small"
                className="portal-nav-button"
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/portal') })}
              >
                {t('portal.nav.logout')}
              </Button>
            </>
          ) : (
            <Space size={12}>
              <Link to="/portal/login">{t('portal.nav.login')}</Link>
              <Link to="/portal/register">{t('portal.nav.register')}</Link>
            </Space>
          )}
        </nav>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <Typography.Text type="secondary">{t('portal.footer')}</Typography.Text>
      </footer>
    </Layout>
  );
}
