import { DISCLAIMER, INDICATORS, type WarningAppealBody, type DecideAppealBody, type SelfViewResponse } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { linkedPerson, scopedPeople } from '../personnel/people.ts';
import { OPEN_STATUSES } from './alert-writer.ts';
import { recordEvent } from './alert-service.ts';
import { runMonth } from './monthly-run.ts';

/**
 * The officer's self-view (本人视图) and appeals (异议申诉): their own indicators against their
 * peer group (percentile and group size, never anyone else's values), the sources behind each,
 * alerts about them once verified in a consultation, and appeals against a fact. An upheld
 * appeal corrects the recorded fact, recomputes the month and withdraws alerts resting on it.
 */
const VERIFIED = ['consulted', 'measures', 'follow_up', 'closing', 'closed'];
const KIND_ZH: Record<string, string> = {
  complaint: '投诉登记',
  overtime: '加班记录',
  leave_taken: '休假记录',
  exam_score: '考试成绩',
  wearable_alert: '可穿戴设备预警',
  care_contact: '谈心谈话/家访',
  person_award: '奖励记录',
  person_discipline: '处分记录',
  person_appraisal: '年度考核',
  person_training: '培训记录',
  person_org_history: '岗位调整',
  exam_result: '考试成绩',
};

/** Words for a fact reference: what it is and its date where this module holds it. */
async function labels(db: Executor, refs: readonly string[]): Promise<Map<string, string>> {
  const ids = refs.filter((r) => r.startsWith('ew_fact:')).map((r) => r.slice(8));
  const facts = ids.length
    ? await db.selectFrom('ew_fact').select(['id', 'kind', 'event_date', 'value']).where('id', 'in', ids.slice(0, 500)).execute()
    : [];
  const out = new Map<string, string>();
  for (const f of facts)
    out.set(
      `ew_fact:${f.id}`,
      `${KIND_ZH[f.kind] ?? f.kind} ${f.event_date}${f.kind === 'overtime' ? `（${f.value} 小时）` : f.kind === 'exam_score' ? `（${f.value} 分）` : ''}`,
    );
  for (const r of refs) if (!out.has(r)) out.set(r, KIND_ZH[r.split(':')[0] ?? ''] ?? r);
  return out;
}

export async function selfView(ctx: AppContext, principal: { userId: string }, actor: AuditActor): Promise<SelfViewResponse> {
  const me = await linkedPerson(ctx.db, principal);
  const latest = await ctx.db
    .selectFrom('ew_indicator_snapshot')
    .select('as_of')
    .where('person_id', '=', me.id)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  const rows = latest
    ? await ctx.db
        .selectFrom('ew_indicator_snapshot')
        .selectAll()
        .where('person_id', '=', me.id)
        .where('as_of', '=', latest.as_of)
        .execute()
    : [];
  const byCode = new Map(rows.map((r) => [r.indicator, r]));
  const allRefs = rows.flatMap((r) => JSON.parse(r.refs) as string[]);
  const names = await labels(ctx.db, allRefs);
  const alerts = await ctx.db
    .selectFrom('ew_alert')
    .select(['id', 'policy_code', 'policy_version', 'sentence', 'status'])
    .where('person_id', '=', me.id)
    .where('officer_visible', '=', 1)
    .where('status', 'in', VERIFIED)
    .orderBy('last_as_of', 'desc')
    .execute();
  const policies = await ctx.db.selectFrom('ew_policy').select(['code', 'version', 'body']).execute();
  const policyName = new Map(policies.map((p) => [`${p.code}@${p.version}`, (JSON.parse(p.body) as { name: string }).name]));
  const appeals = await ctx.db
    .selectFrom('ew_appeal')
    .select(['id', 'fact_ref', 'reason', 'status', 'answer'])
    .where('person_id', '=', me.id)
    .orderBy('created_at', 'desc')
    .execute();
  await ctx.db
    .transaction()
    .execute((trx) => appendAudit(trx, ctx.clock, actor, { eventType: 'warning.self.view', objectType: 'person', objectId: me.id }));
  return {
    asOf: latest?.as_of ?? null,
    indicators: INDICATORS.map((d) => {
      const r = byCode.get(d.code);
      const refs = r ? (JSON.parse(r.refs) as string[]) : [];
      return {
        code: d.code,
        name: d.zh,
        dimension: d.dimension,
        unit: d.unit,
        value: r?.value ?? null,
        missing: !r || r.value === null,
        peerN: r?.peer_n ?? null,
        percentile: r?.peer_pct ?? null,
        sources: refs.slice(0, 20).map((ref) => ({ ref, label: names.get(ref) ?? ref })),
      };
    }),
    alerts: alerts.map((a) => ({
      id: a.id,
      policyName: policyName.get(`${a.policy_code}@${a.policy_version}`) ?? a.policy_code,
      sentence: a.sentence,
      status: a.status as SelfViewResponse['alerts'][number]['status'],
      disclaimer: DISCLAIMER,
    })),
    appeals: appeals.map((a) => ({ id: a.id, factRef: a.fact_ref, reason: a.reason, status: a.status, answer: a.answer })),
  };
}

