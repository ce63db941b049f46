import { checkPassword, type CreateUserBody, type UpdateUserBody, type UserListQuery, type UserView } from '@zhenggong/core';
import type { Executor, Trx, UserTable } from '../../db/database.ts';
import { assertOrgInScope, type ResolvedScope } from '../access/data-scope.ts';
import { isUniqueViolation } from '../access/db-errors.ts';
import { auditingDenials } from '../access/denials.ts';
import { rolesForAssignment } from '../access/role-service.ts';
import { assertSeparation } from '../access/separation.ts';
import { appendAudit, type AuditActor } from '../audit/audit-service.ts';
import { deleteSessionsOfUser } from '../auth/auth-queries.ts';
import { hashPassword } from '../auth/passwords.ts';
import { normalizeUsername } from '../auth/usernames.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { auditedUser, presentUser } from './account-presenter.ts';
import * as q from './account-queries.ts';

/**
 * Accounts (用户管理). Every lookup goes through the caller's data scope for the route's
 * permission: a row outside it is reported as not found, never shown. Orgs named in a request
 * must lie inside the scope (OUT_OF_SCOPE).
 *
 * Admin accounts (三员) are read-only here, for everyone: if the system administrator could
 * reset the security or audit administrator's password, disable them or change their roles,
 * one admin could take over or silence another, which is exactly what 三员分立 forbids. They
 * are created, and must be repaired, with the CLI by someone with access to the server.
 */

async function view(db: Executor, scope: ResolvedScope, id: string, now: Date): Promise<UserView> {
  const row = await q.findUserInScope(db, scope, id);
  if (!row) throw new AppError('USER_NOT_FOUND');
  return presentUser(row, await q.rolesOfUsers(db, [id]), now);
}

/** The target account inside the scope, or USER_NOT_FOUND (also for rows that exist out of scope). */
async function target(db: Executor, scope: ResolvedScope, id: string): Promise<q.UserRow> {
  const row = await q.findUserInScope(db, scope, id);
  if (!row) throw new AppError('USER_NOT_FOUND');
  return row;
}

function assertNotAdmin(row: UserTable): void {
  if (row.admin_kind !== null) throw new AppError('ADMIN_ACCOUNT_PROTECTED');
}

/** An org an account may be placed in: inside the caller's scope, existing and not closed. */
async function assertUsableOrg(db: Executor, scope: ResolvedScope, orgId: string): Promise<void> {
  // Scope first, so a scoped caller learns nothing about orgs it cannot see.
  await assertOrgInScope(db, scope, orgId);
  const org = await q.findOrgStatus(db, orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { orgId });
  if (org.status !== 'active') throw new AppError('ORG_CLOSED', { orgId });
}

export async function listUsers(
  ctx: AppContext,
  scope: ResolvedScope,
  query: UserListQuery,
): Promise<{ items: UserView[]; total: number }> {
  if (query.orgId !== undefined) await assertOrgInScope(ctx.db, scope, query.orgId);
  const filter = { orgId: query.orgId, includeSub: query.includeSub ?? true, keyword: query.keyword, status: query.status };
  const paging = { page: query.page ?? 1, pageSize: query.pageSize ?? 20, sort: query.sort ?? 'username' };
  const { rows, total } = await q.listUsers(ctx.db, scope, filter, paging);
  const ids = rows.map((r) => r.id);
  const roles = await q.rolesOfUsers(ctx.db, ids);
  const now = ctx.clock.now();
  return { items: rows.map((r) => presentUser(r, roles, now)), total };
}

export const getUser = (ctx: AppContext, scope: ResolvedScope, id: string): Promise<UserView> => view(ctx.db, scope, id, ctx.clock.now());

