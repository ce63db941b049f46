import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of this module (no admin kind; grantable to business roles). */
export const talentPermissions: readonly PermissionDef[] = [
  { code: 'talent:read', group: 'talent', adminKind: null },
  { code: 'talent:write', group: 'talent', adminKind: null },
  { code: 'competition:read', group: 'competition', adminKind: null },
  { code: 'competition:write', group: 'competition', adminKind: null },
];
