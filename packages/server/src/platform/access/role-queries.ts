import type { AdminKind, DataScope } from '@zhenggong/core';
import type { Executor, RoleTable } from '../../db/database.ts';

/** A role row with its JSON columns decoded. */
export interface Role {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly builtin: boolean;
  readonly adminKind: AdminKind | null;
  readonly permissions: string[];
  readonly dataScope: DataScope;
  readonly scopeOrgIds: string[];
  readonly createdAt: string;
}

export const decodeRole = (row: RoleTable): Role => ({
  id: row.id,
  code: row.code,
  name: row.name,
  builtin: row.builtin === 1,
  adminKind: row.admin_kind,
  permissions: JSON.parse(row.permissions) as string[],
  dataScope: row.data_scope as DataScope, // written only from the validated DataScope union
  scopeOrgIds: JSON.parse(row.scope_org_ids) as string[],
  createdAt: row.created_at,
});

/** Every role with the number of accounts holding it; admin roles first, then by code. */
export async function listRoles(db: Executor): Promise<(Role & { userCount: number })[]> {
  const rows = await db
    .selectFrom('role')
    .selectAll('role')
    .select((eb) =>
      eb
        .selectFrom('user_role')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('user_role.role_id', '=', 'role.id')
        .as('user_count'),
    )
    .orderBy('builtin', 'desc')
    .orderBy('code')
    .execute();
  return rows.map(({ user_count, ...row }) => ({ ...decodeRole(row), userCount: Number(user_count ?? 0) }));
}

export async function findRole(db: Executor, id: string): Promise<Role | undefined> {
  const row = await db.selectFrom('role').selectAll().where('id', '=', id).executeTakeFirst();
  return row && decodeRole(row);
}

export async function findRolesByIds(db: Executor, ids: readonly string[]): Promise<Role[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('role').selectAll().where('id', 'in', ids).execute()).map(decodeRole);
}

export const findRoleIdByCode = (db: Executor, code: string) =>
  db.selectFrom('role').select('id').where('code', '=', code).executeTakeFirst();

export const insertRole = (db: Executor, row: RoleTable) => db.insertInto('role').values(row).execute();

export const updateRole = (db: Executor, id: string, patch: Partial<Omit<RoleTable, 'id'>>) =>
  db.updateTable('role').set(patch).where('id', '=', id).execute();

export const deleteRole = (db: Executor, id: string) => db.deleteFrom('role').where('id', '=', id).execute();

export async function holdersOfRole(db: Executor, roleId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_role').select('user_id').where('role_id', '=', roleId).execute();
  return rows.map((r) => r.user_id);
}

/** Which of the given org ids exist (for custom data scopes). */
export async function existingOrgIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
