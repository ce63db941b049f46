import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** Police culture (警营文化) pages inside the signed-in layout; officers use 我的活动. */
export const cultureRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="culture:read" />,
    children: [
      {
        path: 'culture',
        lazy: async () => ({ Component: (await import('./pages/CultureLayout')).CultureLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/ProgrammesPage')).ProgrammesPage }) },
          { path: 'programmes/:id', lazy: async () => ({ Component: (await import('./pages/ProgrammeDetailPage')).ProgrammeDetailPage }) },
          { path: 'contests', lazy: async () => ({ Component: (await import('./pages/ContestsPage')).ContestsPage }) },
          { path: 'contests/:id', lazy: async () => ({ Component: (await import('./pages/ContestDetailPage')).ContestDetailPage }) },
          { path: 'collections', lazy: async () => ({ Component: (await import('./pages/CollectionsPage')).CollectionsPage }) },
          {
            path: 'collections/:id',
            lazy: async () => ({ Component: (await import('./pages/CollectionDetailPage')).CollectionDetailPage }),
          },
        ],
      },
    ],
  },
  {
    element: <RequirePermission permission="culture:self" />,
    children: [{ path: 'my-culture', lazy: async () => ({ Component: (await import('./pages/MyCulturePage')).MyCulturePage }) }],
  },
];
