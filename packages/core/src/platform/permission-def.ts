/** The shape of a permission, apart from the catalogue so each module's list can name it. */
export type AdminKind = 'sysadmin' | 'secadmin' | 'auditadmin';
export const adminKinds: readonly AdminKind[] = ['sysadmin', 'secadmin', 'auditadmin'];

export interface PermissionDef {
  readonly code: string;
  readonly group: string;
  /** Which admin kind owns it; null = business permission, grantable to business roles. */
  readonly adminKind: AdminKind | null;
  /** True when every logged-in user implicitly holds it. */
  readonly everyone?: boolean;
}
