import type { FastifyInstance } from 'fastify';
import { sweepDueSessions } from './finalise.ts';

/** How often attempts past their deadline are finalised when nobody reads them. */
export const SWEEP_INTERVAL_MS = 15_000;
export const DEADLINE_SWEEP_JOB = 'exams.deadline-sweep';

/**
 * Finalises attempts past their deadline, as a job of the platform runner: one instance per
 * slot, a failed sweep retried quickly (the next slot would retry it anyway).
 */
export function registerDeadlineSweep(app: FastifyInstance, intervalMs = SWEEP_INTERVAL_MS): void {
  app.jobs.define({
    name: DEADLINE_SWEEP_JOB,
    schedule: { kind: 'interval', everyMs: intervalMs },
    handler: async (ctx) => ({ finalised: await sweepDueSessions(ctx) }),
    maxAttempts: 2,
    backoffMs: 5_000,
    leaseMs: 120_000,
  });
}
