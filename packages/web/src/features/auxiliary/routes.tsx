import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const auxiliaryRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="auxiliary:read" />,
    children: [
      {
        path: 'auxiliary',
        lazy: async () => ({ Component: (await import('./pages/AuxiliaryLayout')).AuxiliaryLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/OfficersPage')).OfficersPage }) },
          { path: 'reminders', lazy: async () => ({ Component: (await import('./pages/RemindersPage')).RemindersPage }) },
          { path: 'assessment', lazy: async () => ({ Component: (await import('./pages/AssessmentPage')).AssessmentPage }) },
          { path: 'pay', lazy: async () => ({ Component: (await import('./pages/PayPage')).PayPage }) },
          { path: 'rules', lazy: async () => ({ Component: (await import('./pages/RulesPage')).RulesPage }) },
        ],
      },
    ],
  },
];
