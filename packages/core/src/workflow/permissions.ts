import type { PermissionDef } from '../platform/permission-def.ts';

/**
 * The to-do centre, notifications and case actions are everyone's (`workflow:self`): whether a
 * person may act on a case is decided per case by its current step's permission and data scope.
 */
export const workflowPermissions: readonly PermissionDef[] = [
  { code: 'workflow:self', group: 'workflow', adminKind: null, everyone: true },
  { code: 'workflow:delegate', group: 'workflow', adminKind: null },
  { code: 'workflow:calendar', group: 'workflow', adminKind: null },
];
