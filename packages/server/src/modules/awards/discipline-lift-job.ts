import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { personBriefs, today } from '../personnel/people.ts';

export const DISCIPLINE_LIFT_JOB = 'discipline.lift-due';

/**
 * Records whose effect period has run become `lift_due`, and each holder of `discipline:write`
 * over the person's unit (the political department) gets a to-do notice to issue the release
 * (解除处分决定). Release is automatic in law (政务处分法 Art. 26); the notice makes sure the
 * decision is written and the person told.
 */
export async function markLiftDue(ctx: AppContext): Promise<{ due: number }> {
  const on = today(ctx);
  const due = await ctx.db
    .selectFrom('discipline_record')
    .select(['id', 'person_id', 'kind', 'end_date'])
    .where('status', '=', 'in_effect')
    .where('end_date', '<', on)
    .execute();
  const people = await personBriefs(
    ctx.db,
    due.map((d) => d.person_id),
  );
  for (const d of due) {
    const p = people.get(d.person_id);
    await ctx.db.transaction().execute(async (trx) => {
      const moved = await trx
        .updateTable('discipline_record')
        .set({ status: 'lift_due' })
        .where('id', '=', d.id)
        .where('status', '=', 'in_effect')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1 || !p) return;
      const holders = await holdersInScope(trx, 'discipline:write', p.org_id);
      await notify(
        trx,
        ctx,
        holders.map((userId) => ({
          userId,
          kind: 'discipline.lift_due',
          title: `处分期满待解除：${p.name}（${d.kind}，${d.end_date ?? ''} 期满）`,
          link: `/discipline?status=lift_due`,
          caseId: null,
        })),
      );
    });
  }
  return { due: due.length };
}

/** Daily at 06:00 Beijing time. */
export function registerDisciplineLiftJob(app: FastifyInstance): void {
  app.jobs.define({
    name: DISCIPLINE_LIFT_JOB,
    schedule: { kind: 'daily', at: '06:00' },
    handler: (ctx) => markLiftDue(ctx),
    backoffMs: 10 * 60_000,
  });
}
