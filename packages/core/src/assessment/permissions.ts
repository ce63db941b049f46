import type { PermissionDef } from '../platform/permission-def.ts';

/** Business permissions of performance assessment and daily management. */
export const assessmentPermissions: readonly PermissionDef[] = [
  /** See schemes, rounds and results of people and units in scope. */
  { code: 'assessment:read', group: 'assessment', adminKind: null },
  /** Write and publish schemes (political department). */
  { code: 'assessment:scheme', group: 'assessment', adminKind: null },
  /** Open rounds and score the people of a unit (unit leader). */
  { code: 'assessment:score', group: 'assessment', adminKind: null },
  /** Review, public notice, appeal decisions and grade confirmation (political department). */
  { code: 'assessment:review', group: 'assessment', adminKind: null },
  /** Daily assessment entries, talks and family care contacts. */
  { code: 'assessment:daily', group: 'assessment', adminKind: null },
  /** Own scores, self-assessment and appeals: every officer. */
  { code: 'assessment:self', group: 'assessment', adminKind: null, everyone: true },
];
