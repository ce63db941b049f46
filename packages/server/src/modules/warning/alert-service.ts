import {
  DISCLAIMER,
  type AlertDetailResponse,
  type WarningAlertListQuery,
  type AlertListResponse,
  type WarningAlertStatus,
  type CloseBody,
  type ConsultBody,
  type DismissBody,
  type FollowUpBody,
  type MeasureBody,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { submitCase, type Actor } from '../../platform/workflow/engine.ts';
import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { scopedPeople, today } from '../personnel/people.ts';
import { OPEN_STATUSES } from './alert-writer.ts';

/**
 * Alerts and their intervention (处置): assign → consultation (研判会) → measures such as a talk
 * (谈心谈话) → follow-up at 30/60/90 days → closing, which a second handler approves on the
 * platform workflow. Every step is an append-only event; every view of an alert is audited.
 * Alerts never reach the personnel record or the discipline module.
 */
export const CLOSURE_KIND = 'warning.closure';

const ALLOWED: Record<string, readonly string[]> = {
  assign: ['new'],
  consult: ['assigned', 'consulted'],
  measure: ['consulted', 'measures', 'follow_up'],
  follow_up: ['measures', 'follow_up'],
  close: ['follow_up'],
  dismiss: ['new', 'assigned', 'consulted'],
};

const ACTION_ZH: Record<string, string> = {
  opened: '生成预警',
  assign: '接收分派',
  consult: '召开研判会',
  measure: '落实措施',
  follow_up: '跟踪回访',
  close: '提请结案',
  closed: '结案',
  reopened: '退回继续跟踪',
  dismiss: '核实排除',
  escalated: '超期上报',
  appeal_upheld: '申诉成立',
};
export const actionZh = (a: string) => ACTION_ZH[a] ?? a;

const alertQuery = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('ew_alert as a')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'a.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');

const parseModel = (
  m: string | null,
): { rankPct: number; top: { indicator: string; name: string; value: number | null; logit: number }[] } | null =>
  m ? (JSON.parse(m) as { rankPct: number; top: { indicator: string; name: string; value: number | null; logit: number }[] }) : null; // written by the job

const policyNames = async (db: Executor) => {
  const rows = await db.selectFrom('ew_policy').select(['code', 'version', 'body']).execute();
  return new Map(rows.map((r) => [`${r.code}@${r.version}`, (JSON.parse(r.body) as { name: string }).name]));
};

export async function listAlerts(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  q: WarningAlertListQuery,
): Promise<AlertListResponse> {
  let base = alertQuery(ctx.db, scope).where('a.city_code', '=', ctx.config.cityCode);
  if (q.status === 'open') base = base.where('a.status', 'in', OPEN_STATUSES);
  else if (q.status) base = base.where('a.status', '=', q.status);
  if (q.level) base = base.where('a.level', '=', q.level);
  if (q.orgId) {
    const orgId = q.orgId;
    base = base.where((eb) =>
      eb.exists(
        eb.selectFrom('org_closure as c').select('c.depth').where('c.ancestor_id', '=', orgId).whereRef('c.descendant_id', '=', 'p.org_id'),
      ),
    );
  }
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [rows, total, names] = await Promise.all([
    base
      .select([
        'a.id',
        'a.person_id',
        'p.name',
        'p.org_id',
        'o.name as org_name',
        'a.policy_code',
        'a.policy_version',
        'a.level',
        'a.status',
        'a.sentence',
        'a.first_as_of',
        'a.last_as_of',
        'a.due_on',
        'a.model',
      ])
      .orderBy('a.last_as_of', 'desc')
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    policyNames(ctx.db),
  ]);
  const day = today(ctx);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.alert.list',
      objectType: 'ew_alert',
      detail: { shown: rows.map((r) => r.id), filter: q },
    }),
  );
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      personName: r.name,
      orgId: r.org_id,
      orgName: r.org_name,
      policyCode: r.policy_code,
      policyName: names.get(`${r.policy_code}@${r.policy_version}`) ?? r.policy_code,
      policyVersion: Number(r.policy_version),
      level: r.level as 'attention' | 'warning' | 'critical',
      status: r.status as WarningAlertStatus,
      sentence: r.sentence,
      firstAsOf: r.first_as_of,
      lastAsOf: r.last_as_of,
      dueOn: r.due_on,
      overdue: r.status === 'new' && r.due_on !== null && r.due_on < day,
      modelRankPct: parseModel(r.model)?.rankPct ?? null,
    })),
  };
}

