import type { RouteObject } from 'react-router-dom';

/**
 * The public recruitment portal (招录网上报名): outside the staff session, with its own small
 * layout and applicant session. Every page is its own chunk so a phone loads only what it shows.
 */
export const portalRoutes: RouteObject[] = [
  {
    path: '/portal',
    lazy: async () => ({ Component: (await import('./components/PortalLayout')).PortalLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./pages/PortalHomePage')).PortalHomePage }) },
      {
        path: 'announcements/:id',
        lazy: async () => ({ Component: (await import('./pages/PortalAnnouncementPage')).PortalAnnouncementPage }),
      },
      {
        path: 'announcements/:id/publicity',
        lazy: async () => ({ Component: (await import('./pages/PortalPublicityPage')).PortalPublicityPage }),
      },
      { path: 'login', lazy: async () => ({ Component: (await import('./pages/PortalLoginPage')).PortalLoginPage }) },
      { path: 'register', lazy: async () => ({ Component: (await import('./pages/PortalRegisterPage')).PortalRegisterPage }) },
      { path: 'apply/:postId', lazy: async () => ({ Component: (await import('./pages/PortalApplyPage')).PortalApplyPage }) },
      {
        path: 'applications',
        lazy: async () => ({ Component: (await import('./pages/PortalMyApplicationsPage')).PortalMyApplicationsPage }),
      },
      {
        path: 'applications/:id',
        lazy: async () => ({ Component: (await import('./pages/PortalApplicationPage')).PortalApplicationPage }),
      },
      {
        path: 'applications/:id/edit',
        lazy: async () => ({ Component: (await import('./pages/PortalApplyPage')).PortalApplyPage }),
      },
    ],
  },
];
