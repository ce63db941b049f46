import { adminPermissionsIn, type AdminKind } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../http/app-error.ts';

/**
 * 三员分立 (GB/T 22239-2019 8.1.5, SECURITY.md §2): the system, security and audit
 * administrators are three separate accounts with disjoint powers, and none of them holds
 * business permissions. This file is the one statement of the invariant; services check their
 * own preconditions first (for precise error codes), then call `assertSeparation` inside the
 * same transaction after writing, so a bug or a race in a service still cannot commit a breach.
 */
export type SeparationReason =
  /** A business role (admin_kind null) carries a permission the catalogue gives to an admin kind. */
  | 'admin_permission_in_business_role'
  /** One account holds two admin roles. */
  | 'two_admin_roles'
  /** An admin role combined with any other role, or an admin account holding business roles. */
  | 'admin_with_other_roles'
  /** The account's admin_kind and its admin role disagree (e.g. a business account given an admin role). */
  | 'admin_kind_mismatch'
  /** Built-in admin roles are granted only by the CLI `create-admin`, never through the API. */
  | 'admin_role_via_api'
  /** Roles of an admin account are fixed at creation; changing them over the API is refused. */
  | 'admin_account';

export interface RoleFacts {
  readonly adminKind: AdminKind | null;
  readonly permissions: readonly string[];
}

/** The invariant for one account and the complete set of roles it would hold; null when it holds. */
export function separationViolation(accountKind: AdminKind | null, roles: readonly RoleFacts[]): SeparationReason | null {
  if (roles.some((r) => r.adminKind === null && adminPermissionsIn(r.permissions).length > 0)) return 'admin_permission_in_business_role';
  const adminRoles = roles.filter((r) => r.adminKind !== null);
  if (adminRoles.length > 1) return 'two_admin_roles';
  if (adminRoles.length === 1 && roles.length > 1) return 'admin_with_other_roles';
  if (accountKind !== null && adminRoles.length === 0 && roles.length > 0) return 'admin_with_other_roles';
  if (adminRoles.length === 1 && adminRoles[0]?.adminKind !== accountKind) return 'admin_kind_mismatch';
  return null;
}

/** Business roles only: no admin-kind permission may appear in them. */
export function assertBusinessPermissions(permissions: readonly string[]): void {
  const offending = adminPermissionsIn(permissions);
  if (offending.length > 0)
    throw new AppError('SEPARATION_OF_DUTIES', { reason: 'admin_permission_in_business_role', permissions: offending });
}

/**
 * Re-reads the accounts' roles inside the caller's transaction and throws (rolling the change
 * back) if any of them breaks the invariant. Runs after every role assignment, role edit and
 * admin creation.
 */
export async function assertSeparation(trx: Executor, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const users = await trx.selectFrom('app_user').select(['id', 'admin_kind']).where('id', 'in', userIds).execute();
  const grants = await trx
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id', 'r.admin_kind', 'r.permissions'])
    .where('ur.user_id', 'in', userIds)
    .execute();
  for (const user of users) {
    const roles = grants
      .filter((g) => g.user_id === user.id)
      .map((g) => ({ adminKind: g.admin_kind, permissions: JSON.parse(g.permissions) as string[] }));
    const reason = separationViolation(user.admin_kind, roles);
    if (reason) throw new AppError('SEPARATION_OF_DUTIES', { reason, userId: user.id });
  }
}
