import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const welfareRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="personnel:self" />,
    children: [
      { path: 'welfare/leave', lazy: async () => ({ Component: (await import('./pages/LeavePage')).LeavePage }) },
      { path: 'welfare/my-care', lazy: async () => ({ Component: (await import('./pages/MyCarePage')).MyCarePage }) },
    ],
  },
  {
    element: <RequirePermission permission="health:alert" />,
    children: [{ path: 'welfare/alerts', lazy: async () => ({ Component: (await import('./pages/AlertsPage')).AlertsPage }) }],
  },
  {
    element: <RequirePermission permission="psych:care" />,
    children: [{ path: 'welfare/psych', lazy: async () => ({ Component: (await import('./pages/PsychPage')).PsychPage }) }],
  },
];
