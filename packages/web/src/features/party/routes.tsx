import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** Party building pages inside the signed-in layout; the phone page for members has its own path. */
export const partyRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="party:read" />,
    children: [
      {
        path: 'party',
        lazy: async () => ({ Component: (await import('./pages/PartyLayout')).PartyLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./pages/OrgsPage')).OrgsPage }) },
          { path: 'members', lazy: async () => ({ Component: (await import('./pages/MembersPage')).MembersPage }) },
          { path: 'meetings', lazy: async () => ({ Component: (await import('./pages/MeetingsPage')).MeetingsPage }) },
          { path: 'dues', lazy: async () => ({ Component: (await import('./pages/DuesPage')).DuesPage }) },
          { path: 'activities', lazy: async () => ({ Component: (await import('./pages/ActivitiesPage')).ActivitiesPage }) },
          { path: 'essays', lazy: async () => ({ Component: (await import('./pages/EssaysPage')).EssaysPage }) },
          { path: 'selections', lazy: async () => ({ Component: (await import('./pages/SelectionsPage')).SelectionsPage }) },
        ],
      },
    ],
  },
  {
    element: <RequirePermission permission="party:self" />,
    children: [{ path: 'my-party', lazy: async () => ({ Component: (await import('./pages/MyPartyPage')).MyPartyPage }) }],
  },
];
