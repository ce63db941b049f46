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
