import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of publicity (宣传) and the official-accounts registry (政务新媒体). */
export const publicityPermissions: readonly PermissionDef[] = [
  { code: 'publicity:read', group: 'publicity', adminKind: null },
  { code: 'publicity:write', group: 'publicity', adminKind: null },
  { code: 'publicity:verify', group: 'publicity', adminKind: null },
  { code: 'publicity:self', group: 'publicity', adminKind: null, everyone: true },
];
