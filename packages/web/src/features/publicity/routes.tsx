import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** Publicity pages inside the signed-in layout; reporters submit from their own page. */
export const publicityRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="publicity:read" />,
    children: [
      {
        path: 'publicity',
        lazy: async () => ({ Component: (await import('./pages/PublicityLayout')).PublicityLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/OutputsPage')).OutputsPage }) },
          { path: 'ranking', lazy: async () => ({ Component: (await import('./pages/RankingPage')).RankingPage }) },
          { path: 'team', lazy: async () => ({ Component: (await import('./pages/TeamPage')).TeamPage }) },
          { path: 'accounts', lazy: async () => ({ Component: (await import('./pages/AccountsPage')).AccountsPage }) },
        ],
      },
    ],
  },
  {
    element: <RequirePermission permission="publicity:self" />,
    children: [{ path: 'my-publicity', lazy: async () => ({ Component: (await import('./pages/MyPublicityPage')).MyPublicityPage }) }],
  },
];
