import { systemActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { finishNoticeIfDue } from './actions.ts';
import { lockCase, record, todayOf } from './case-steps.ts';
import { notify } from './notifications.ts';

/** The context with its clock fixed at `now`, so a scheduled run and its test see the same day. */
const at = (ctx: AppContext, now: Date): AppContext => ({ ...ctx, clock: { now: () => now } });

/**
 * Moves on every case whose public notice has run its last day and holds no open objection.
 * Meant for the scheduled-jobs runner (once a day after midnight Beijing time is enough).
 */
export async function advanceNotices(ctx: AppContext, now: Date): Promise<number> {
  const c0 = at(ctx, now);
  const due = await c0.db
    .selectFrom('wf_case')
    .select('id')
    .where('status', '=', 'in_progress')
    .where('notice_ends_on', '<', todayOf(c0))
    .execute();
  let moved = 0;
  for (const { id } of due) {
    await c0.db.transaction().execute(async (trx) => {
      const c = await lockCase(trx, id);
      if (c && c.status === 'in_progress' && (await finishNoticeIfDue(trx, c0, systemActor, c))) moved += 1;
    });
  }
  return moved;
}

/**
 * Reminds approvers of pending tasks past their deadline, once per task (逾期提醒); each
 * reminder is in the case history and the audit chain. Escalation to the next level up is a
 * later rule on the same query (early-warning interventions).
 */
export async function remindOverdue(ctx: AppContext, now: Date): Promise<number> {
  const c0 = at(ctx, now);
  const tasks = await c0.db
    .selectFrom('wf_task as t')
    .innerJoin('wf_case as c', 'c.id', 't.case_id')
    .select(['t.id', 't.user_id', 't.case_id', 't.due_on'])
    .where('t.status', '=', 'pending')
    .where('t.reminded_at', 'is', null)
    .where('t.due_on', '<', todayOf(c0))
    .execute();
  for (const t of tasks) {
    await c0.db.transaction().execute(async (trx) => {
      const c = await lockCase(trx, t.case_id);
      if (!c) return;
      await trx.updateTable('wf_task').set({ reminded_at: now.toISOString() }).where('id', '=', t.id).execute();
      await record(trx, c0, systemActor, c, 'remind', { note: `${t.user_id} due ${t.due_on ?? ''}` });
      await notify(trx, c0, [
        { userId: t.user_id, kind: 'workflow.overdue', title: `已逾期（${t.due_on ?? ''}）：${c.title}`, link: c.link, caseId: c.id },
      ]);
    });
  }
  return tasks.length;
}

/** Both of the above: the one entry point a scheduler calls. */
export async function runWorkflowDueWork(ctx: AppContext, now: Date): Promise<{ noticesEnded: number; reminded: number }> {
  return { noticesEnded: await advanceNotices(ctx, now), reminded: await remindOverdue(ctx, now) };
}
