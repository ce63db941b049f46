import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const examsRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="exam:manage" />,
    children: [
      { path: 'exams', lazy: async () => ({ Component: (await import('./pages/ExamListPage')).ExamListPage }) },
      { path: 'exams/:id', lazy: async () => ({ Component: (await import('./pages/ExamDetailPage')).ExamDetailPage }) },
    ],
  },
  {
    element: <RequirePermission permission="exam:grade" />,
    children: [{ path: 'exams/grading', lazy: async () => ({ Component: (await import('./pages/GradingPage')).GradingPage }) }],
  },
  {
    element: <RequirePermission permission="exam:take" />,
    children: [
      { path: 'my-exams', lazy: async () => ({ Component: (await import('./pages/MyExamsPage')).MyExamsPage }) },
      { path: 'my-exams/:examId/take', lazy: async () => ({ Component: (await import('./pages/TakeExamPage')).TakeExamPage }) },
    ],
  },
];
