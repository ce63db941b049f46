import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { usePortalMe } from '../api';

/** Pages of one's own applications: signed-out visitors go to the portal sign-in and come back. */
export function RequireApplicant({ children }: { children: ReactNode }) {
  const me = usePortalMe();
  const location = useLocation();
  if (me.isPending) return <Skeleton active />;
  if (!me.data) return <Navigate to={`/portal/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
