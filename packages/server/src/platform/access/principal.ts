import type { AdminKind, DataScope } from '@zhenggong/core';

export interface PrincipalRole {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly dataScope: DataScope;
  readonly scopeOrgIds: readonly string[];
}

/** The authenticated caller, loaded once per request from the session. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
  readonly adminKind: AdminKind | null;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly passwordExpired: boolean;
  /** Second factor of this session (ADR 018); anything but `done` limits it to the MFA step. */
  readonly mfa: 'done' | 'verify' | 'enrol';
  /** Roles suspended until the security administrator confirms an org change (ADR 004). */
  readonly orgChangePending: boolean;
  readonly roles: readonly PrincipalRole[];
  readonly permissions: ReadonlySet<string>;
}

/**
 * An account acting outside a request (the demo seeder acting as an officer): just the given
 * permissions, no roles, a finished second factor.
 */
export function accountPrincipal(
  account: { userId: string; username: string; displayName: string; orgId: string },
  permissions: readonly string[],
): Principal {
  return {
    userId: account.userId,
    username: account.username,
    displayName: account.displayName,
    orgId: account.orgId,
    adminKind: null,
    sessionId: '',
    csrfToken: '',
    mustChangePassword: false,
    passwordExpired: false,
    mfa: 'done',
    orgChangePending: false,
    roles: [],
    permissions: new Set(permissions),
  };
}
