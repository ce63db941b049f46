import { checkPassword, permissionCatalogue } from '@zhenggong/core';
import type { UserTable } from '../../db/database.ts';
import type { Principal, PrincipalRole } from '../access/principal.ts';
import { disableStale, staleReason } from '../accounts/account-expiry.ts';
import { appendAudit, auditAlone, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { nodeCrypto } from '../crypto.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import * as q from './auth-queries.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from './passwords.ts';
import { normalizeUsername } from './usernames.ts';

const everyonePermissions = permissionCatalogue.filter((p) => p.everyone).map((p) => p.code);

export interface RequestInfo {
  readonly ip: string;
  readonly userAgent: string;
  readonly requestId: string;
}

export interface LoginResult {
  readonly token: string;
  readonly principal: Principal;
}

const actorFromUser = (user: Pick<UserTable, 'id' | 'username' | 'admin_kind'>, info: RequestInfo): AuditActor => ({
  userId: user.id,
  username: user.username,
  role: user.admin_kind,
  ip: info.ip,
  requestId: info.requestId,
});

/** Password older than the policy allows (等保 "定期更换"); 0 disables rotation (ASVS profile). */
function passwordExpired(ctx: AppContext, user: UserTable): boolean {
  const days = ctx.config.passwordPolicy.maxAgeDays;
  if (days === 0) return false;
  return ctx.clock.now().getTime() - Date.parse(user.password_changed_at) > days * 86_400_000;
}

export async function login(ctx: AppContext, username: string, password: string, info: RequestInfo): Promise<LoginResult> {
  const { db, clock, config } = ctx;
  const now = clock.now();
  const user = await q.findUserByNorm(db, normalizeUsername(username));
  const anonymous: AuditActor = { userId: null, username: username.slice(0, 64), role: null, ip: info.ip, requestId: info.requestId };
  if (!user) {
    await burnVerifyTime(password);
    await auditAlone(db, clock, anonymous, { eventType: 'auth.login', outcome: 'failure', detail: { reason: 'unknown_user' } });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const actor = actorFromUser(user, info);
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    await auditAlone(db, clock, actor, {
      eventType: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failure',
      detail: { reason: 'locked' },
    });
    throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: user.locked_until });
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    // The counter lives in the database, so it survives restarts and is shared by every app node.
    const failures = user.failed_count + 1;
    const lock = failures >= config.lockout.maxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + config.lockout.lockMinutes * 60_000).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_count: lock ? 0 : failures, locked_until: lockedUntil, updated_at: now.toISOString() })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(trx, clock, actor, {
        eventType: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        outcome: 'failure',
        detail: { reason: 'bad_password', failures },
      });
      if (lock)
        await appendAudit(trx, clock, actor, { eventType: 'auth.lockout', objectType: 'user', objectId: user.id, detail: { lockedUntil } });
    });
    if (lock) throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  // Expired or unused too long: disabled here as the daily sweep would have (L3-CES1-07).
  const stale = staleReason(user, now, config.accountInactiveDays);
  if (stale) await disableStale(ctx, user.id, stale, actor);
  if (user.status !== 'active' || stale) {
    await auditAlone(db, clock, actor, {
      eventType: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failure',
      detail: { reason: stale ?? 'disabled' },
    });
    throw new AppError('AUTH_ACCOUNT_DISABLED');
  }
  if (user.held_reason !== null) {
    await auditAlone(db, clock, actor, {
      eventType: 'auth.login',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failure',
      detail: { reason: 'held' },
    });
    throw new AppError('AUTH_ACCOUNT_HELD');
  }
  const token = nodeCrypto.randomToken();
  const sessionId = nodeCrypto.sha256Hex(token);
  const csrfToken = nodeCrypto.randomToken();
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_count: 0, locked_until: null, last_login_at: nowIso, updated_at: nowIso })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('session')
      .values({
        id: sessionId,
        user_id: user.id,
        csrf_token: csrfToken,
        ip: info.ip,
        user_agent: info.userAgent.slice(0, 255),
        created_at: nowIso,
        last_seen_at: nowIso,
        expires_at: new Date(now.getTime() + config.session.absoluteHours * 3_600_000).toISOString(),
      })
      .execute();
    await appendAudit(trx, clock, actor, { eventType: 'auth.login', objectType: 'user', objectId: user.id });
  });
  const principal = await principalOf(ctx, user, { id: sessionId, csrfToken, mfaVerifiedAt: null });
  return { token, principal };
}

/** Whether this account must present a second factor (ADR 018): admins under mlps3, listed roles. */
export function mfaRequired(ctx: AppContext, user: Pick<UserTable, 'admin_kind'>, roles: readonly Pick<PrincipalRole, 'code'>[]): boolean {
  const { requireAdmins, requiredRoles } = ctx.config.mfa;
  return (requireAdmins && user.admin_kind !== null) || roles.some((r) => requiredRoles.includes(r.code));
}

/** An enrolled account always verifies; one that must have a second factor and has none enrols first. */
function mfaState(ctx: AppContext, user: UserTable, roles: readonly PrincipalRole[], verifiedAt: string | null): Principal['mfa'] {
  if (verifiedAt !== null) return 'done';
  if (user.totp_enrolled_at !== null) return 'verify';
  return mfaRequired(ctx, user, roles) ? 'enrol' : 'done';
}

interface SessionRef {
  readonly id: string;
  readonly csrfToken: string;
  readonly mfaVerifiedAt: string | null;
}

