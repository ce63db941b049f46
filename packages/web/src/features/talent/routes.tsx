import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const talentRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="talent:read" />,
    children: [
      { path: 'talent', lazy: async () => ({ Component: (await import('./pages/TalentPage')).TalentPage }) },
      {
        path: 'talent/instructors/:id',
        lazy: async () => ({ Component: (await import('./pages/InstructorDetailPage')).InstructorDetailPage }),
      },
    ],
  },
];
