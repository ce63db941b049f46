import type { Me } from '../../shared/auth/types';

/**
 * A key figure of the desk: the total of a list route, read with the same filter as the page the
 * figure opens, so the number on the desk is the number of rows behind the click.
 */
export type FigureKey =
  'officers' | 'auxiliaries' | 'pending' | 'contracts' | 'scheduledExams' | 'users' | 'disabledUsers' | 'roles' | 'auditEntries';

export interface DeskFigure {
  key: FigureKey;
  permission: string;
  /** API list route and query; the figure is the response's `total` (or `count`, `pending`). */
  path: string;
  query?: Record<string, string | number>;
  /** The page the figure opens. */
  to: string;
  /** Shown only to administrators of this kind (三员) or only to business users (null). */
  admin?: Me['adminKind'];
  tone?: 'warning';
}

const business = (figures: Omit<DeskFigure, 'admin'>[]): DeskFigure[] => figures.map((f) => ({ ...f, admin: null }));

export const DESK_FIGURES: readonly DeskFigure[] = [
  ...business([
    {
      key: 'officers',
      permission: 'personnel:read',
      path: '/api/v1/personnel/people',
      query: { kind: 'officer', status: 'serving', pageSize: 1 },
      to: '/personnel?kind=officer&status=serving',
    },
    {
      key: 'auxiliaries',
      permission: 'personnel:read',
      path: '/api/v1/personnel/people',
      query: { kind: 'auxiliary', status: 'serving', pageSize: 1 },
      to: '/personnel?kind=auxiliary&status=serving',
    },
    { key: 'pending', permission: 'workflow:self', path: '/api/v1/workflow/todo/counts', to: '/todo', tone: 'warning' },
    {
      key: 'contracts',
      permission: 'auxiliary:read',
      path: '/api/v1/auxiliary/contracts/reminders/count',
      to: '/auxiliary/reminders',
      tone: 'warning',
    },
    {
      key: 'scheduledExams',
      permission: 'exam:manage',
      path: '/api/v1/exams',
      query: { status: 'scheduled', pageSize: 1 },
      to: '/exams?status=scheduled',
    },
  ]),
  { key: 'users', permission: 'user:read', path: '/api/v1/users', query: { pageSize: 1 }, to: '/users', admin: 'sysadmin' },
  {
    key: 'disabledUsers',
    permission: 'user:read',
    path: '/api/v1/users',
    query: { status: 'disabled', pageSize: 1 },
    to: '/users?status=disabled',
    admin: 'sysadmin',
    tone: 'warning',
  },
  { key: 'users', permission: 'user:read', path: '/api/v1/users', query: { pageSize: 1 }, to: '/users', admin: 'secadmin' },
  { key: 'roles', permission: 'role:read', path: '/api/v1/roles', to: '/roles', admin: 'secadmin' },
  { key: 'auditEntries', permission: 'audit:read', path: '/api/v1/audit', query: { pageSize: 1 }, to: '/audit', admin: 'auditadmin' },
];

/** The figures this account may see: its permissions, and its kind (each administrator has a desk of their own). */
export const figuresFor = (me: Me): DeskFigure[] =>
  DESK_FIGURES.filter((f) => me.permissions.includes(f.permission) && (f.admin ?? null) === me.adminKind);

type Counted = unknown[] | { total?: number; count?: number; pending?: number };

/** The number a list route answers: a page's total, a counter's count, or an array's length. */
export const countOf = (body: Counted | undefined): number | undefined =>
  body === undefined ? undefined : Array.isArray(body) ? body.length : (body.total ?? body.count ?? body.pending);
