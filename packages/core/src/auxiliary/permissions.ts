import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of this module (no admin kind; grantable to business roles). */
export const auxiliaryPermissions: readonly PermissionDef[] = [
  { code: 'auxiliary:read', group: 'auxiliary', adminKind: null },
  { code: 'auxiliary:write', group: 'auxiliary', adminKind: null },
  { code: 'auxiliary:assess', group: 'auxiliary', adminKind: null },
  { code: 'auxiliary:pay', group: 'auxiliary', adminKind: null },
];
