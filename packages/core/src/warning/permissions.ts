import type { PermissionDef } from '../platform/permission-def.ts';

/**
 * Early warning (队伍质态研判). Warnings are restricted: only holders of `warning:read` see them,
 * every view is audited; `warning:handle` runs interventions (处置); `warning:configure` edits
 * rule versions and reads the disparity report; `warning:cockpit` the leaders' cockpit (驾驶舱);
 * `warning:report` drafts and decides quarterly branch reports. Nobody holds them by default.
 */
export const warningPermissions: readonly PermissionDef[] = [
  { code: 'warning:read', group: 'warning', adminKind: null },
  { code: 'warning:handle', group: 'warning', adminKind: null },
  { code: 'warning:configure', group: 'warning', adminKind: null },
  { code: 'warning:cockpit', group: 'warning', adminKind: null },
  { code: 'warning:report', group: 'warning', adminKind: null },
];
