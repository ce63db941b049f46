import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** 立功受奖、违纪处分、典型选树 inside the signed-in layout. */
export const awardsRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="awards:read" />,
    children: [
      {
        path: 'awards',
        lazy: async () => ({ Component: (await import('./pages/AwardsLayout')).AwardsLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/AwardsListPage')).AwardsListPage }) },
          { path: 'nominate', lazy: async () => ({ Component: (await import('./pages/NominatePage')).NominatePage }) },
          { path: 'stats', lazy: async () => ({ Component: (await import('./pages/AwardStatsPage')).AwardStatsPage }) },
          { path: 'discipline', lazy: async () => ({ Component: (await import('./pages/DisciplinePage')).DisciplinePage }) },
          { path: 'exemplars', lazy: async () => ({ Component: (await import('./pages/ExemplarsPage')).ExemplarsPage }) },
          { path: 'exemplars/:id', lazy: async () => ({ Component: (await import('./pages/CampaignPage')).CampaignPage }) },
          { path: 'library', lazy: async () => ({ Component: (await import('./pages/LibraryPage')).LibraryPage }) },
        ],
      },
    ],
  },
];
