import type { UserView } from '@zhenggong/core';
import type { UserRoleRow, UserRow } from './account-queries.ts';

/**
 * Row → API view. The password hash, failure counter, person link and expiry stay on the
 * server; `locked` is computed against the injected clock, as the login check does.
 */
export function presentUser(row: UserRow, roles: readonly UserRoleRow[], now: Date): UserView {
  const locked = row.locked_until !== null && Date.parse(row.locked_until) > now.getTime();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    orgId: row.org_id,
    orgName: row.org_name ?? '',
    status: row.status,
    adminKind: row.admin_kind,
    roles: roles.filter((r) => r.user_id === row.id).map((r) => ({ id: r.id, code: r.code, name: r.name })),
    locked,
    lockedUntil: locked ? row.locked_until : null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    pendingOrgId: row.pending_org_id,
    held: row.held_reason !== null,
    mfaEnrolled: row.totp_enrolled_at !== null,
  };
}

/** The fields an audit row records as before → after for an account change. */
export const auditedUser = (row: Pick<UserRow, 'display_name' | 'org_id' | 'status'>) => ({
  displayName: row.display_name,
  orgId: row.org_id,
  status: row.status,
});
