import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of the cadres module (干部和职级警衔). */
export const cadresPermissions: readonly PermissionDef[] = [
  { code: 'cadres:read', group: 'cadres', adminKind: null },
  { code: 'cadres:write', group: 'cadres', adminKind: null },
  /** Decides promotion and conversion cases (审核, 公示, 审批). */
  { code: 'cadres:approve', group: 'cadres', adminKind: null },
  /** Runs 套改 what-ifs and submits conversion batches. */
  { code: 'cadres:simulate', group: 'cadres', adminKind: null },
  /** Reads restricted cadre records in full (约谈, 容错纠错, 考察材料); every view is audited. */
  { code: 'cadres:restricted', group: 'cadres', adminKind: null },
  /** Edits rule sets (a city-wide power). */
  { code: 'cadres:rules', group: 'cadres', adminKind: null },
];
