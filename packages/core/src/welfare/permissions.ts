import type { PermissionDef } from '../platform/permission-def.ts';

/**
 * Business permissions of the welfare module (从优待警). Health and psychological data sit behind
 * their own permissions, so a political-department role that runs leave or care records sees none
 * of it unless it is given them on purpose.
 */
export const welfarePermissions: readonly PermissionDef[] = [
  { code: 'leave:read', group: 'welfare', adminKind: null },
  { code: 'leave:approve', group: 'welfare', adminKind: null },
  { code: 'leave:manage', group: 'welfare', adminKind: null },
  { code: 'welfare:read', group: 'welfare', adminKind: null },
  { code: 'welfare:manage', group: 'welfare', adminKind: null },
  /** The unit's care contact (关爱联络员): receives wearable alerts, sees alert details. */
  { code: 'health:alert', group: 'welfare', adminKind: null },
  /** Check-up results and follow-ups (restricted; every view audited). */
  { code: 'health:read', group: 'welfare', adminKind: null },
  { code: 'health:manage', group: 'welfare', adminKind: null },
  /** The psychological-care role (心理健康专员): cases, sessions, crisis escalation. */
  { code: 'psych:care', group: 'welfare', adminKind: null },
];
