import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Executor, UserTable } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../access/data-scope.ts';
import { normalizeUsername } from '../auth/usernames.ts';

/** An account with its org's name, as presenters need it. */
export type UserRow = UserTable & { org_name: string | null };

export interface UserFilter {
  readonly orgId?: string | undefined;
  readonly includeSub: boolean;
  readonly keyword?: string | undefined;
  readonly status?: 'active' | 'disabled' | undefined;
}

export interface UserPaging {
  readonly page: number;
  readonly pageSize: number;
  readonly sort: string;
}

const sortColumns = {
  username: 'app_user.username_norm',
  displayName: 'app_user.display_name',
  createdAt: 'app_user.created_at',
  lastLoginAt: 'app_user.last_login_at',
  status: 'app_user.status',
} as const;

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Scope first, always: every other filter only narrows what the caller may see. */
function userFilter(scope: ResolvedScope, f: UserFilter) {
  return (eb: ExpressionBuilder<Database, 'app_user'>): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [scopeWhere(scope, 'app_user.org_id', 'app_user.id')];
    if (f.orgId !== undefined) {
      const subtree = eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', f.orgId);
      conds.push(f.includeSub ? eb('app_user.org_id', 'in', subtree) : eb('app_user.org_id', '=', f.orgId));
    }
    if (f.status !== undefined) conds.push(eb('app_user.status', '=', f.status));
    if (f.keyword !== undefined) {
      // Usernames are compared in their NFKC + lower-case form; SQLite's lower() folds ASCII only,
      // which is enough for display names (Chinese has no case).
      const byName = likeContains(normalizeUsername(f.keyword));
      const byDisplay = likeContains(f.keyword.toLowerCase());
      conds.push(
        eb.or([
          sql<SqlBool>`app_user.username_norm like ${byName} escape '\\'`,
          sql<SqlBool>`lower(app_user.display_name) like ${byDisplay} escape '\\'`,
        ]),
      );
    }
    return eb.and(conds);
  };
}

export async function listUsers(
  db: Executor,
  scope: ResolvedScope,
  filter: UserFilter,
  paging: UserPaging,
): Promise<{ rows: UserRow[]; total: number }> {
  const where = userFilter(scope, filter);
  const count = await db
    .selectFrom('app_user')
    .where(where)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const desc = paging.sort.startsWith('-');
  const field = (desc ? paging.sort.slice(1) : paging.sort) as keyof typeof sortColumns; // the schema allows only these names
  const rows = await db
    .selectFrom('app_user')
    .where(where)
    .leftJoin('org', 'org.id', 'app_user.org_id')
    .selectAll('app_user')
    .select('org.name as org_name')
    // Never-logged-in accounts last on both databases (SQLite and PostgreSQL order NULLs differently).
    .$if(field === 'lastLoginAt', (q) => q.orderBy(sql`case when app_user.last_login_at is null then 1 else 0 end`))
    .orderBy(sortColumns[field], desc ? 'desc' : 'asc')
    .orderBy('app_user.id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

export const findUserInScope = (db: Executor, scope: ResolvedScope, id: string): Promise<UserRow | undefined> =>
  db
    .selectFrom('app_user')
    .where('app_user.id', '=', id)
    .where(scopeWhere(scope, 'app_user.org_id', 'app_user.id'))
    .leftJoin('org', 'org.id', 'app_user.org_id')
    .selectAll('app_user')
    .select('org.name as org_name')
    .executeTakeFirst();

/** Serialises concurrent role assignments to one account on PostgreSQL (SQLite writers are serial anyway). */
export async function lockUser(db: Executor, id: string, postgres: boolean): Promise<void> {
  if (postgres) await db.selectFrom('app_user').select('id').where('id', '=', id).forUpdate().execute();
}

export const findUserIdByNorm = (db: Executor, usernameNorm: string) =>
  db.selectFrom('app_user').select('id').where('username_norm', '=', usernameNorm).executeTakeFirst();

export const findOrgStatus = (db: Executor, id: string) =>
  db.selectFrom('org').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();

export const insertUser = (db: Executor, row: UserTable) => db.insertInto('app_user').values(row).execute();

export const updateUser = (db: Executor, id: string, patch: Partial<Omit<UserTable, 'id'>>) =>
  db.updateTable('app_user').set(patch).where('id', '=', id).execute();

export const insertPasswordHistory = (db: Executor, row: { id: string; user_id: string; password_hash: string; created_at: string }) =>
  db.insertInto('password_history').values(row).execute();

export interface UserRoleRow {
  readonly user_id: string;
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly admin_kind: 'sysadmin' | 'secadmin' | 'auditadmin' | null;
}

export async function rolesOfUsers(db: Executor, userIds: readonly string[]): Promise<UserRoleRow[]> {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id', 'r.id', 'r.code', 'r.name', 'r.admin_kind'])
    .where('ur.user_id', 'in', userIds)
    .orderBy('r.code')
    .execute();
}

export async function replaceUserRoles(db: Executor, userId: string, roleIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roleIds.length > 0)
    await db
      .insertInto('user_role')
      .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
      .execute();
}
