import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** 辅警招录 (staff side): announcements, review, scores and hiring. */
export const recruitmentRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="recruitment:read" />,
    children: [
      {
        path: 'recruitment',
        lazy: async () => ({ Component: (await import('./pages/RecruitmentListPage')).RecruitmentListPage }),
      },
      {
        path: 'recruitment/announcements/:id',
        lazy: async () => ({ Component: (await import('./pages/AnnouncementAdminPage')).AnnouncementAdminPage }),
      },
      {
        path: 'recruitment/applications/:id',
        lazy: async () => ({ Component: (await import('./pages/ApplicationReviewPage')).ApplicationReviewPage }),
      },
    ],
  },
];
