import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** Assessment pages: the management view, daily management, and one's own results. */
export const assessmentRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="assessment:read" />,
    children: [{ path: 'assessment', lazy: async () => ({ Component: (await import('./pages/AssessmentPage')).AssessmentPage }) }],
  },
  {
    element: <RequirePermission permission="assessment:daily" />,
    children: [{ path: 'assessment/daily', lazy: async () => ({ Component: (await import('./pages/DailyPage')).DailyPage }) }],
  },
  {
    element: <RequirePermission permission="assessment:self" />,
    children: [{ path: 'my-assessment', lazy: async () => ({ Component: (await import('./pages/MyAssessmentPage')).MyAssessmentPage }) }],
  },
];
