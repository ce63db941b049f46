import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of party building (基层党建). */
export const partyPermissions: readonly PermissionDef[] = [
  { code: 'party:read', group: 'party', adminKind: null },
  { code: 'party:write', group: 'party', adminKind: null },
  { code: 'party:dues', group: 'party', adminKind: null },
  { code: 'party:self', group: 'party', adminKind: null, everyone: true },
];
