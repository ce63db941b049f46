import type { FastifyInstance } from 'fastify';
import { notifyContractsDue, type DueContract } from './contract-due-notices.ts';
import { contractReminders } from './contracts.ts';

export const CONTRACT_REMINDER_JOB = 'auxiliary.contract-reminders';

/** Daily at 07:30 Beijing time: contracts ending within the window set in the auxiliary rules (all units). */
export function registerContractReminders(app: FastifyInstance): void {
  app.jobs.define({
    name: CONTRACT_REMINDER_JOB,
    schedule: { kind: 'daily', at: '07:30' },
    handler: async (ctx) => {
      const found = await contractReminders(ctx, { all: true });
      const due: DueContract[] = found.items.map((i) => ({
        contractId: i.contractId,
        personId: i.personId,
        name: i.name,
        orgName: i.orgName,
        endDate: i.endDate,
        daysLeft: i.daysLeft,
      }));
      await notifyContractsDue(ctx, due);
      // Recorded on the run row (capped there): what was due that day, by contract id.
      return { today: found.today, days: found.days, due: due.length, contractIds: due.slice(0, 100).map((d) => d.contractId) };
    },
    backoffMs: 10 * 60_000,
  });
}
