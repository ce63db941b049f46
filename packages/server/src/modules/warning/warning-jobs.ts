import { addMonthEnds } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { today } from '../personnel/people.ts';
import { escalateOverdue } from './alert-writer.ts';
import { runMonth } from './monthly-run.ts';

export const MONTHLY_JOB = 'warning.monthly';
export const ESCALATION_JOB = 'warning.escalate';

/** The monthly run on the 1st at 02:00 (Beijing) for the month just ended, and a daily look for alerts past their SLA. */
export function registerWarningJobs(app: FastifyInstance): void {
  app.jobs.define({
    name: MONTHLY_JOB,
    schedule: { kind: 'monthly', day: 1, at: '02:00' },
    leaseMs: 60 * 60_000,
    handler: async (ctx) => {
      const { hash: _hash, ...summary } = await runMonth(ctx, addMonthEnds(today(ctx), -1));
      return summary;
    },
  });
  app.jobs.define({
    name: ESCALATION_JOB,
    schedule: { kind: 'daily', at: '08:00' },
    handler: async (ctx) => ({ escalated: await escalateOverdue(ctx) }),
  });
}