/** `roles` when the caller has them already (the per-request session query brings them along). */
async function principalOf(ctx: AppContext, user: UserTable, session: SessionRef, knownRoles?: PrincipalRole[]): Promise<Principal> {
  const held = knownRoles ?? (await q.rolesOfUser(ctx.db, user.id));
  // Business roles are suspended while an org change waits for the security administrator, so
  // no session of this account sees either the old or the new scope meanwhile (ADR 004).
  const orgChangePending = user.pending_org_id !== null;
  const roles = orgChangePending ? [] : held;
  const permissions = new Set<string>(everyonePermissions);
  for (const role of roles) for (const p of role.permissions) permissions.add(p);
  const sessionId = session.id;
  const csrfToken = session.csrfToken;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    adminKind: user.admin_kind,
    sessionId,
    csrfToken,
    mustChangePassword: user.must_change_password === 1,
    passwordExpired: passwordExpired(ctx, user),
    mfa: mfaState(ctx, user, held, session.mfaVerifiedAt),
    orgChangePending,
    roles,
    permissions,
  };
}

export type SessionCheck = { ok: true; principal: Principal } | { ok: false; code: 'AUTH_REQUIRED' | 'SESSION_EXPIRED' };

// Writing last_seen_at on every request would make every read a write; a minute is precise enough.
const TOUCH_INTERVAL_MS = 60_000;

/** Resolves a session cookie token: idle and absolute timeouts delete the row (L3-CES1-02, -32). */
export async function authenticate(ctx: AppContext, token: string, info: RequestInfo): Promise<SessionCheck> {
  const { db, clock, config } = ctx;
  const sessionId = nodeCrypto.sha256Hex(token);
  const row = await q.findSessionWithUser(db, sessionId);
  if (!row) return { ok: false, code: 'SESSION_EXPIRED' };
  const {
    session_id: _sid,
    session_user_id: sessionUserId,
    csrf_token: csrfToken,
    session_last_seen_at: lastSeen,
    session_expires_at: expiresAt,
    session_mfa_verified_at: mfaVerifiedAt,
    roles,
    ...userColumns
  } = row;
  const session = { user_id: sessionUserId, csrf_token: csrfToken, last_seen_at: lastSeen, expires_at: expiresAt };
  // A left join: the account columns are null only if the account row is gone.
  const user = userColumns.id === null ? undefined : (userColumns as UserTable);
  const now = clock.now().getTime();
  const idle = now - Date.parse(session.last_seen_at) > config.session.idleMinutes * 60_000;
  const absolute = now >= Date.parse(session.expires_at);
  if (idle || absolute || !user || user.status !== 'active' || user.held_reason !== null) {
    await db.transaction().execute(async (trx) => {
      await q.deleteSession(trx, sessionId);
      const actor: AuditActor = {
        userId: session.user_id,
        username: user?.username ?? null,
        role: user?.admin_kind ?? null,
        ip: info.ip,
        requestId: info.requestId,
      };
      await appendAudit(trx, clock, actor, {
        eventType: 'auth.session_timeout',
        objectType: 'user',
        objectId: session.user_id,
        detail: { reason: absolute ? 'absolute' : idle ? 'idle' : 'disabled' },
      });
    });
    return { ok: false, code: 'SESSION_EXPIRED' };
  }
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('session')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', sessionId)
      .execute();
  }
  return { ok: true, principal: await principalOf(ctx, user, { id: sessionId, csrfToken: session.csrf_token, mfaVerifiedAt }, roles) };
}

export async function logout(ctx: AppContext, principal: Principal, actor: AuditActor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await q.deleteSession(trx, principal.sessionId);
    await appendAudit(trx, ctx.clock, actor, { eventType: 'auth.logout', objectType: 'user', objectId: principal.userId });
  });
}

/** Checks the policy and the last N passwords; returns reason codes, empty when acceptable. */
export async function passwordProblems(ctx: AppContext, user: UserTable, newPassword: string): Promise<string[]> {
  const policy = ctx.config.passwordPolicy;
  const reasons: string[] = checkPassword(policy, newPassword, user.username);
  if (reasons.length === 0 && policy.historyCount > 0) {
    const previous = [
      user.password_hash,
      ...(await q.recentPasswordHashes(ctx.db, user.id, policy.historyCount)).map((r) => r.password_hash),
    ];
    for (const h of previous.slice(0, policy.historyCount)) {
      if (await verifyPassword(h, newPassword)) {
        reasons.push('reused');
        break;
      }
    }
  }
  return reasons;
}

export async function changePassword(
  ctx: AppContext,
  principal: Principal,
  oldPassword: string,
  newPassword: string,
  actor: AuditActor,
): Promise<void> {
  const { db, clock } = ctx;
  const user = await q.findUserById(db, principal.userId);
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (!(await verifyPassword(user.password_hash, oldPassword))) {
    await auditAlone(db, clock, actor, {
      eventType: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
      outcome: 'failure',
      detail: { reason: 'wrong_password' },
    });
    throw new AppError('AUTH_WRONG_PASSWORD');
  }
  const reasons = await passwordProblems(ctx, user, newPassword);
  if (reasons.length > 0) throw new AppError('PASSWORD_POLICY', { reasons });
  const passwordHash = await hashPassword(newPassword);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_history')
      .values({ id: newId(), user_id: user.id, password_hash: user.password_hash, created_at: now })
      .execute();
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: 0, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end; the current one continues.
    await trx.deleteFrom('session').where('user_id', '=', user.id).where('id', '!=', principal.sessionId).execute();
    await appendAudit(trx, clock, actor, { eventType: 'auth.password_change', objectType: 'user', objectId: user.id });
  });
}
