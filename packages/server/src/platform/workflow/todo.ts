import type { CaseDetail, StepDef, TodoCounts, TodoItem, TodoQuery } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../context.ts';
import { isSelfInvolved, mayDecide } from './approvers.ts';
import { todayOf } from './case-steps.ts';
import { actionableTask, activeDelegators, visibleCase } from './engine.ts';
import { unreadCount } from './notifications.ts';
import type { WfCaseTable } from './tables.ts';

type Row = WfCaseTable & {
  org_name: string;
  submitter_name: string;
  steps: string;
  task_due_on?: string | null;
  task_user_id?: string | null;
};

const decidingActions = ['approve', 'reject', 'return', 'resolve_objection', 'object'];

/** The three boxes of the to-do centre as one query shape; every module's cases come out alike. */
function boxQuery(db: Executor, userId: string, today: string, q: TodoQuery) {
  let base = db
    .selectFrom('wf_case as c')
    .innerJoin('org as o', 'o.id', 'c.subject_org_id')
    .innerJoin('app_user as s', 's.id', 'c.submitted_by')
    .innerJoin('wf_definition as d', 'd.id', 'c.definition_id');
  const box = q.box ?? 'pending';
  if (box === 'pending') {
    // 待办: steps waiting for my decision, and my own requests returned to me for changes
    // (only I can resubmit or withdraw them).
    base = base.where((eb) =>
      eb.or([
        eb.and([
          eb('c.status', '=', 'in_progress'),
          eb.exists(
            eb
              .selectFrom('wf_task as t')
              .select('t.id')
              .whereRef('t.case_id', '=', 'c.id')
              .whereRef('t.step', '=', 'c.current_step')
              .where('t.status', '=', 'pending')
              .where((e) => e.or([e('t.user_id', '=', userId), e('t.user_id', 'in', activeDelegators(db, userId, today))])),
          ),
        ]),
        eb.and([eb('c.status', '=', 'returned'), eb('c.submitted_by', '=', userId)]),
      ]),
    );
  } else if (box === 'done') {
    // 已办: cases I decided on, and my own requests once they are closed (办结).
    base = base.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('wf_action as a')
            .select('a.id')
            .whereRef('a.case_id', '=', 'c.id')
            .where('a.actor_id', '=', userId)
            .where('a.action', 'in', decidingActions),
        ),
        eb.and([eb('c.submitted_by', '=', userId), eb('c.closed_at', 'is not', null)]),
      ]),
    );
  } else {
    base = base.where('c.submitted_by', '=', userId);
  }
  if (q.module) base = base.where('c.module', '=', q.module);
  if (q.status) base = base.where('c.status', '=', q.status);
  if (q.keyword)
    base = base.where((eb) => eb.or([eb('c.title', 'like', `%${q.keyword}%`), eb('c.subject_name', 'like', `%${q.keyword}%`)]));
  return base;
}

