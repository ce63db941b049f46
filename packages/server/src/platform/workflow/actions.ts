import type { StepDef } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { mayDecide } from './approvers.ts';
import { closeCase, enterStep, lockCase, record, setStatus, todayOf, voidTasks } from './case-steps.ts';
import { actionableTask, assertNotSelf, visibleCase, type Actor } from './engine.ts';
import { notify } from './notifications.ts';
import type { WfCaseTable } from './tables.ts';

type Ok = { ok: true };
const ok: Ok = { ok: true };

/** Runs an action on a visible case in one transaction, with the case row locked. */
async function onCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  fn: (trx: Trx, c: WfCaseTable, steps: StepDef[]) => Promise<void>,
): Promise<Ok> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockCase(trx, id);
    const { c, steps } = await visibleCase(trx, ctx, id, actor.userId);
    await fn(trx, c, steps);
  });
  return ok;
}

const isOpen = (c: WfCaseTable) => c.status === 'in_progress' || c.status === 'returned';

/** The decider's task, after refusing self-decisions with their own message. */
async function deciderTask(trx: Trx, ctx: AppContext, actor: Actor, c: WfCaseTable, steps: StepDef[]) {
  if (!isOpen(c)) throw new AppError('WF_CASE_CLOSED');
  await assertNotSelf(trx, c, actor.userId);
  const task = await actionableTask(trx, ctx, c, steps, actor.userId);
  if (!task) throw new AppError('WF_NOT_YOUR_TURN');
  if (task.onBehalfOf) await assertNotSelf(trx, c, task.onBehalfOf);
  return task;
}

/** Approve: any-of closes the step at the first approval; all-of (会签) waits for every approver. */
export const approveCase = (ctx: AppContext, actor: Actor, id: string, comment: string | undefined) =>
  onCase(ctx, actor, id, async (trx, c, steps) => {
    const task = await deciderTask(trx, ctx, actor, c, steps);
    const now = ctx.clock.now().toISOString();
    await trx.updateTable('wf_task').set({ status: 'approved', decided_at: now }).where('id', '=', task.id).execute();
    await record(trx, ctx, actor, c, 'approve', { note: comment ?? null, onBehalfOf: task.onBehalfOf });
    const step = c.current_step ?? 0;
    if (task.step.mode === 'all') {
      const left = await trx
        .selectFrom('wf_task')
        .select('id')
        .where('case_id', '=', c.id)
        .where('step', '=', step)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (left) return;
    }
    await voidTasks(trx, c.id);
    await enterStep(trx, ctx, actor, c, step + 1);
  });

export const rejectCase = (ctx: AppContext, actor: Actor, id: string, reason: string) =>
  onCase(ctx, actor, id, async (trx, c, steps) => {
    const task = await deciderTask(trx, ctx, actor, c, steps);
    await record(trx, ctx, actor, c, 'reject', { note: reason, onBehalfOf: task.onBehalfOf });
    await closeCase(trx, ctx, actor, c, 'rejected', reason);
  });

/** Return to the previous approval step, or to the submitter for changes (then resubmit starts over). */
export const returnCase = (ctx: AppContext, actor: Actor, id: string, to: 'previous' | 'submitter', reason: string) =>
  onCase(ctx, actor, id, async (trx, c, steps) => {
    const task = await deciderTask(trx, ctx, actor, c, steps);
    const current = c.current_step ?? 0;
    let previous = -1;
    for (let i = current - 1; i >= 0; i -= 1) if (steps[i]?.type === 'approval') previous = i;
    if (to === 'previous' && previous < 0) throw new AppError('WF_NO_PREVIOUS_STEP');
    await record(trx, ctx, actor, c, 'return', { note: `${to}: ${reason}`, onBehalfOf: task.onBehalfOf });
    await voidTasks(trx, c.id);
    if (to === 'previous') {
      await enterStep(trx, ctx, actor, c, previous);
      return;
    }
    const next = await setStatus(trx, ctx, c, { status: 'returned', step_due_on: null, notice_ends_on: null });
    await notify(trx, ctx, [
      { userId: c.submitted_by, kind: 'workflow.returned', title: `已退回修改：${c.title}`, link: next.link, caseId: c.id },
    ]);
  });

export const resubmitCase = (ctx: AppContext, actor: Actor, id: string, comment: string | undefined) =>
  onCase(ctx, actor, id, async (trx, c) => {
    if (c.submitted_by !== actor.userId) throw new AppError('WF_NOT_SUBMITTER');
    if (c.status !== 'returned') throw new AppError('WF_WRONG_STATE');
    await record(trx, ctx, actor, c, 'resubmit', { step: null, note: comment ?? null });
    await enterStep(trx, ctx, actor, c, 0);
  });

