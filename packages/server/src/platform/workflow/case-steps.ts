import { addWorkingDays, beijingDate, type StepDef } from '@zhenggong/core';
import { PostgresAdapter } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { resolveApprovers } from './approvers.ts';
import { loadCalendar } from './calendar.ts';
import { notify } from './notifications.ts';
import { caseKind, type CaseOutcome } from './registry.ts';
import type { WfCaseTable } from './tables.ts';

/** Dates are Beijing dates: a notice published at 07:00 Beijing time starts that day, not the UTC day before. */
export const todayOf = (ctx: AppContext): string => beijingDate(ctx.clock.now());

/**
 * A period counted in working days from today. A public notice is refused when it would run
 * into a year whose holidays nobody has kept (counting over an unknown Spring Festival would end
 * it early); a mere deadline then counts Monday to Friday.
 */
export async function workingDaysFromToday(db: Executor, ctx: AppContext, n: number, strict: boolean): Promise<string> {
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4));
  const { calendar, missing } = await loadCalendar(db, ctx.config.cityCode, [year, year + 1]);
  const end = addWorkingDays(calendar, today, n);
  const gap = missing.find((y) => y <= Number(end.slice(0, 4)));
  if (strict && gap !== undefined) throw new AppError('WF_CALENDAR_MISSING', { year: gap });
  return end;
}

/**
 * The latest day, from today back, on which a notice of `workingDays` would end inside the kept
 * calendar. Demo data that opens notices "now" starts them there, so a late-December start does
 * not run into a year whose holidays nobody has entered yet (live notices are still refused).
 */
export async function latestNoticeDay(db: Executor, ctx: AppContext, workingDays: number): Promise<Date> {
  const now = ctx.clock.now();
  for (let back = 0; back < 60; back++) {
    const at = new Date(now.getTime() - back * 86_400_000);
    try {
      await workingDaysFromToday(db, { ...ctx, clock: { now: () => new Date(at) } }, workingDays, true);
      return at;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'WF_CALENDAR_MISSING') throw error;
    }
  }
  return now;
}

export async function stepsOf(db: Executor, definitionId: string): Promise<StepDef[]> {
  const def = await db.selectFrom('wf_definition').select('steps').where('id', '=', definitionId).executeTakeFirstOrThrow();
  return JSON.parse(def.steps) as StepDef[];
}

/** The case row, locked on PostgreSQL so two approvers deciding at once queue (SQLite locks on BEGIN IMMEDIATE). */
export async function lockCase(trx: Trx, id: string): Promise<WfCaseTable | undefined> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  return trx
    .selectFrom('wf_case')
    .selectAll()
    .where('id', '=', id)
    .$call((q) => (pg ? q.forUpdate() : q))
    .executeTakeFirst();
}

/** One history row and one audit-chain row per action, in the action's transaction. */
export async function record(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  c: WfCaseTable,
  action: string,
  opts: { step?: number | null; note?: string | null; onBehalfOf?: string | null } = {},
): Promise<void> {
  const step = opts.step === undefined ? c.current_step : opts.step;
  await trx
    .insertInto('wf_action')
    .values({
      id: newId(),
      case_id: c.id,
      step,
      action,
      actor_id: actor.userId,
      on_behalf_of: opts.onBehalfOf ?? null,
      note: opts.note ?? null,
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: `workflow.${action}`,
    objectType: 'wf_case',
    objectId: c.id,
    detail: { kind: c.kind, refId: c.ref_id, step, onBehalfOf: opts.onBehalfOf ?? null, note: opts.note ?? null },
  });
}

async function update(trx: Trx, ctx: AppContext, c: WfCaseTable, set: Partial<WfCaseTable>): Promise<WfCaseTable> {
  const next = { ...c, ...set, updated_at: ctx.clock.now().toISOString() };
  await trx
    .updateTable('wf_case')
    .set({ ...set, updated_at: next.updated_at })
    .where('id', '=', c.id)
    .execute();
  return next;
}

export const voidTasks = (trx: Trx, caseId: string) =>
  trx.updateTable('wf_task').set({ status: 'void' }).where('case_id', '=', caseId).where('status', '=', 'pending').execute();

/**
 * Moves the case into step `index`: an approval step gets its approvers' tasks (a step nobody
 * can decide is refused, so the whole action rolls back); a notice step starts its period;
 * past the last step the case is approved.
 */
export async function enterStep(trx: Trx, ctx: AppContext, actor: AuditActor, c: WfCaseTable, index: number): Promise<WfCaseTable> {
  const steps = await stepsOf(trx, c.definition_id);
  const step = steps[index];
  if (!step) return closeCase(trx, ctx, actor, c, 'approved', null);
  const now = ctx.clock.now().toISOString();
  if (step.type === 'notice') {
    const endsOn = await workingDaysFromToday(trx, ctx, step.noticeWorkingDays ?? 5, true);
    const next = await update(trx, ctx, c, { status: 'in_progress', current_step: index, notice_ends_on: endsOn, step_due_on: endsOn });
    await record(trx, ctx, actor, next, 'notice_start', { note: `${todayOf(ctx)}~${endsOn}` });
    await notify(trx, ctx, [
      { userId: c.submitted_by, kind: 'workflow.notice', title: `公示中：${c.title}（至 ${endsOn}）`, link: c.link, caseId: c.id },
    ]);
    return next;
  }
  const approvers = await resolveApprovers(trx, c, step);
  if (approvers.length === 0) throw new AppError('WF_NO_APPROVER', { step: step.name });
  const dueOn = step.deadlineWorkingDays ? await workingDaysFromToday(trx, ctx, step.deadlineWorkingDays, false) : null;
  await trx
    .insertInto('wf_task')
    .values(
      approvers.map((userId) => ({
        id: newId(),
        case_id: c.id,
        step: index,
        user_id: userId,
        status: 'pending' as const,
        due_on: dueOn,
        reminded_at: null,
        decided_at: null,
        city_code: ctx.config.cityCode,
        created_at: now,
      })),
    )
    .execute();
  await notify(
    trx,
    ctx,
    approvers.map((userId) => ({ userId, kind: 'workflow.todo', title: `待审批：${c.title}`, link: c.link, caseId: c.id })),
  );
  return update(trx, ctx, c, { status: 'in_progress', current_step: index, notice_ends_on: null, step_due_on: dueOn });
}

/** Closes the case and lets its module apply the result in the same transaction. */
export async function closeCase(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  c: WfCaseTable,
  outcome: CaseOutcome,
  note: string | null,
): Promise<WfCaseTable> {
  await voidTasks(trx, c.id);
  const next = await update(trx, ctx, c, { status: outcome, closed_at: ctx.clock.now().toISOString(), step_due_on: null });
  await caseKind(c.kind).onDecided({ trx, ctx, actor, caseRow: next, outcome, note });
  if (outcome !== 'withdrawn') {
    const word = outcome === 'approved' ? '已通过' : '未通过';
    await notify(trx, ctx, [
      { userId: c.submitted_by, kind: `workflow.${outcome}`, title: `${word}：${c.title}`, link: c.link, caseId: c.id },
    ]);
  }
  return next;
}

export const setStatus = (trx: Trx, ctx: AppContext, c: WfCaseTable, set: Partial<WfCaseTable>) => update(trx, ctx, c, set);
