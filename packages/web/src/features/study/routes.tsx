import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const studyRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="study:read" />,
    children: [{ path: 'study', lazy: async () => ({ Component: (await import('./pages/StudyPage')).StudyPage }) }],
  },
];
