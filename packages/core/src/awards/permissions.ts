import type { PermissionDef } from '../platform/permission-def.ts';

/**
 * Awards (立功受奖), discipline (违纪处分, restricted: its own read permission, every view audited)
 * and exemplars (典型选树). Voting is everyone's; each account votes once per campaign.
 */
export const awardsPermissions: readonly PermissionDef[] = [
  { code: 'awards:read', group: 'awards', adminKind: null },
  { code: 'awards:nominate', group: 'awards', adminKind: null },
  { code: 'awards:approve', group: 'awards', adminKind: null },
  { code: 'awards:rules', group: 'awards', adminKind: null },
  { code: 'discipline:read', group: 'discipline', adminKind: null },
  { code: 'discipline:write', group: 'discipline', adminKind: null },
  { code: 'discipline:self', group: 'discipline', adminKind: null, everyone: true },
  { code: 'exemplars:read', group: 'exemplars', adminKind: null },
  { code: 'exemplars:nominate', group: 'exemplars', adminKind: null },
  { code: 'exemplars:manage', group: 'exemplars', adminKind: null },
  { code: 'exemplars:vote', group: 'exemplars', adminKind: null, everyone: true },
];
