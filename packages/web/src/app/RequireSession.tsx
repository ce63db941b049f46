import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../shared/components/FullPageSpin';
import { needsPasswordChange } from '../shared/auth/types';
import { useAuth } from '../shared/auth/useAuth';

const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Signed-out users go to /login (with ?reason=expired when the server ended the session);
 * users who must change their password reach nothing but /change-password.
 */
export function RequireSession() {
  const { status, me, expired } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <FullPageSpin />;
  if (!me) {
    return (
      <Navigate to={expired ? '/login?reason=expired' : '/login'} state={{ from: `${location.pathname}${location.search}` }} replace />
    );
  }
  if (needsPasswordChange(me) && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