export async function createUser(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateUserBody): Promise<UserView> {
  const { db, clock, config } = ctx;
  const norm = normalizeUsername(body.username);
  // NFKC can lengthen a name (e.g. "㍿" → "株式会社"); the normalised form must fit its column.
  if ([...norm].length > 64 || norm.length === 0) throw new AppError('VALIDATION_FAILED', { path: '/username', rule: 'normalizedLength' });
  const reasons = checkPassword(config.passwordPolicy, body.password, body.username);
  if (reasons.length > 0) throw new AppError('PASSWORD_POLICY', { reasons });
  // Hash before the transaction: argon2 takes tens of milliseconds and SQLite has one writer.
  const passwordHash = await hashPassword(body.password);
  const now = clock.now().toISOString();
  const row: UserTable = {
    id: newId(),
    username: body.username.trim(),
    username_norm: norm,
    display_name: body.displayName.trim(),
    org_id: body.orgId,
    person_id: null,
    password_hash: passwordHash,
    password_changed_at: now,
    // An initial password is known to whoever set it; the owner must replace it at first login (ASVS 6.4.1).
    must_change_password: 1,
    failed_count: 0,
    locked_until: null,
    status: 'active',
    expires_at: null,
    last_login_at: null,
    admin_kind: null,
    city_code: config.cityCode,
    created_at: now,
    updated_at: now,
    pending_org_id: null,
    held_reason: null,
    totp_secret: null,
    totp_enrolled_at: null,
    totp_last_step: null,
  };
  const event = { eventType: 'user.create', objectType: 'user', objectId: row.id, detail: { username: row.username, orgId: row.org_id } };
  try {
    await auditingDenials(ctx, actor, event, () =>
      db.transaction().execute(async (trx) => {
        await assertUsableOrg(trx, scope, body.orgId);
        if (await q.findUserIdByNorm(trx, norm)) throw new AppError('USERNAME_TAKEN');
        await q.insertUser(trx, row);
        await appendAudit(trx, clock, actor, { ...event, detail: { after: { username: row.username, ...auditedUser(row) } } });
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('USERNAME_TAKEN');
    throw error;
  }
  return view(db, scope, row.id, clock.now());
}

export async function updateUser(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdateUserBody,
): Promise<UserView> {
  const { db, clock } = ctx;
  const event = { eventType: 'user.update', objectType: 'user', objectId: id };
  await auditingDenials(ctx, actor, event, () =>
    db.transaction().execute(async (trx) => {
      const before = await target(trx, scope, id);
      assertNotAdmin(before);
      const newOrgId = body.orgId !== undefined && body.orgId !== before.org_id ? body.orgId : null;
      if (newOrgId !== null) await assertUsableOrg(trx, scope, newOrgId);
      // Data scope follows the account's org, and scope is the security administrator's duty:
      // an account holding roles only moves when the security administrator confirms, and its
      // roles are suspended until then (ADR 004). Naming the current org cancels a pending move.
      const holdsRoles = (await q.rolesOfUsers(trx, [id])).length > 0;
      const waits = newOrgId !== null && holdsRoles;
      const pendingOrgId = waits ? newOrgId : body.orgId !== undefined ? null : before.pending_org_id;
      const after = {
        display_name: body.displayName?.trim() ?? before.display_name,
        org_id: newOrgId !== null && !holdsRoles ? newOrgId : before.org_id,
        status: body.status ?? before.status,
      };
      await q.updateUser(trx, id, { ...after, pending_org_id: pendingOrgId, updated_at: clock.now().toISOString() });
      // A disabled account loses its sessions in the same transaction (ASVS 7.4.2, L3-CES1-07).
      const disabling = before.status === 'active' && after.status === 'disabled';
      if (disabling) await deleteSessionsOfUser(trx, id);
      await appendAudit(trx, clock, actor, {
        ...event,
        detail: {
          before: { ...auditedUser(before), pendingOrgId: before.pending_org_id },
          after: { ...auditedUser(after), pendingOrgId },
          sessionsEnded: disabling,
        },
      });
    }),
  );
  return view(db, scope, id, clock.now());
}

export async function resetPassword(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, password: string): Promise<void> {
  const { db, clock, config } = ctx;
  const event = { eventType: 'user.password_reset', objectType: 'user', objectId: id };
  const user = await auditingDenials(ctx, actor, event, async () => {
    const row = await target(db, scope, id);
    assertNotAdmin(row);
    return row;
  });
  const reasons = checkPassword(config.passwordPolicy, password, user.username);
  if (reasons.length > 0) throw new AppError('PASSWORD_POLICY', { reasons });
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    // Re-read inside the transaction: the account may have moved out of scope meanwhile.
    const current = await target(trx, scope, id);
    const now = clock.now().toISOString();
    // The replaced password joins the history, so the owner cannot return to it after the reset.
    await q.insertPasswordHistory(trx, { id: newId(), user_id: id, password_hash: current.password_hash, created_at: now });
    // Whoever reset the password knows it: the account stays unusable until the security
    // administrator releases it to its owner, who must then choose their own (ADR 004).
    await q.updateUser(trx, id, {
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: 1,
      held_reason: 'password_reset',
      updated_at: now,
    });
    await deleteSessionsOfUser(trx, id);
    await appendAudit(trx, clock, actor, { ...event, detail: { mustChangePassword: true, held: true, sessionsEnded: true } });
  });
}

/**
 * PUT semantics: the account ends up holding exactly `roleIds`. The checks, in order:
 * self → SELF_GRANT_FORBIDDEN; admin account → SEPARATION_OF_DUTIES (admin_account); a built-in
 * admin role requested → SEPARATION_OF_DUTIES (admin_role_via_api). After the write the
 * invariant is re-checked on the stored rows (`assertSeparation`) before commit.
 */
export async function assignRoles(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  roleIds: readonly string[],
): Promise<UserView> {
  const { db, clock, dialect } = ctx;
  const event = { eventType: 'user.roles', objectType: 'user', objectId: id, detail: { roleIds } };
  await auditingDenials(ctx, actor, event, () =>
    db.transaction().execute(async (trx: Trx) => {
      if (id === actor.userId) throw new AppError('SELF_GRANT_FORBIDDEN');
      await q.lockUser(trx, id, dialect === 'postgres');
      const user = await target(trx, scope, id);
      const before = await q.rolesOfUsers(trx, [id]);
      if (user.admin_kind !== null || before.some((r) => r.admin_kind !== null)) {
        throw new AppError('SEPARATION_OF_DUTIES', { reason: 'admin_account' });
      }
      const roles = await rolesForAssignment(trx, roleIds);
      const adminRole = roles.find((r) => r.adminKind !== null);
      if (adminRole) throw new AppError('SEPARATION_OF_DUTIES', { reason: 'admin_role_via_api', roleId: adminRole.id });
      await q.replaceUserRoles(trx, id, roleIds);
      await assertSeparation(trx, [id]);
      await appendAudit(trx, clock, actor, {
        ...event,
        detail: { before: before.map((r) => r.code), after: roles.map((r) => r.code).sort() },
      });
    }),
  );
  return view(db, scope, id, clock.now());
}

/** Lifts a lockout before it expires (the security administrator's power, L3-CES1-02 b). */
export async function unlockUser(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<UserView> {
  const { db, clock } = ctx;
  await db.transaction().execute(async (trx) => {
    const before = await target(trx, scope, id);
    await q.updateUser(trx, id, { locked_until: null, failed_count: 0, updated_at: clock.now().toISOString() });
    await appendAudit(trx, clock, actor, {
      eventType: 'user.unlock',
      objectType: 'user',
      objectId: id,
      detail: {
        before: { lockedUntil: before.locked_until, failedCount: before.failed_count },
        after: { lockedUntil: null, failedCount: 0 },
      },
    });
  });
  return view(db, scope, id, clock.now());
}

/**
 * The security administrator confirms an org change the system administrator asked for: the
 * account moves and its roles apply again, in the new scope. Sessions end, so none carries the
 * old org into the new scope.
 */
export async function confirmOrgChange(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<UserView> {
  const { db, clock } = ctx;
  const event = { eventType: 'user.org_confirm', objectType: 'user', objectId: id };
  await auditingDenials(ctx, actor, event, () =>
    db.transaction().execute(async (trx) => {
      const before = await target(trx, scope, id);
      if (before.pending_org_id === null) throw new AppError('USER_NO_PENDING_ORG');
      await assertUsableOrg(trx, scope, before.pending_org_id);
      await q.updateUser(trx, id, { org_id: before.pending_org_id, pending_org_id: null, updated_at: clock.now().toISOString() });
      await deleteSessionsOfUser(trx, id);
      await appendAudit(trx, clock, actor, {
        ...event,
        detail: { before: { orgId: before.org_id }, after: { orgId: before.pending_org_id }, sessionsEnded: true },
      });
    }),
  );
  return view(db, scope, id, clock.now());
}

/**
 * The security administrator hands a reset account back to its owner (after checking who is
 * asking, out of band). The owner still has to replace the password at first login.
 */
export async function releaseUser(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<UserView> {
  const { db, clock } = ctx;
  const event = { eventType: 'user.release', objectType: 'user', objectId: id };
  await auditingDenials(ctx, actor, event, () =>
    db.transaction().execute(async (trx) => {
      const before = await target(trx, scope, id);
      if (before.held_reason === null) throw new AppError('USER_NOT_HELD');
      await q.updateUser(trx, id, { held_reason: null, must_change_password: 1, updated_at: clock.now().toISOString() });
      await appendAudit(trx, clock, actor, { ...event, detail: { before: { held: before.held_reason }, after: { held: null } } });
    }),
  );
  return view(db, scope, id, clock.now());
}
