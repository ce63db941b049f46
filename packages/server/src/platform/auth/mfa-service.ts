import crypto from 'node:crypto';
import type { MfaEnrolmentView } from '@zhenggong/core';
import QRCode from 'qrcode';
import type { Executor, UserTable } from '../../db/database.ts';
import type { ResolvedScope } from '../access/data-scope.ts';
import type { Principal } from '../access/principal.ts';
import { findUserInScope } from '../accounts/account-queries.ts';
import { appendAudit, auditAlone, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { nodeCrypto } from '../crypto.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { deleteSessionsOfUser, findUserById } from './auth-queries.ts';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

/**
 * The second factor (L3-CES1-04, ADR 018): TOTP enrolment, verification with single-use codes,
 * recovery codes, and the security administrator's reset. Wrong codes count toward the same
 * lockout as wrong passwords, so six digits cannot be guessed one request at a time.
 */

const RECOVERY_CODE_COUNT = 10;

async function currentUser(ctx: AppContext, principal: Principal): Promise<UserTable> {
  const user = await findUserById(ctx.db, principal.userId);
  if (!user) throw new AppError('AUTH_REQUIRED');
  if (user.locked_until && Date.parse(user.locked_until) > ctx.clock.now().getTime()) {
    throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil: user.locked_until });
  }
  return user;
}

export async function startEnrolment(ctx: AppContext, principal: Principal, actor: AuditActor): Promise<MfaEnrolmentView> {
  const user = await currentUser(ctx, principal);
  if (user.totp_enrolled_at !== null) throw new AppError('MFA_ALREADY_ENROLLED');
  const secret = newTotpSecret();
  const uri = otpauthUri(ctx.config.mfa.issuer, user.username, secret);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Starting again replaces an unfinished secret; it was never active.
    await trx
      .updateTable('app_user')
      .set({ totp_secret: ctx.fieldCrypto.encrypt(secret), totp_last_step: null, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'auth.mfa_enrol_start', objectType: 'user', objectId: user.id });
  });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/** A wrong code: audited, and counted toward the lockout like a wrong password (L3-CES1-02). */
async function failCode(ctx: AppContext, user: UserTable, actor: AuditActor, eventType: string): Promise<never> {
  const { db, clock, config } = ctx;
  const failures = user.failed_count + 1;
  const lock = failures >= config.lockout.maxFailures;
  const lockedUntil = lock ? new Date(clock.now().getTime() + config.lockout.lockMinutes * 60_000).toISOString() : null;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ failed_count: lock ? 0 : failures, locked_until: lockedUntil })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(trx, clock, actor, { eventType, objectType: 'user', objectId: user.id, outcome: 'failure', detail: { failures } });
    if (lock) {
      // A locked account's half-authenticated sessions end too.
      await deleteSessionsOfUser(trx, user.id);
      await appendAudit(trx, clock, actor, {
        eventType: 'auth.lockout',
        objectType: 'user',
        objectId: user.id,
        detail: { lockedUntil, reason: 'mfa' },
      });
    }
  });
  if (lock) throw new AppError('AUTH_ACCOUNT_LOCKED', { lockedUntil });
  throw new AppError('MFA_CODE_INVALID');
}

const hashRecoveryCode = (code: string): string => nodeCrypto.sha256Hex(code.replace(/-/g, '').toUpperCase());

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const text = base32Encode(crypto.randomBytes(7)).slice(0, 10);
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** Accepts a TOTP step only once: a conditional update, so two racing requests cannot both win. */
async function consumeStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('app_user')
    .set({ totp_last_step: step, failed_count: 0 })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function confirmEnrolment(ctx: AppContext, principal: Principal, code: string, actor: AuditActor): Promise<string[]> {
  const user = await currentUser(ctx, principal);
  if (user.totp_enrolled_at !== null) throw new AppError('MFA_ALREADY_ENROLLED');
  if (user.totp_secret === null) throw new AppError('MFA_NOT_STARTED');
  const step = matchTotp(ctx.fieldCrypto.decrypt(user.totp_secret), code, ctx.clock.now(), ctx.config.mfa.driftSteps);
  if (step === null) return failCode(ctx, user, actor, 'auth.mfa_enrol');
  const codes = newRecoveryCodes();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await consumeStep(trx, user.id, step))) throw new AppError('MFA_CODE_INVALID');
    await trx.updateTable('app_user').set({ totp_enrolled_at: now, updated_at: now }).where('id', '=', user.id).execute();
    await trx.deleteFrom('mfa_recovery_code').where('user_id', '=', user.id).execute();
    await trx
      .insertInto('mfa_recovery_code')
      .values(
        codes.map((c) => ({
          id: newId(),
          user_id: user.id,
          code_hash: hashRecoveryCode(c),
          used_at: null,
          city_code: user.city_code,
          created_at: now,
        })),
      )
      .execute();
    await trx.updateTable('session').set({ mfa_verified_at: now }).where('id', '=', principal.sessionId).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auth.mfa_enrol',
      objectType: 'user',
      objectId: user.id,
      detail: { recoveryCodes: codes.length },
    });
  });
  return codes;
}

/** The second step of a login: a TOTP code (single use) or one recovery code (single use). */
export async function verifySecondFactor(ctx: AppContext, principal: Principal, code: string, actor: AuditActor): Promise<void> {
  const user = await currentUser(ctx, principal);
  if (user.totp_enrolled_at === null || user.totp_secret === null) throw new AppError('MFA_NOT_STARTED');
  const now = ctx.clock.now();
  const step = matchTotp(ctx.fieldCrypto.decrypt(user.totp_secret), code, now, ctx.config.mfa.driftSteps);
  const ok = await ctx.db.transaction().execute(async (trx) => {
    let method: 'totp' | 'recovery_code';
    if (step !== null) {
      if (!(await consumeStep(trx, user.id, step))) return false;
      method = 'totp';
    } else {
      const used = await trx
        .updateTable('mfa_recovery_code')
        .set({ used_at: now.toISOString() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', hashRecoveryCode(code))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) return false;
      await trx.updateTable('app_user').set({ failed_count: 0 }).where('id', '=', user.id).execute();
      method = 'recovery_code';
    }
    await trx.updateTable('session').set({ mfa_verified_at: now.toISOString() }).where('id', '=', principal.sessionId).execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'auth.mfa_verify', objectType: 'user', objectId: user.id, detail: { method } });
    return true;
  });
  if (!ok) await failCode(ctx, user, actor, 'auth.mfa_verify');
}

/**
 * The security administrator removes an account's second factor (a lost phone): the account
 * enrols again at its next login, every session ends. Nobody resets their own.
 */
export async function resetSecondFactor(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<void> {
  const event = { eventType: 'user.mfa_reset', objectType: 'user', objectId: id };
  if (id === actor.userId) {
    await auditAlone(ctx.db, ctx.clock, actor, { ...event, outcome: 'failure', detail: { reason: 'self' } });
    throw new AppError('MFA_SELF_RESET_FORBIDDEN');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findUserInScope(trx, scope, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('app_user')
      .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('mfa_recovery_code').where('user_id', '=', id).execute();
    await deleteSessionsOfUser(trx, id);
    await appendAudit(trx, ctx.clock, actor, { ...event, detail: { wasEnrolled: user.totp_enrolled_at !== null, sessionsEnded: true } });
  });
}
