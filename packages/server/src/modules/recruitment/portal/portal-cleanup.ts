import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';

/** How often expired portal sessions, captchas and verification codes are removed. */
export const CLEANUP_INTERVAL_MS = 10 * 60_000;

export interface PortalCleanupCounts {
  readonly sessions: number;
  readonly captchas: number;
  readonly codes: number;
}

/**
 * Deletes portal records that can no longer be used: sessions past their idle or absolute expiry
 * (as `resolveSession` judges them), captchas and verification codes past their expiry (used
 * codes included). Nothing else refers to these rows, so deleting them changes no answer.
 */
export async function removeExpiredPortalRecords(ctx: AppContext): Promise<PortalCleanupCounts> {
  const now = ctx.clock.now().toISOString();
  const sessions = await ctx.db
    .deleteFrom('recruit_portal_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .executeTakeFirst();
  const captchas = await ctx.db.deleteFrom('recruit_captcha').where('expires_at', '<', now).executeTakeFirst();
  const codes = await ctx.db.deleteFrom('recruit_verification_code').where('expires_at', '<', now).executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    captchas: Number(captchas.numDeletedRows),
    codes: Number(codes.numDeletedRows),
  };
}

export const PORTAL_CLEANUP_JOB = 'recruitment.portal-cleanup';

/** The cleanup as a job of the platform runner (one instance per slot, retried on failure). */
export function registerPortalCleanup(app: FastifyInstance, intervalMs = CLEANUP_INTERVAL_MS): void {
  app.jobs.define({
    name: PORTAL_CLEANUP_JOB,
    schedule: { kind: 'interval', everyMs: intervalMs },
    handler: (ctx) => removeExpiredPortalRecords(ctx),
    backoffMs: 60_000,
  });
}
