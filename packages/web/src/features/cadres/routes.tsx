import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** 干部和职级警衔: due list, promotion cases, conversion what-if, retirement, teams, young cadres. */
export const cadresRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="cadres:read" />,
    children: [
      {
        path: 'cadres',
        lazy: async () => ({ Component: (await import('./pages/CadresLayout')).CadresLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/DuePage')).DuePage }) },
          { path: 'promotions', lazy: async () => ({ Component: (await import('./pages/PromotionsPage')).PromotionsPage }) },
          { path: 'simulation', lazy: async () => ({ Component: (await import('./pages/SimulationPage')).SimulationPage }) },
          { path: 'retirement', lazy: async () => ({ Component: (await import('./pages/RetirementPage')).RetirementPage }) },
          { path: 'teams', lazy: async () => ({ Component: (await import('./pages/TeamsPage')).TeamsPage }) },
          { path: 'young', lazy: async () => ({ Component: (await import('./pages/YoungPage')).YoungPage }) },
        ],
      },
    ],
  },
];
