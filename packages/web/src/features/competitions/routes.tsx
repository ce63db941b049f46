import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const competitionsRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="competition:read" />,
    children: [
      { path: 'competitions', lazy: async () => ({ Component: (await import('./pages/CompetitionListPage')).CompetitionListPage }) },
      {
        path: 'competitions/:id',
        lazy: async () => ({ Component: (await import('./pages/CompetitionDetailPage')).CompetitionDetailPage }),
      },
    ],
  },
];
