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

export interface PortalCleanup {
  /** Stops the timer and waits for a run in progress, so nothing touches the database afterwards. */
  stop(): Promise<void>;
}

/** Runs never overlap; a failure is reported and retried on the next tick. */
export function startPortalCleanup(ctx: AppContext, intervalMs: number, onError: (error: unknown) => void): PortalCleanup {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = removeExpiredPortalRecords(ctx)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  // The cleanup alone never keeps the process alive.
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** Starts the cleanup with the app and stops it on `app.close()` (tests and shutdown leave no timer behind). */
export function registerPortalCleanup(app: FastifyInstance, intervalMs = CLEANUP_INTERVAL_MS): void {
  const cleanup = startPortalCleanup(app.ctx, intervalMs, (error) => app.log.error({ err: error }, 'portal cleanup failed'));
  app.addHook('onClose', () => cleanup.stop());
}
