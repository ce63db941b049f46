import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, Executor, UserTable } from '../../db/database.ts';
import { HotArgs, runHot } from '../../db/hot-query.ts';
import { scopeStandIn, scopeWhere, type ResolvedScope } from '../access/data-scope.ts';
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

/** A filter's values, already in the form the SQL compares (stand-ins when compiling). */
interface UserFilterValues {
  readonly orgId?: string | undefined;
  readonly includeSub: boolean;
  readonly status?: string | undefined;
  readonly keyword?: { readonly byName: string; readonly byDisplay: string } | undefined;
}

/** Scope first, always: every other filter only narrows what the caller may see. */
function userFilter(scope: ResolvedScope, f: UserFilterValues) {
  return (eb: ExpressionBuilder<Database, 'app_user'>): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [scopeWhere(scope, 'app_user.org_id', 'app_user.id')];
    if (f.orgId !== undefined) {
      const subtree = eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', f.orgId);
      conds.push(f.includeSub ? eb('app_user.org_id', 'in', subtree) : eb('app_user.org_id', '=', f.orgId));
    }
    if (f.status !== undefined) conds.push(eb('app_user.status', '=', f.status as UserTable['status']));
    if (f.keyword !== undefined) {
      conds.push(
        eb.or([
          sql<SqlBool>`app_user.username_norm like ${f.keyword.byName} escape '\\'`,
          sql<SqlBool>`lower(app_user.display_name) like ${f.keyword.byDisplay} escape '\\'`,
        ]),
      );
    }
    return eb.and(conds);
  };
}

/**
 * The account list is on the path of every administrator's first screen and of the benchmark of
 * scoped lists: its two statements are compiled once per shape (scope, filters, sort) and run
 * with this call's values (runHot), instead of being rebuilt by Kysely on every request.
 */
export async function listUsers(
  db: Executor,
  scope: ResolvedScope,
  filter: UserFilter,
  paging: UserPaging,
): Promise<{ rows: UserRow[]; total: number }> {
  const args = new HotArgs();
  const { shape: scopeShape, standIn } = scopeStandIn(scope, args);
  const values: UserFilterValues = {
    includeSub: filter.includeSub,
    orgId: filter.orgId === undefined ? undefined : args.add(filter.orgId),
    status: filter.status === undefined ? undefined : args.add(filter.status),
    // Usernames are compared in their NFKC + lower-case form; SQLite's lower() folds ASCII only,
    // which is enough for display names (Chinese has no case).
    keyword:
      filter.keyword === undefined
        ? undefined
        : {
            byName: args.add(likeContains(normalizeUsername(filter.keyword))),
            byDisplay: args.add(likeContains(filter.keyword.toLowerCase())),
          },
  };
  const desc = paging.sort.startsWith('-');
  const field = (desc ? paging.sort.slice(1) : paging.sort) as keyof typeof sortColumns; // the schema allows only these names
  const shape = [
    scopeShape,
    filter.orgId === undefined ? '' : filter.includeSub ? 'sub' : 'org',
    filter.status ? 's' : '',
    filter.keyword === undefined ? '' : 'k',
  ].join(':');
  const where = userFilter(standIn, values);
  const countArgs = [...args.values];
  const [count] = await runHot(
    db,
    `users.count:${shape}`,
    (d) =>
      d
        .selectFrom('app_user')
        .where(where)
        .select((eb) => eb.fn.countAll<number>().as('n')),
    countArgs,
  );
  const limit = args.add(paging.pageSize);
  const offset = args.add((paging.page - 1) * paging.pageSize);
  const rows = await runHot(
    db,
    `users.page:${shape}:${paging.sort}`,
    (d) =>
      d
        .selectFrom('app_user')
        .where(where)
        .leftJoin('org', 'org.id', 'app_user.org_id')
        .selectAll('app_user')
        .select('org.name as org_name')
        // Never-logged-in accounts last on both databases (SQLite and PostgreSQL order NULLs differently).
        .$if(field === 'lastLoginAt', (q) => q.orderBy(sql`case when app_user.last_login_at is null then 1 else 0 end`))
        .orderBy(sortColumns[field], desc ? 'desc' : 'asc')
        .orderBy('app_user.id')
        .limit(limit)
        .offset(offset),
    args.values,
  );
  return { rows, total: Number(count?.n ?? 0) };
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
  const args = new HotArgs();
  const ids = userIds.map((id) => args.add(id));
  // A page of accounts: compiled once per page length.
  return runHot(
    db,
    `users.roles:${ids.length}`,
    (d) =>
      d
        .selectFrom('user_role as ur')
        .innerJoin('role as r', 'r.id', 'ur.role_id')
        .select(['ur.user_id', 'r.id', 'r.code', 'r.name', 'r.admin_kind'])
        .where('ur.user_id', 'in', ids)
        .orderBy('r.code'),
    args.values,
  );
}

export async function replaceUserRoles(db: Executor, userId: string, roleIds: readonly string[]): Promise<void> {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roleIds.length > 0)
    await db
      .insertInto('user_role')
      .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
      .execute();
}
