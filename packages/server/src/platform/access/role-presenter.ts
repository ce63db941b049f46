import type { PermissionDef, PermissionView, RoleView } from '@zhenggong/core';
import type { Role } from './role-queries.ts';

export const presentRole = (role: Role, userCount: number): RoleView => ({
  id: role.id,
  code: role.code,
  name: role.name,
  builtin: role.builtin,
  adminKind: role.adminKind,
  permissions: [...role.permissions].sort(),
  dataScope: role.dataScope,
  scopeOrgIds: role.scopeOrgIds,
  userCount,
});

// Labels are localised on the client by code, so only the code, group and owner leave the server.
export const presentPermission = (p: PermissionDef): PermissionView => ({ code: p.code, group: p.group, adminKind: p.adminKind });

/** The part of a role an audit row records as before → after. */
export const auditedRole = (role: Role) => ({
  code: role.code,
  name: role.name,
  permissions: [...role.permissions].sort(),
  dataScope: role.dataScope,
  scopeOrgIds: role.scopeOrgIds,
});
