/**
 * Permission catalogue and the three built-in administrator roles (三员分立, GB/T 22239-2019 8.1.5).
 * A permission belongs to at most one admin kind; business permissions belong to none, and an
 * admin role may hold only its own kind's permissions.
 */
import { questionBankPermissions } from '../question-bank/permissions.ts';
import { examPermissions } from '../exams/permissions.ts';
import { trainingPermissions } from '../training/permissions.ts';
import { talentPermissions } from '../talent/permissions.ts';
import { recruitmentPermissions } from '../recruitment/permissions.ts';
import { auxiliaryPermissions } from '../auxiliary/permissions.ts';
import { partyPermissions } from '../party/permissions.ts';
import { publicityPermissions } from '../publicity/permissions.ts';
import { cadresPermissions } from '../cadres/permissions.ts';
import { workflowPermissions } from '../workflow/permissions.ts';
import { welfarePermissions } from '../welfare/permissions.ts';
import { assessmentPermissions } from '../assessment/permissions.ts';
import { warningPermissions } from '../warning/permissions.ts';
import { provincePermissions } from '../province/permissions.ts';
import { awardsPermissions } from '../awards/permissions.ts';
import { culturePermissions } from '../culture/permissions.ts';

export { adminKinds, type AdminKind, type PermissionDef } from './permission-def.ts';
import type { AdminKind, PermissionDef } from './permission-def.ts';

export const permissionCatalogue: readonly PermissionDef[] = [
  { code: 'org:read', group: 'org', adminKind: null },
  { code: 'org:write', group: 'org', adminKind: 'sysadmin' },
  { code: 'user:read', group: 'user', adminKind: null },
  { code: 'user:write', group: 'user', adminKind: 'sysadmin' },
  { code: 'system:backup', group: 'system', adminKind: 'sysadmin' },
  { code: 'system:jobs', group: 'system', adminKind: 'sysadmin' },
  { code: 'role:read', group: 'role', adminKind: 'secadmin' },
  { code: 'role:write', group: 'role', adminKind: 'secadmin' },
  { code: 'user:assign-role', group: 'user', adminKind: 'secadmin' },
  { code: 'user:unlock', group: 'user', adminKind: 'secadmin' },
  { code: 'audit:read', group: 'audit', adminKind: 'auditadmin' },
  { code: 'audit:export', group: 'audit', adminKind: 'auditadmin' },
  { code: 'dict:read', group: 'dict', adminKind: null, everyone: true },
  { code: 'personnel:read', group: 'personnel', adminKind: null },
  { code: 'personnel:write', group: 'personnel', adminKind: null },
  { code: 'personnel:reveal', group: 'personnel', adminKind: null },
  { code: 'personnel:export', group: 'personnel', adminKind: null },
  { code: 'personnel:import', group: 'personnel', adminKind: null },
  { code: 'personnel:approve', group: 'personnel', adminKind: null },
  { code: 'personnel:self', group: 'personnel', adminKind: null, everyone: true },
  ...questionBankPermissions,
  ...examPermissions,
  ...trainingPermissions,
  ...talentPermissions,
  ...recruitmentPermissions,
  ...auxiliaryPermissions,
  ...partyPermissions,
  ...publicityPermissions,
  ...cadresPermissions,
  ...awardsPermissions,
  ...workflowPermissions,
  ...welfarePermissions,
  ...assessmentPermissions,
  ...warningPermissions,
  ...provincePermissions,
  ...culturePermissions,
];

const byCode = new Map(permissionCatalogue.map((p) => [p.code, p]));
export const isKnownPermission = (code: string): boolean => byCode.has(code);
export const permissionDef = (code: string): PermissionDef | undefined => byCode.get(code);

/**
 * Built-in role permission sets. The sysadmin manages accounts and the org tree, and reads both
 * (it needs to see users to manage them); roles and unlocks belong to the secadmin; the audit
 * log only to the auditadmin. Users and orgs are readable by secadmin too, to assign roles.
 */
export const builtinRoles: Record<AdminKind, { code: string; name: string; permissions: readonly string[] }> = {
  sysadmin: {
    code: 'sysadmin',
    name: '系统管理员',
    permissions: ['org:read', 'org:write', 'user:read', 'user:write', 'system:backup', 'system:jobs'],
  },
  secadmin: {
    code: 'secadmin',
    name: '安全管理员',
    permissions: ['org:read', 'user:read', 'role:read', 'role:write', 'user:assign-role', 'user:unlock'],
  },
  auditadmin: {
    code: 'auditadmin',
    name: '审计管理员',
    permissions: ['audit:read', 'audit:export'],
  },
};

/**
 * Checks a permission set for a role: business roles may not hold admin-kind permissions.
 * Returns the offending codes.
 */
export function adminPermissionsIn(permissions: readonly string[]): string[] {
  return permissions.filter((p) => byCode.get(p)?.adminKind != null);
}
