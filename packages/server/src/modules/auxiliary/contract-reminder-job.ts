import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { contractReminders } from './contracts.ts';

export const CONTRACT_REMINDER_JOB = 'auxiliary.contract-reminders';

/** One contract due within the reminder window, as the daily job found it. */
export interface DueContract {
  readonly contractId: string;
  readonly personId: string;
  readonly name: string;
  readonly orgName: string;
  readonly endDate: string;
  readonly daysLeft: number;
}

/**
 * Where due contracts go once found. Today nothing is sent: the job records what is due on its
 * run row. The integrator points this hook at the platform notifier (in-app bell, SMS) when that
 * lands, e.g. `setContractDueNotifier(app, (ctx, due) => notify(ctx, …))`.
 */
export type ContractDueNotifier = (ctx: AppContext, due: readonly DueContract[], day: string) => Promise<void>;

const notifiers = new WeakMap<FastifyInstance, ContractDueNotifier>();

export function setContractDueNotifier(app: FastifyInstance, notifier: ContractDueNotifier): void {
  notifiers.set(app, notifier);
}

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
      await notifiers.get(app)?.(ctx, due, found.today);
      // Recorded on the run row (capped there): what was due that day, by contract id.
      return { today: found.today, days: found.days, due: due.length, contractIds: due.slice(0, 100).map((d) => d.contractId) };
    },
    backoffMs: 10 * 60_000,
  });
}
