import type { AdminKind, DataScope } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { param, runHot } from '../../db/hot-query.ts';
import type { PrincipalRole } from '../access/principal.ts';

export const findUserByNorm = (db: Executor, usernameNorm: string) =>
  db.selectFrom('app_user').selectAll().where('username_norm', '=', usernameNorm).executeTakeFirst();

export const findUserById = (db: Executor, id: string) =>
  db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();

export const findSession = (db: Executor, id: string) =>
  db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst();

const sessionWithUser = (db: Executor) =>
  db
    .selectFrom('session as s')
    .leftJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.user_id as session_user_id', 's.csrf_token', 's.last_seen_at as session_last_seen_at', 's.expires_at as session_expires_at'])
    .selectAll('u')
    .where('s.id', '=', param(0));

/** A session with its account in one round trip — this runs on every request. */
export const findSessionWithUser = async (db: Executor, id: string) =>
  (await runHot(db, 'sessionWithUser', sessionWithUser, [id]))[0];

export const deleteSession = (db: Executor, id: string) => db.deleteFrom('session').where('id', '=', id).execute();

export const deleteSessionsOfUser = (db: Executor, userId: string) =>
  db.deleteFrom('session').where('user_id', '=', userId).execute();

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
