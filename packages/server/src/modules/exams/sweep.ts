import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { sweepDueSessions } from './finalise.ts';

/** How often attempts past their deadline are finalised when nobody reads them. */
export const SWEEP_INTERVAL_MS = 15_000;

export interface DeadlineSweep {
  /** Stops the timer and waits for a run in progress, so nothing touches the database afterwards. */
  stop(): Promise<void>;
}

/** Runs never overlap; a failure is reported and retried on the next tick. */
export function startDeadlineSweep(ctx: AppContext, intervalMs: number, onError: (error: unknown) => void): DeadlineSweep {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = sweepDueSessions(ctx)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  // The sweep alone never keeps the process alive.
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** Starts the sweep with the app and stops it on `app.close()` (tests and shutdown leave no timer behind). */
export function registerDeadlineSweep(app: FastifyInstance, intervalMs = SWEEP_INTERVAL_MS): void {
  const sweep = startDeadlineSweep(app.ctx, intervalMs, (error) => app.log.error({ err: error }, 'exam deadline sweep failed'));
  app.addHook('onClose', () => sweep.stop());
}
