import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../shared/components/FullPageSpin';
import { pendingStep } from '../shared/auth/types';
import { useAuth } from '../shared/auth/useAuth';

/**
 * Signed-out users go to /login (with ?reason=expired when the server ended the session);
 * a session still owing its second factor reaches nothing but /second-factor, and users who
 * must change their password nothing but /change-password.
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
  const step = pendingStep(me);
  if (step && location.pathname !== step) return <Navigate to={step} replace />;
  return <Outlet />;
}