export async function fileAppeal(ctx: AppContext, principal: { userId: string }, actor: AuditActor, body: WarningAppealBody) {
  const me = await linkedPerson(ctx.db, principal);
  const own = await ctx.db.selectFrom('ew_indicator_snapshot').select('refs').where('person_id', '=', me.id).execute();
  if (!own.some((r) => (JSON.parse(r.refs) as string[]).includes(body.factRef))) throw new AppError('WARN_APPEAL_FACT');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ew_appeal')
      .values({
        id,
        person_id: me.id,
        fact_ref: body.factRef,
        reason: body.reason,
        status: 'open',
        reviewer_id: null,
        answer: null,
        decided_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.appeal.file',
      objectType: 'ew_appeal',
      objectId: id,
      detail: { factRef: body.factRef },
    });
    const to = (await holdersInScope(trx, 'warning:handle', me.org_id)).filter((u) => u !== principal.userId);
    await notify(
      trx,
      ctx,
      to.map((userId) => ({
        userId,
        kind: 'warning.appeal',
        title: `${me.name} 对预警依据提出申诉`,
        link: '/warning/appeals',
        caseId: null,
      })),
    );
  });
  return { id };
}

export async function listAppeals(ctx: AppContext, scope: ResolvedScope) {
  const rows = await ctx.db
    .selectFrom('ew_appeal as a')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'a.person_id')
    .select(['a.id', 'p.name', 'a.fact_ref', 'a.reason', 'a.status', 'a.answer', 'a.created_at'])
    .orderBy('a.created_at', 'desc')
    .execute();
  const names = await labels(
    ctx.db,
    rows.map((r) => r.fact_ref),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      personName: r.name,
      factRef: r.fact_ref,
      factLabel: names.get(r.fact_ref) ?? r.fact_ref,
      reason: r.reason,
      status: r.status,
      answer: r.answer,
      createdAt: r.created_at,
    })),
  };
}

export async function decideAppeal(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string },
  id: string,
  body: DecideAppealBody,
) {
  const appeal = await ctx.db
    .selectFrom('ew_appeal as a')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'a.person_id')
    .select(['a.id', 'a.person_id', 'a.fact_ref', 'a.status'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!appeal) throw new AppError('WARN_APPEAL_NOT_FOUND');
  if (appeal.status !== 'open') throw new AppError('WARN_APPEAL_DECIDED');
  // Reviewed by someone who is not handling an alert about the same person.
  const handling = await ctx.db
    .selectFrom('ew_alert')
    .select('id')
    .where('person_id', '=', appeal.person_id)
    .where('assignee_id', '=', actor.userId)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
  if (handling) throw new AppError('WARN_APPEAL_SELF');
  const upheld = body.decision === 'upheld';
  const affected: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ew_appeal')
      .set({ status: body.decision, answer: body.answer, reviewer_id: actor.userId, decided_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    if (upheld && appeal.fact_ref.startsWith('ew_fact:')) {
      const factId = appeal.fact_ref.slice(8);
      if (body.correctedValue === undefined || body.correctedValue === null)
        await trx.updateTable('ew_fact').set({ voided: 1 }).where('id', '=', factId).execute();
      else await trx.updateTable('ew_fact').set({ value: body.correctedValue }).where('id', '=', factId).execute();
    }
    if (upheld) {
      const open = await trx
        .selectFrom('ew_alert')
        .select(['id', 'evidence'])
        .where('person_id', '=', appeal.person_id)
        .where('status', 'in', OPEN_STATUSES)
        .execute();
      for (const a of open) {
        if (!a.evidence.includes(appeal.fact_ref)) continue;
        affected.push(a.id);
        await trx
          .updateTable('ew_alert')
          .set({
            status: 'dismissed',
            outcome: '数据错误',
            closed_on: ctx.clock.now().toISOString().slice(0, 10),
            updated_at: ctx.clock.now().toISOString(),
          })
          .where('id', '=', a.id)
          .execute();
        await recordEvent(trx, ctx, actor, a.id, 'appeal_upheld', body.answer);
      }
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.appeal.decide',
      objectType: 'ew_appeal',
      objectId: id,
      detail: { decision: body.decision, withdrawn: affected },
    });
  });
  // Recompute the newest month, so indicators and rules read the corrected fact.
  if (upheld) {
    const latest = await ctx.db.selectFrom('ew_run').select('as_of').orderBy('as_of', 'desc').limit(1).executeTakeFirst();
    if (latest) await runMonth(ctx, latest.as_of);
  }
  return { ok: true };
}
