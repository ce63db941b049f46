import crypto from 'node:crypto';
import { maskMobile } from '@zhenggong/core';
import type { AppContext } from '../../../platform/context.ts';
import { isUniqueViolation } from '../../../platform/access/db-errors.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from '../../../platform/auth/passwords.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { consumeCaptcha } from './captcha.ts';
import { portalSettings } from './portal-settings.ts';

/**
 * Applicant accounts (考生账号) of the public portal: phone + password (Argon2id like staff
 * passwords), a verification code to register, and a session of their own, unrelated to staff
 * sessions. Phones are encrypted at rest and found through a blind index.
 */
export const APPLICANT_COOKIE = 'zg_applicant';
const CODE_TTL_MS = 10 * 60_000;
const CODE_MAX_ATTEMPTS = 5;
const SESSION_IDLE_MS = 2 * 3600_000;
const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** The code that registration accepts when PORTAL_CAPTCHA=off (tests and benchmarks only). */
export const BYPASS_CODE = '000000';

export interface ApplicantView {
  readonly id: string;
  readonly phoneMasked: string;
}
export interface PortalSession {
  readonly applicantId: string;
  readonly csrf: string;
}

export const phoneIndex = (ctx: AppContext, phone: string) => ctx.fieldCrypto.blindIndex('recruit_phone', phone);
const codeHash = (ctx: AppContext, phone: string, code: string) => ctx.fieldCrypto.blindIndex('recruit_code', `${phone}:${code}`);
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

async function requireCaptcha(ctx: AppContext, captchaId: string, answer: string): Promise<void> {
  if (portalSettings(ctx).captchaOff) return;
  if (!(await consumeCaptcha(ctx, captchaId, answer))) throw new AppError('RECRUIT_CAPTCHA_INVALID');
}

export async function sendVerificationCode(ctx: AppContext, phone: string, captchaId: string, captchaAnswer: string): Promise<void> {
  await requireCaptcha(ctx, captchaId, captchaAnswer);
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('recruit_verification_code')
    .values({
      id: newId(),
      phone_bidx: phoneIndex(ctx, phone),
      code_hash: codeHash(ctx, phone, code),
      attempts: 0,
      expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  await portalSettings(ctx).sender.send(phone, `【智慧政工】您的注册验证码为 ${code}，10 分钟内有效。Your code: ${code}`);
}

/** The newest unused code of the phone, if right and in time; wrong tries count against it. */
async function useVerificationCode(ctx: AppContext, phone: string, code: string): Promise<void> {
  if (portalSettings(ctx).captchaOff && code === BYPASS_CODE) return;
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db
    .selectFrom('recruit_verification_code')
    .selectAll()
    .where('phone_bidx', '=', phoneIndex(ctx, phone))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at < now || row.attempts >= CODE_MAX_ATTEMPTS) throw new AppError('RECRUIT_CODE_INVALID');
  if (row.code_hash !== codeHash(ctx, phone, code)) {
    await ctx.db
      .updateTable('recruit_verification_code')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    throw new AppError('RECRUIT_CODE_INVALID');
  }
  // Conditional on still being unused: of two racing registrations only one consumes the code.
  const used = await ctx.db
    .updateTable('recruit_verification_code')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('RECRUIT_CODE_INVALID');
}

export function passwordAcceptable(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

export async function register(
  ctx: AppContext,
  phone: string,
  code: string,
  password: string,
): Promise<{ applicant: ApplicantView; token: string; csrf: string }> {
  if (!passwordAcceptable(password)) throw new AppError('RECRUIT_PASSWORD_WEAK');
  const bidx = phoneIndex(ctx, phone);
  // Cheap check first; the unique index decides a race.
  const existing = await ctx.db.selectFrom('recruit_applicant').select('id').where('phone_bidx', '=', bidx).executeTakeFirst();
  if (existing) throw new AppError('RECRUIT_PHONE_TAKEN');
  await useVerificationCode(ctx, phone, code);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const phoneMasked = maskMobile(phone);
  const row = {
    id,
    phone_bidx: bidx,
    phone_enc: ctx.fieldCrypto.encrypt(phone),
    phone_masked: phoneMasked,
    password_hash: await hashPassword(password),
    city_code: ctx.config.cityCode,
    created_at: now,
    last_login_at: now,
  };
  try {
    await ctx.db.insertInto('recruit_applicant').values(row).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('RECRUIT_PHONE_TAKEN');
    throw error;
  }
  const session = await openSession(ctx, id);
  return { applicant: { id, phoneMasked }, ...session };
}

export async function login(ctx: AppContext, phone: string, password: string, captchaId: string, captchaAnswer: string) {
  await requireCaptcha(ctx, captchaId, captchaAnswer);
  const row = await ctx.db
    .selectFrom('recruit_applicant')
    .select(['id', 'phone_masked', 'password_hash'])
    .where('phone_bidx', '=', phoneIndex(ctx, phone))
    .executeTakeFirst();
  if (!row) {
    await burnVerifyTime(password);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (!(await verifyPassword(row.password_hash, password))) throw new AppError('AUTH_INVALID_CREDENTIALS');
  const session = await openSession(ctx, row.id);
  return { applicant: { id: row.id, phoneMasked: row.phone_masked }, ...session };
}

async function openSession(ctx: AppContext, applicantId: string): Promise<{ token: string; csrf: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  const now = ctx.clock.now().getTime();
  await ctx.db
    .insertInto('recruit_portal_session')
    .values({
      id: sha256(token),
      applicant_id: applicantId,
      csrf,
      expires_at: new Date(now + SESSION_IDLE_MS).toISOString(),
      absolute_expires_at: new Date(now + SESSION_ABSOLUTE_MS).toISOString(),
      created_at: new Date(now).toISOString(),
    })
    .execute();
  return { token, csrf };
}

/** The session of a cookie; renewed (one write) only when more than half its idle time is used. */
export async function resolveSession(ctx: AppContext, token: string): Promise<PortalSession | 'expired' | undefined> {
  const id = sha256(token);
  const row = await ctx.db.selectFrom('recruit_portal_session').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const now = ctx.clock.now().getTime();
  if (Date.parse(row.expires_at) <= now || Date.parse(row.absolute_expires_at) <= now) {
    await ctx.db.deleteFrom('recruit_portal_session').where('id', '=', id).execute();
    return 'expired';
  }
  if (Date.parse(row.expires_at) - now < SESSION_IDLE_MS / 2) {
    await ctx.db
      .updateTable('recruit_portal_session')
      .set({ expires_at: new Date(now + SESSION_IDLE_MS).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return { applicantId: row.applicant_id, csrf: row.csrf };
}

export async function closeSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('recruit_portal_session').where('id', '=', sha256(token)).execute();
}

export async function applicantView(ctx: AppContext, applicantId: string): Promise<ApplicantView> {
  const row = await ctx.db
    .selectFrom('recruit_applicant')
    .select(['id', 'phone_masked'])
    .where('id', '=', applicantId)
    .executeTakeFirstOrThrow();
  return { id: row.id, phoneMasked: row.phone_masked };
}
