import type { FastifyInstance } from 'fastify';
import { purgeReadings } from './wearable-service.ts';

export const WEARABLE_RETENTION_JOB = 'welfare.wearable-retention';

/** Daily at 03:00 Beijing time: raw wristband readings past their retention period are deleted. */
export function registerWearableRetention(app: FastifyInstance): void {
  app.jobs.define({
    name: WEARABLE_RETENTION_JOB,
    schedule: { kind: 'daily', at: '03:00' },
    handler: (ctx) => purgeReadings(ctx),
    backoffMs: 10 * 60_000,
  });
}
