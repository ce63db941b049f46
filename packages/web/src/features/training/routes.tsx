import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const trainingRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="training:read" />,
    children: [
      { path: 'training', lazy: async () => ({ Component: (await import('./pages/TrainingPage')).TrainingPage }) },
      { path: 'training/classes/:id', lazy: async () => ({ Component: (await import('./pages/ClassDetailPage')).ClassDetailPage }) },
    ],
  },
  {
    element: <RequirePermission permission="training:self" />,
    children: [{ path: 'my-training', lazy: async () => ({ Component: (await import('./pages/MyTrainingPage')).MyTrainingPage }) }],
  },
];
