import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../shared/auth/RequirePermission';

/** This feature's routes inside the signed-in layout; each wraps its pages in RequirePermission. */
export const questionBankRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="exam:question" />,
    children: [
      { path: 'question-bank', lazy: async () => ({ Component: (await import('./pages/QuestionListPage')).QuestionListPage }) },
      { path: 'question-bank/import', lazy: async () => ({ Component: (await import('./pages/QuestionImportPage')).QuestionImportPage }) },
      { path: 'question-bank/papers', lazy: async () => ({ Component: (await import('./pages/PaperListPage')).PaperListPage }) },
      {
        path: 'question-bank/papers/new',
        lazy: async () => ({ Component: (await import('./pages/PaperComposerPage')).PaperComposerPage }),
      },
      {
        path: 'question-bank/papers/:id',
        lazy: async () => ({ Component: (await import('./pages/PaperComposerPage')).PaperComposerPage }),
      },
    ],
  },
];
