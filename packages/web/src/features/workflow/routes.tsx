import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** The to-do centre is everyone's; the calendar page needs `workflow:calendar`. */
export const workflowRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="workflow:self" />,
    children: [{ path: 'todo', lazy: async () => ({ Component: (await import('./pages/TodoCenterPage')).TodoCenterPage }) }],
  },
  {
    element: <RequirePermission permission="workflow:calendar" />,
    children: [
      { path: 'workflow/calendar', lazy: async () => ({ Component: (await import('./pages/HolidayCalendarPage')).HolidayCalendarPage }) },
    ],
  },
];
