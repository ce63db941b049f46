import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of this module (no admin kind; grantable to business roles). */
export const examPermissions: readonly PermissionDef[] = [
  { code: 'exam:read', group: 'exam', adminKind: null },
  { code: 'exam:manage', group: 'exam', adminKind: null },
  { code: 'exam:grade', group: 'exam', adminKind: null },
  { code: 'exam:take', group: 'exam', adminKind: null, everyone: true },
];