function present(r: Row, deadline: string | null): TodoItem {
  const steps = JSON.parse(r.steps) as StepDef[];
  const step = r.current_step !== null && (r.status === 'in_progress' || r.status === 'returned') ? steps[r.current_step] : undefined;
  return {
    caseId: r.id,
    module: r.module,
    kind: r.kind,
    title: r.title,
    subject: { personId: r.subject_person_id, name: r.subject_name, orgId: r.subject_org_id, orgName: r.org_name },
    currentStep: step && r.current_step !== null ? { index: r.current_step, name: step.name, type: step.type } : null,
    status: r.status,
    deadline,
    link: r.link,
    submittedBy: r.submitter_name,
    submittedAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function todoList(ctx: AppContext, userId: string, q: TodoQuery): Promise<{ items: TodoItem[]; total: number }> {
  const today = todayOf(ctx);
  const base = boxQuery(ctx.db, userId, today, q);
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    base
      .selectAll('c')
      .select(['o.name as org_name', 's.display_name as submitter_name', 'd.steps'])
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset(((q.page ?? 1) - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => present(r, r.step_due_on ?? r.notice_ends_on)), total: Number(total.n) };
}

/** For the bell and the home page's to-do card. */
export async function todoCounts(ctx: AppContext, userId: string): Promise<TodoCounts> {
  const today = todayOf(ctx);
  const count = async (q: TodoQuery, extra?: (b: ReturnType<typeof boxQuery>) => ReturnType<typeof boxQuery>) => {
    const b = boxQuery(ctx.db, userId, today, q);
    return Number((await (extra ? extra(b) : b).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  };
  const [pending, overdue, mine, unread] = await Promise.all([
    count({ box: 'pending' }),
    count({ box: 'pending' }, (b) => b.where('c.step_due_on', '<', today)),
    count({ box: 'mine' }, (b) => b.where('c.status', 'in', ['in_progress', 'returned'])),
    unreadCount(ctx.db, userId),
  ]);
  return { pending, overdue, mine, unreadNotifications: unread };
}

/** The case with its history and what the caller may do now; the submitter always sees the history. */
export async function caseDetail(ctx: AppContext, userId: string, id: string): Promise<CaseDetail> {
  const { c, steps } = await visibleCase(ctx.db, ctx, id, userId);
  const row = await ctx.db
    .selectFrom('wf_case as c')
    .innerJoin('org as o', 'o.id', 'c.subject_org_id')
    .innerJoin('app_user as s', 's.id', 'c.submitted_by')
    .innerJoin('wf_definition as d', 'd.id', 'c.definition_id')
    .selectAll('c')
    .select(['o.name as org_name', 's.display_name as submitter_name', 'd.steps'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
  const history = await ctx.db
    .selectFrom('wf_action as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .leftJoin('app_user as b', 'b.id', 'a.on_behalf_of')
    .select(['a.id', 'a.step', 'a.action', 'a.note', 'a.created_at', 'u.display_name as actor_name', 'b.display_name as behalf_name'])
    .where('a.case_id', '=', id)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const objections = await ctx.db
    .selectFrom('wf_objection as x')
    .innerJoin('app_user as u', 'u.id', 'x.raised_by')
    .select(['x.id', 'x.text', 'x.status', 'x.resolution', 'x.resolved_at', 'x.created_at', 'u.display_name'])
    .where('x.case_id', '=', id)
    .orderBy('x.created_at')
    .execute();
  return {
    ...present(row, c.step_due_on ?? c.notice_ends_on),
    steps: steps.map((s) => ({ name: s.name, type: s.type, mode: s.mode })),
    noticeEndsOn: c.notice_ends_on,
    history: history.map((h) => ({
      id: h.id,
      step: h.step,
      stepName: h.step === null ? null : (steps[h.step]?.name ?? null),
      action: h.action,
      actorName: h.actor_name ?? (h.action === 'remind' || h.action === 'notice_end' ? '系统' : null),
      onBehalfOfName: h.behalf_name,
      note: h.note,
      at: h.created_at,
    })),
    objections: objections.map((o) => ({
      id: o.id,
      text: o.text,
      raisedByName: o.display_name,
      raisedAt: o.created_at,
      status: o.status,
      resolution: o.resolution,
      resolvedAt: o.resolved_at,
    })),
    actions: await availableActions(
      ctx,
      c,
      steps,
      userId,
      objections.some((o) => o.status === 'open'),
    ),
  };
}

async function availableActions(
  ctx: AppContext,
  c: WfCaseTable,
  steps: StepDef[],
  userId: string,
  openObjections: boolean,
): Promise<CaseDetail['actions']> {
  const actions: CaseDetail['actions'] = [];
  const open = c.status === 'in_progress' || c.status === 'returned';
  if (!open) return actions;
  actions.push('comment');
  const mineToSubmit = c.submitted_by === userId;
  if (mineToSubmit) {
    actions.push('withdraw');
    if (c.status === 'returned') actions.push('resubmit');
  }
  const self = await isSelfInvolved(ctx.db, c, userId);
  if (!self && (await actionableTask(ctx.db, ctx, c, steps, userId))) actions.push('approve', 'reject', 'return');
  const step = c.current_step !== null && c.status === 'in_progress' ? steps[c.current_step] : undefined;
  if (step?.type === 'notice') {
    if (!mineToSubmit) actions.push('object');
    if (openObjections && !self && (await mayDecide(ctx.db, c, step, userId))) actions.push('resolve_objection');
  }
  return actions;
}