export const withdrawCase = (ctx: AppContext, actor: Actor, id: string, comment: string | undefined) =>
  onCase(ctx, actor, id, async (trx, c) => {
    if (c.submitted_by !== actor.userId) throw new AppError('WF_NOT_SUBMITTER');
    if (!isOpen(c)) throw new AppError('WF_CASE_CLOSED');
    await record(trx, ctx, actor, c, 'withdraw', { note: comment ?? null });
    await closeCase(trx, ctx, actor, c, 'withdrawn', comment ?? null);
  });

export const commentCase = (ctx: AppContext, actor: Actor, id: string, text: string) =>
  onCase(ctx, actor, id, async (trx, c) => {
    await record(trx, ctx, actor, c, 'comment', { note: text });
  });

const noticeStep = (c: WfCaseTable, steps: StepDef[]) =>
  c.status === 'in_progress' && c.current_step !== null ? steps[c.current_step] : undefined;

/** An objection (异议) during the notice: recorded by anyone who can see the case except its submitter; it holds the case. */
export const raiseObjection = (ctx: AppContext, actor: Actor, id: string, text: string) =>
  onCase(ctx, actor, id, async (trx, c, steps) => {
    if (noticeStep(c, steps)?.type !== 'notice') throw new AppError('WF_NOT_IN_NOTICE');
    if (c.submitted_by === actor.userId) throw new AppError('WF_SELF_DECISION');
    await trx
      .insertInto('wf_objection')
      .values({
        id: newId(),
        case_id: c.id,
        step: c.current_step ?? 0,
        text,
        raised_by: actor.userId,
        status: 'open',
        resolution: null,
        resolved_by: null,
        resolved_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await record(trx, ctx, actor, c, 'object', { note: text });
  });

/**
 * An approver of the notice step resolves an objection: dismissed, the case goes on once the
 * period has run and nothing else is open; upheld, the case is rejected.
 */
export const resolveObjection = (ctx: AppContext, actor: Actor, id: string, objectionId: string, resolution: string, uphold: boolean) =>
  onCase(ctx, actor, id, async (trx, c, steps) => {
    const step = noticeStep(c, steps);
    if (step?.type !== 'notice') throw new AppError('WF_NOT_IN_NOTICE');
    await assertNotSelf(trx, c, actor.userId);
    if (!(await mayDecide(trx, c, step, actor.userId))) throw new AppError('WF_NOT_YOUR_TURN');
    const res = await trx
      .updateTable('wf_objection')
      .set({ status: 'resolved', resolution, resolved_by: actor.userId, resolved_at: ctx.clock.now().toISOString() })
      .where('id', '=', objectionId)
      .where('case_id', '=', c.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('WF_OBJECTION_NOT_FOUND');
    await record(trx, ctx, actor, c, 'resolve_objection', { note: `${uphold ? 'upheld' : 'dismissed'}: ${resolution}` });
    if (uphold) {
      await closeCase(trx, ctx, actor, c, 'rejected', resolution);
      return;
    }
    await finishNoticeIfDue(trx, ctx, actor, c);
  });

/** A notice whose last day has passed and that has no open objection moves the case on. */
export async function finishNoticeIfDue(trx: Trx, ctx: AppContext, actor: AuditActor, c: WfCaseTable): Promise<boolean> {
  if (!c.notice_ends_on || c.notice_ends_on >= todayOf(ctx)) return false;
  const open = await trx
    .selectFrom('wf_objection')
    .select('id')
    .where('case_id', '=', c.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return false;
  await record(trx, ctx, actor, c, 'notice_end', { note: c.notice_ends_on });
  await enterStep(trx, ctx, actor, c, (c.current_step ?? 0) + 1);
  return true;
}

export interface BatchOutcome {
  readonly caseId: string;
  readonly outcome: 'approved' | 'returned' | 'refused';
  readonly error?: AppError;
}

/**
 * One decision over several to-dos (批量审批): each case goes through the same action as alone,
 * in its own transaction, so a refusal (self-approval, not the caller's turn, already decided,
 * not visible) leaves the others decided. A batch naming no case the caller can see is refused
 * whole, like a single case they cannot see.
 */
export async function decideBatch(
  ctx: AppContext,
  actor: Actor,
  caseIds: readonly string[],
  action: 'approve' | 'return',
  comment: string | undefined,
): Promise<BatchOutcome[]> {
  const reason = comment?.trim();
  if (action === 'return' && !reason) throw new AppError('WF_REASON_REQUIRED');
  const results: BatchOutcome[] = [];
  for (const caseId of caseIds) {
    try {
      if (action === 'approve') await approveCase(ctx, actor, caseId, reason || undefined);
      else await returnCase(ctx, actor, caseId, 'submitter', reason as string);
      results.push({ caseId, outcome: action === 'approve' ? 'approved' : 'returned' });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ caseId, outcome: 'refused', error });
    }
  }
  if (results.every((r) => r.error?.code === 'WF_CASE_NOT_FOUND')) throw new AppError('WF_CASE_NOT_FOUND');
  return results;
}
