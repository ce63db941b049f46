import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of this module (no admin kind; grantable to business roles). */
export const trainingPermissions: readonly PermissionDef[] = [
  { code: 'training:read', group: 'training', adminKind: null },
  { code: 'training:write', group: 'training', adminKind: null },
  { code: 'training:self', group: 'training', adminKind: null, everyone: true },
  { code: 'study:read', group: 'study', adminKind: null },
  { code: 'study:write', group: 'study', adminKind: null },
  { code: 'study:approve', group: 'study', adminKind: null },
  { code: 'study:self', group: 'study', adminKind: null, everyone: true },
];
