import { createBrowserRouter } from 'react-router-dom';
import { FullPageSpin } from '../shared/components/FullPageSpin';
import { questionBankRoutes } from '../features/question-bank/routes';
import { examsRoutes } from '../features/exams/routes';
import { trainingRoutes } from '../features/training/routes';
import { studyRoutes } from '../features/study/routes';
import { talentRoutes } from '../features/talent/routes';
import { competitionsRoutes } from '../features/competitions/routes';
import { recruitmentRoutes } from '../features/recruitment/routes';
import { portalRoutes } from '../features/portal/routes';
import { auxiliaryRoutes } from '../features/auxiliary/routes';
import { partyRoutes } from '../features/party/routes';
import { publicityRoutes } from '../features/publicity/routes';
import { cultureRoutes } from '../features/culture/routes';
import { cadresRoutes } from '../features/cadres/routes';
import { welfareRoutes } from '../features/welfare/routes';
import { assessmentRoutes } from '../features/assessment/routes';
import { warningRoutes } from '../features/warning/routes';
import { awardsRoutes } from '../features/awards/routes';
import { workflowRoutes } from '../features/workflow/routes';
import { HomePage } from './home/HomePage';
import { MainLayout } from './MainLayout';
import { NotFoundPage } from './NotFoundPage';
import { RequirePermission } from '../shared/auth/RequirePermission';
import { RequireSession } from './RequireSession';
import { RouteErrorPage } from './RouteErrorPage';

/** Each business page is its own chunk, loaded when first visited. */
export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../features/auth/pages/LoginPage')).LoginPage }),
      },
      ...portalRoutes,
      {
        element: <RequireSession />,
        children: [
          {
            path: '/second-factor',
            lazy: async () => ({
              Component: (await import('../features/auth/pages/SecondFactorPage')).SecondFactorPage,
            }),
          },
          {
            path: '/change-password',
            lazy: async () => ({
              Component: (await import('../features/auth/pages/ChangePasswordPage')).ChangePasswordPage,
            }),
          },
          {
            element: <MainLayout />,
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomePage /> },
              {
                element: <RequirePermission permission="org:read" />,
                children: [
                  {
                    path: 'orgs',
                    lazy: async () => ({ Component: (await import('../features/orgs/pages/OrgTreePage')).OrgTreePage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="user:read" />,
                children: [
                  {
                    path: 'users',
                    lazy: async () => ({ Component: (await import('../features/users/pages/UsersPage')).UsersPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="role:read" />,
                children: [
                  {
                    path: 'roles',
                    lazy: async () => ({ Component: (await import('../features/roles/pages/RolesPage')).RolesPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="audit:read" />,
                children: [
                  {
                    path: 'audit',
                    lazy: async () => ({ Component: (await import('../features/audit/pages/AuditPage')).AuditPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="system:jobs" />,
                children: [
                  {
                    path: 'system/jobs',
                    lazy: async () => ({ Component: (await import('../features/jobs/pages/JobsPage')).JobsPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="dict:read" />,
                children: [
                  {
                    path: 'dicts',
                    lazy: async () => ({ Component: (await import('../features/dicts/pages/DictsPage')).DictsPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="personnel:read" />,
                children: [
                  {
                    path: 'personnel',
                    lazy: async () => ({ Component: (await import('../features/personnel/pages/PersonListPage')).PersonListPage }),
                  },
                  {
                    path: 'personnel/:id',
                    lazy: async () => ({ Component: (await import('../features/personnel/pages/PersonProfilePage')).PersonProfilePage }),
                  },
                  {
                    path: 'stats',
                    lazy: async () => ({ Component: (await import('../features/stats/pages/StatsPage')).StatsPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="province:read" />,
                children: [
                  {
                    path: 'province',
                    lazy: async () => ({ Component: (await import('../features/province/pages/ProvinceStatsPage')).ProvinceStatsPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="personnel:import" />,
                children: [
                  {
                    path: 'personnel/import',
                    lazy: async () => ({ Component: (await import('../features/personnel/pages/PersonImportPage')).PersonImportPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="personnel:approve" />,
                children: [
                  {
                    path: 'personnel/corrections',
                    lazy: async () => ({ Component: (await import('../features/self-service/pages/CorrectionsPage')).CorrectionsPage }),
                  },
                ],
              },
              {
                element: <RequirePermission permission="personnel:self" />,
                children: [
                  {
                    path: 'me',
                    lazy: async () => ({ Component: (await import('../features/self-service/pages/MyProfilePage')).MyProfilePage }),
                  },
                ],
              },
              ...questionBankRoutes,
              ...examsRoutes,
              ...trainingRoutes,
              ...studyRoutes,
              ...talentRoutes,
              ...competitionsRoutes,
              ...recruitmentRoutes,
              ...auxiliaryRoutes,
              ...partyRoutes,
              ...publicityRoutes,
              ...cultureRoutes,
              ...cadresRoutes,
              ...welfareRoutes,
              ...assessmentRoutes,
              ...warningRoutes,
              ...awardsRoutes,
              ...workflowRoutes,
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