async function loadAlert(db: Executor, scope: ResolvedScope, id: string) {
  const row = await alertQuery(db, scope)
    .select([
      'a.id',
      'a.person_id',
      'p.name',
      'p.org_id',
      'o.name as org_name',
      'a.policy_code',
      'a.policy_version',
      'a.level',
      'a.status',
      'a.sentence',
      'a.evidence',
      'a.model',
      'a.first_as_of',
      'a.last_as_of',
      'a.due_on',
      'a.case_id',
      'a.assignee_id',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('WARN_ALERT_NOT_FOUND');
  return row;
}

export async function getAlert(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<AlertDetailResponse> {
  const a = await loadAlert(ctx.db, scope, id);
  const [events, names, assignee, care] = await Promise.all([
    ctx.db
      .selectFrom('ew_alert_event')
      .select(['created_at', 'action', 'actor_name', 'note', 'data'])
      .where('alert_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    policyNames(ctx.db),
    a.assignee_id ? ctx.db.selectFrom('app_user').select('display_name').where('id', '=', a.assignee_id).executeTakeFirst() : undefined,
    ctx.db
      .selectFrom('ew_indicator_snapshot')
      .select('value')
      .where('person_id', '=', a.person_id)
      .where('as_of', '=', a.last_as_of)
      .where('indicator', '=', 'CARE_CONTACT_6M')
      .executeTakeFirst(),
  ]);
  const ev = JSON.parse(a.evidence) as Record<string, unknown>; // written by the job (evidenceOf)
  const model = parseModel(a.model);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.alert.view',
      objectType: 'ew_alert',
      objectId: id,
      detail: { personId: a.person_id },
    }),
  );
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: a.id,
    personId: a.person_id,
    personName: a.name,
    orgId: a.org_id,
    orgName: a.org_name,
    policyCode: a.policy_code,
    policyName: names.get(`${a.policy_code}@${a.policy_version}`) ?? a.policy_code,
    policyVersion: Number(a.policy_version),
    level: a.level as 'attention' | 'warning' | 'critical',
    status: a.status as WarningAlertStatus,
    sentence: a.sentence,
    firstAsOf: a.first_as_of,
    lastAsOf: a.last_as_of,
    dueOn: a.due_on,
    overdue: a.status === 'new' && a.due_on !== null && a.due_on < today(ctx),
    modelRankPct: model?.rankPct ?? null,
    evidence: {
      indicator: str(ev.indicator),
      indicatorName: str(ev.indicatorName),
      value: num(ev.value),
      unit: str(ev.unit),
      threshold: num(ev.threshold),
      peerKey: str(ev.peerKey),
      peerN: num(ev.peerN),
      percentile: num(ev.percentile),
      sources: Array.isArray(ev.sources) ? ev.sources.filter((s): s is string => typeof s === 'string') : [],
    },
    contributions: model?.top ?? [],
    context: [`近 6 个月已谈心谈话、家访 ${care?.value ?? 0} 次`],
    disclaimer: DISCLAIMER,
    events: events.map((e) => ({ at: e.created_at, action: actionZh(e.action), actorName: e.actor_name, note: e.note, data: e.data })),
    caseId: a.case_id,
    assigneeName: assignee?.display_name ?? null,
  };
}

