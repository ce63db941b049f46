import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { allPeople, ON_FORCE_STATUSES, today } from '../personnel/people.ts';
import { ledgerOf } from './leave-service.ts';
import { ruleValue } from './welfare-rules.ts';

export const LEAVE_REMINDER_JOB = 'welfare.leave-reminder';
const KIND = 'welfare.leave-untaken';

/**
 * On the reminder day of rule `annualLeave` (1 November by default, as GZ-NanNing does), every
 * officer with an account and annual leave left this year gets one notice on their own bell.
 */
export async function remindUntakenLeave(ctx: AppContext): Promise<{ reminded: number }> {
  const day = today(ctx);
  const rule = await ruleValue(ctx, ctx.db, 'annualLeave', day);
  if (day.slice(5) !== rule.reminderMonthDay) return { reminded: 0 };
  const year = Number(day.slice(0, 4));
  const people = await ctx.db
    .selectFrom(allPeople(ctx.db).as('p'))
    .innerJoin('app_user as u', 'u.person_id', 'p.id')
    .select(['p.id', 'u.id as user_id'])
    .where('p.status', 'in', ON_FORCE_STATUSES)
    .where('u.status', '=', 'active')
    .execute();
  let reminded = 0;
  for (const p of people) {
    const ledger = await ledgerOf(ctx, ctx.db, p.id, year);
    if (ledger.remaining <= 0) continue;
    const link = `/welfare/leave?year=${year}`;
    await ctx.db.transaction().execute(async (trx) => {
      const seen = await trx
        .selectFrom('notification')
        .select('id')
        .where('kind', '=', KIND)
        .where('user_id', '=', p.user_id)
        .where('link', '=', link)
        .executeTakeFirst();
      if (seen) return;
      await notify(trx, ctx, [
        { userId: p.user_id, kind: KIND, title: `您${year}年还有${ledger.remaining}天年休假未休，请合理安排`, link, caseId: null },
      ]);
      reminded += 1;
    });
  }
  return { reminded };
}

export function registerLeaveReminder(app: FastifyInstance): void {
  app.jobs.define({
    name: LEAVE_REMINDER_JOB,
    schedule: { kind: 'daily', at: '08:00' },
    handler: (ctx) => remindUntakenLeave(ctx),
    backoffMs: 10 * 60_000,
  });
}
