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
  readonly roles: readonly PrincipalRole[];
  readonly permissions: ReadonlySet<string>;
}
