import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of this module (no admin kind; grantable to business roles). */
export const recruitmentPermissions: readonly PermissionDef[] = [
  { code: 'recruitment:read', group: 'recruitment', adminKind: null },
  { code: 'recruitment:write', group: 'recruitment', adminKind: null },
  { code: 'recruitment:review', group: 'recruitment', adminKind: null },
  { code: 'recruitment:score', group: 'recruitment', adminKind: null },
  { code: 'recruitment:hire', group: 'recruitment', adminKind: null },
];
