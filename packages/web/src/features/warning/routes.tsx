import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** Early-warning pages (队伍质态研判) inside the signed-in layout. */
export const warningRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="warning:read" />,
    children: [{ path: 'warning/alerts', lazy: async () => ({ Component: (await import('./pages/AlertsPage')).AlertsPage }) }],
  },
  {
    element: <RequirePermission permission="warning:cockpit" />,
    children: [{ path: 'warning/cockpit', lazy: async () => ({ Component: (await import('./pages/CockpitPage')).CockpitPage }) }],
  },
  {
    element: <RequirePermission permission="warning:report" />,
    children: [{ path: 'warning/reports', lazy: async () => ({ Component: (await import('./pages/ReportsPage')).ReportsPage }) }],
  },
  {
    element: <RequirePermission permission="personnel:self" />,
    children: [{ path: 'my-condition', lazy: async () => ({ Component: (await import('./pages/SelfViewPage')).SelfViewPage }) }],
  },
];