async function actorName(db: Executor, actor: AuditActor) {
  if (!actor.userId) return '系统';
  return (
    (await db.selectFrom('app_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst())?.display_name ??
    actor.username ??
    ''
  );
}

export async function recordEvent(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  alertId: string,
  action: string,
  note: string | null,
  data: unknown = null,
) {
  await trx
    .insertInto('ew_alert_event')
    .values({
      id: newId(),
      alert_id: alertId,
      action,
      actor_id: actor.userId,
      actor_name: await actorName(trx, actor),
      note,
      data: data === null ? null : JSON.stringify(data),
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

type Step =
  | { action: 'assign'; note: string | null }
  | { action: 'consult'; body: ConsultBody }
  | { action: 'measure'; body: MeasureBody }
  | { action: 'follow_up'; body: FollowUpBody }
  | { action: 'close'; body: CloseBody }
  | { action: 'dismiss'; body: DismissBody };

const NEXT: Record<Step['action'], WarningAlertStatus> = {
  assign: 'assigned',
  consult: 'consulted',
  measure: 'measures',
  follow_up: 'follow_up',
  close: 'closing',
  dismiss: 'dismissed',
};

/** One intervention step, checked against the alert's stage, with its event and audit row in one transaction. */
export async function actOnAlert(ctx: AppContext, scope: ResolvedScope, actor: Actor, id: string, step: Step) {
  return ctx.db.transaction().execute(async (trx) => {
    const a = await loadAlert(trx, scope, id);
    if (!ALLOWED[step.action]?.includes(a.status)) throw new AppError('WARN_BAD_TRANSITION', { status: a.status });
    const status = NEXT[step.action];
    const now = ctx.clock.now().toISOString();
    const set: Record<string, unknown> = { status, updated_at: now };
    let note: string | null = null;
    let data: unknown = null;
    let caseId: string | null = a.case_id;
    switch (step.action) {
      case 'assign':
        set.assignee_id = actor.userId;
        note = step.note;
        break;
      case 'consult':
        note = step.body.conclusion;
        data = { date: step.body.date, attendees: step.body.attendees };
        break;
      case 'measure':
        note = step.body.note;
        data = { type: step.body.type, date: step.body.date };
        break;
      case 'follow_up':
        note = step.body.note;
        data = { day: step.body.day, date: step.body.date };
        break;
      case 'close':
        note = step.body.note;
        data = { outcome: step.body.outcome };
        set.outcome = step.body.outcome;
        caseId = await submitCase(trx, ctx, actor, {
          kind: CLOSURE_KIND,
          refId: id,
          title: `预警处置结案：${a.name}（${step.body.outcome}）`,
          subjectPersonId: a.person_id,
          subjectName: a.name,
          subjectOrgId: a.org_id,
        });
        set.case_id = caseId;
        break;
      case 'dismiss':
        note = step.body.note;
        data = { reason: step.body.reason };
        set.closed_on = today(ctx);
        set.outcome = step.body.reason;
        break;
    }
    await trx.updateTable('ew_alert').set(set).where('id', '=', id).execute();
    await recordEvent(trx, ctx, actor, id, step.action, note, data);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: `warning.alert.${step.action}`,
      objectType: 'ew_alert',
      objectId: id,
      detail: { personId: a.person_id, from: a.status, to: status },
    });
    return { id, status, caseId };
  });
}

/** The closing step is decided on the workflow by a holder of `warning:handle` over the person's branch, never the one who proposed it. */
registerCaseKind({
  kind: CLOSURE_KIND,
  module: 'warning',
  defaultSteps: [
    {
      name: '预警处置结案审核',
      type: 'approval',
      permission: 'warning:handle',
      orgLevel: 'subject_branch',
      mode: 'any',
      deadlineWorkingDays: 5,
    },
  ],
  onDecided: async (h) => {
    const approved = h.outcome === 'approved';
    const id = h.caseRow.ref_id;
    await h.trx
      .updateTable('ew_alert')
      .set({
        status: approved ? 'closed' : 'follow_up',
        closed_on: approved ? today(h.ctx) : null,
        updated_at: h.ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(h.trx, h.ctx, h.actor, id, approved ? 'closed' : 'reopened', h.note);
  },
});
