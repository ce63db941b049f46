import type { PermissionDef } from '../platform/permission-def.ts';

/**
 * Business permissions of police culture (警营文化): reading the programmes, contests and
 * collections in scope, managing them, and every officer's own registrations, entries, works and
 * judging (self-service, held by everyone).
 */
export const culturePermissions: readonly PermissionDef[] = [
  { code: 'culture:read', group: 'culture', adminKind: null },
  { code: 'culture:manage', group: 'culture', adminKind: null },
  { code: 'culture:self', group: 'culture', adminKind: null, everyone: true },
];
