import type { AdminKind, DataScope } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { param, runHot } from '../../db/hot-query.ts';
import type { PrincipalRole } from '../access/principal.ts';

export const findUserByNorm = (db: Executor, usernameNorm: string) =>
  db.selectFrom('app_user').selectAll().where('username_norm', '=', usernameNorm).executeTakeFirst();

export const findUserById = (db: Executor, id: string) => db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

export const findSession = (db: Executor, id: string) => db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();

const sessionWithUser = (db: Executor) =>
  db
    .selectFrom('session as s')
    .leftJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('user_role as ur', 'ur.user_id', 'u.id')
    .leftJoin('role as r', 'r.id', 'ur.role_id')
    .select([
      's.id as session_id',
      's.user_id as session_user_id',
      's.csrf_token',
      's.last_seen_at as session_last_seen_at',
      's.expires_at as session_expires_at',
      's.mfa_verified_at as session_mfa_verified_at',
    ])
    .selectAll('u')
    .select([
      'r.id as role_id',
      'r.code as role_code',
      'r.name as role_name',
      'r.permissions as role_permissions',
      'r.data_scope as role_data_scope',
      'r.scope_org_ids as role_scope_org_ids',
      'r.admin_kind as role_admin_kind',
    ])
    .where('s.id', '=', param(0))
    .orderBy('r.code');

type SessionRoleRow = Awaited<ReturnType<ReturnType<typeof sessionWithUser>['execute']>>[number];

/**
 * A session with its account and the account's roles in one round trip — this runs on every
 * request. One row per role (one row with null role columns when the account has none).
 */
export async function findSessionWithUser(db: Executor, id: string) {
  const rows = await runHot(db, 'sessionWithUserRoles', sessionWithUser, [id]);
  const first = rows[0];
  if (!first) return undefined;
  const {
    role_id: _id,
    role_code: _c,
    role_name: _n,
    role_permissions: _p,
    role_data_scope: _d,
    role_scope_org_ids: _s,
    role_admin_kind: _a,
    ...sessionAndUser
  } = first;
  return { ...sessionAndUser, roles: rows.filter((r) => r.role_id !== null).map(toPrincipalRole) };
}

const toPrincipalRole = (r: SessionRoleRow) => ({
  id: r.role_id as string,
  code: r.role_code as string,
  name: r.role_name as string,
  permissions: JSON.parse(r.role_permissions as string) as string[],
  dataScope: r.role_data_scope as DataScope,
  scopeOrgIds: JSON.parse(r.role_scope_org_ids as string) as string[],
  adminKind: r.role_admin_kind as AdminKind | null,
});

export const deleteSession = (db: Executor, id: string) => db.deleteFrom('session').where('id', '=', id).execute();

export const deleteSessionsOfUser = (db: Executor, userId: string) => db.deleteFrom('session').where('user_id', '=', userId).execute();

const rolesQuery = (db: Executor) =>
  db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['r.id', 'r.code', 'r.name', 'r.permissions', 'r.data_scope', 'r.scope_org_ids', 'r.admin_kind'])
    .where('ur.user_id', '=', param(0))
    .orderBy('r.code');

export async function rolesOfUser(db: Executor, userId: string): Promise<PrincipalRole[]> {
  const rows = await runHot(db, 'rolesOfUser', rolesQuery, [userId]);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    permissions: JSON.parse(r.permissions) as string[],
    dataScope: r.data_scope as DataScope,
    scopeOrgIds: JSON.parse(r.scope_org_ids) as string[],
    adminKind: r.admin_kind as AdminKind | null,
  }));
}

export const recentPasswordHashes = (db: Executor, userId: string, count: number) =>
  db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(count)
    .execute();
