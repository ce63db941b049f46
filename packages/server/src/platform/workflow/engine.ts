import type { StepDef } from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { isSelfInvolved, mayDecide } from './approvers.ts';
import { enterStep, record, stepsOf, todayOf } from './case-steps.ts';
import { caseKind } from './registry.ts';
import type { WfCaseTable } from './tables.ts';

export interface SubmitInput {
  readonly kind: string;
  /** The module's own row the case decides. */
  readonly refId: string;
  readonly title: string;
  readonly subjectPersonId: string | null;
  readonly subjectName: string;
  readonly subjectOrgId: string;
}

/** Who acts: the audit actor with a user id (every workflow action has a person behind it). */
export type Actor = AuditActor & { readonly userId: string };

/** The definition version in force today for a kind: the highest version already effective. */
async function definitionFor(db: Executor, ctx: AppContext, kind: string) {
  const def = await db
    .selectFrom('wf_definition')
    .select(['id', 'steps'])
    .where('kind', '=', kind)
    .where('city_code', '=', ctx.config.cityCode)
    .where('effective_from', '<=', todayOf(ctx))
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!def) throw new AppError('WF_KIND_UNKNOWN', { kind });
  return def;
}

/** Opens a case inside the module's transaction, so the module's row and its case exist together or not at all. */
export async function submitCase(trx: Trx, ctx: AppContext, actor: Actor, input: SubmitInput): Promise<string> {
  const kind = caseKind(input.kind);
  const def = await definitionFor(trx, ctx, input.kind);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const row: WfCaseTable = {
    id,
    kind: input.kind,
    module: kind.module,
    definition_id: def.id,
    ref_id: input.refId,
    title: input.title,
    subject_person_id: input.subjectPersonId,
    subject_name: input.subjectName,
    subject_org_id: input.subjectOrgId,
    submitted_by: actor.userId,
    status: 'in_progress',
    current_step: 0,
    step_due_on: null,
    notice_ends_on: null,
    link: `/todo?case=${id}`,
    city_code: ctx.config.cityCode,
    created_at: now,
    updated_at: now,
    closed_at: null,
  };
  await trx.insertInto('wf_case').values(row).execute();
  await record(trx, ctx, actor, row, 'submit', { step: null });
  await enterStep(trx, ctx, actor, row, 0);
  return id;
}

/** Users who have delegated their approvals to `userId` for a period covering `on` (代理). */
export const activeDelegators = (db: Executor, userId: string, on: string) =>
  db
    .selectFrom('wf_delegation')
    .select('from_user_id')
    .where('to_user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('starts_on', '<=', on)
    .where('ends_on', '>=', on);

/**
 * The case if the user may see it: its submitter, an approver (or their delegate), or a holder
 * of one of its steps' permissions with the subject in scope. Anyone else gets "not found".
 */
export async function visibleCase(
  db: Executor,
  ctx: AppContext,
  id: string,
  userId: string,
): Promise<{ c: WfCaseTable; steps: StepDef[] }> {
  const c = await db.selectFrom('wf_case').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('WF_CASE_NOT_FOUND');
  const steps = await stepsOf(db, c.definition_id);
  if (c.submitted_by === userId) return { c, steps };
  const participant = await db
    .selectFrom('wf_task')
    .select('id')
    .where('case_id', '=', id)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('user_id', 'in', activeDelegators(db, userId, todayOf(ctx)))]))
    .executeTakeFirst();
  if (participant) return { c, steps };
  for (const step of steps) if (await mayDecide(db, c, step, userId)) return { c, steps };
  throw new AppError('WF_CASE_NOT_FOUND');
}

/**
 * The pending task the user may act on at the current step: their own, else one delegated to
 * them. Self-involvement is checked for the actor and for the approver they stand in for, and
 * the approver must still hold the permission with the subject in scope.
 */
export async function actionableTask(db: Executor, ctx: AppContext, c: WfCaseTable, steps: StepDef[], userId: string) {
  if (c.status !== 'in_progress' || c.current_step === null) return undefined;
  const step = steps[c.current_step];
  if (!step || step.type !== 'approval') return undefined;
  const tasks = await db
    .selectFrom('wf_task')
    .select(['id', 'user_id'])
    .where('case_id', '=', c.id)
    .where('step', '=', c.current_step)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('user_id', 'in', activeDelegators(db, userId, todayOf(ctx)))]))
    .execute();
  const task = tasks.find((t) => t.user_id === userId) ?? tasks[0];
  if (!task) return undefined;
  if (!(await mayDecide(db, c, step, task.user_id))) return undefined;
  return { id: task.id, ownerId: task.user_id, onBehalfOf: task.user_id === userId ? null : task.user_id, step };
}

/** Refuses a decision by anyone who submitted the case or is its subject, or stands in for such a person. */
export async function assertNotSelf(db: Executor, c: WfCaseTable, ...userIds: string[]): Promise<void> {
  for (const id of userIds) if (await isSelfInvolved(db, c, id)) throw new AppError('WF_SELF_DECISION');
}

/** Stores version 1 of every registered kind's definition that the database does not have yet. */
export async function ensureDefinitions(
  ctx: AppContext,
  kinds: readonly { kind: string; defaultSteps: readonly StepDef[] }[],
): Promise<void> {
  for (const k of kinds) {
    const have = await ctx.db
      .selectFrom('wf_definition')
      .select('id')
      .where('kind', '=', k.kind)
      .where('city_code', '=', ctx.config.cityCode)
      .executeTakeFirst();
    if (have) continue;
    await ctx.db
      .insertInto('wf_definition')
      .values({
        id: newId(),
        kind: k.kind,
        version: 1,
        effective_from: '2000-01-01',
        steps: JSON.stringify(k.defaultSteps),
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  }
}

/** The case of each of a module's rows (for lists that link to the case), latest first. */
export async function caseIdsFor(db: Executor, kind: string, refIds: readonly string[]): Promise<Map<string, string>> {
  if (refIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('wf_case')
    .select(['id', 'ref_id'])
    .where('kind', '=', kind)
    .where('ref_id', 'in', refIds)
    .orderBy('created_at')
    .execute();
  return new Map(rows.map((r) => [r.ref_id, r.id]));
}
