/** Shapes from docs/api-v1.md shared by several features. */
export type AdminKind = 'sysadmin' | 'secadmin' | 'auditadmin';

export type DataScope = 'all' | 'custom' | 'org' | 'org_and_below' | 'self' | 'org_and_below_or_self';

export const DATA_SCOPES: readonly DataScope[] = ['all', 'custom', 'org', 'org_and_below', 'self', 'org_and_below_or_self'];

export interface RoleRef {
  id: string;
  code: string;
  name: string;
  /** Sent in `Me.roles` by the server (core schema) though api-v1.md does not list it; absent in `User.roles`. */
  dataScope?: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  adminKind: AdminKind | null;
  roles: RoleRef[];
  permissions: string[];
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** Second factor of this session (ADR 018): anything but `done` limits it to /second-factor. */
  mfa: 'done' | 'verify' | 'enrol';
  /** Roles suspended until the security administrator confirms an org change (ADR 004). */
  orgChangePending: boolean;
  /** Linked to a person record: the pages about "me" work only then. */
  hasPerson: boolean;
}

/** Body of POST /auth/login and GET /auth/me. */
export interface Session {
  user: Me;
  csrfToken: string;
}

export function needsPasswordChange(me: Me): boolean {
  return me.mustChangePassword || me.passwordExpired;
}

export function needsSecondFactor(me: Me): boolean {
  return me.mfa !== 'done';
}

/** Where a signed-in user must go before anything else: the second factor, then the password change. */
export function pendingStep(me: Me): '/second-factor' | '/change-password' | null {
  if (needsSecondFactor(me)) return '/second-factor';
  if (needsPasswordChange(me)) return '/change-password';
  return null;
}
