import {
  excellentLimit,
  type ConfirmGradesBody,
  type ManualScoresBody,
  type OpenRoundBody,
  type RoundListQuery,
  type RoundView,
  type UnitRankingQuery,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { submitCase, type Actor } from '../../platform/workflow/engine.ts';
import { peopleInSet, personBriefs } from '../personnel/people.ts';
import { ROUND_CASE } from './case-kinds.ts';
import { manualOf, recompute } from './compute-service.ts';
import { applyGrades } from './grade-service.ts';
import { loadRound, openAppealCount, resultOf, resultsOf, roundsInScope, type LoadedRound } from './round-queries.ts';
import { loadScheme, schemeBodyOf } from './scheme-service.ts';
import type { AsmResultTable, AsmRoundTable, RoundStatus } from './tables.ts';

const STATE_WORDS: Record<RoundStatus, string> = { open: '评分', review: '审核公示', published: '结果公布', final: '已确定' };
export const assertState = (round: AsmRoundTable, ...allowed: RoundStatus[]) => {
  if (!allowed.includes(round.status)) throw new AppError('ASM_ROUND_STATE', { state: STATE_WORDS[round.status] });
};

const minDate = (a: string, b: string) => (a < b ? a : b);

async function presentRound(db: Trx | AppContext['db'], l: LoadedRound): Promise<RoundView> {
  const results = await db.selectFrom('asm_result').select(['total']).where('round_id', '=', l.round.id).execute();
  return {
    id: l.round.id,
    schemeId: l.scheme.id,
    schemeName: `${l.scheme.name}（第${l.scheme.version}版）`,
    subject: l.scheme.subject,
    orgId: l.round.org_id,
    orgName: l.orgName,
    period: l.round.period,
    periodKind: l.scheme.period_kind,
    startDate: l.round.start_date,
    endDate: l.round.end_date,
    status: l.round.status,
    caseId: l.round.case_id,
    asOf: l.round.as_of,
    people: results.length,
    openAppeals: await openAppealCount(db, l.round.id),
    meanTotal: results.length === 0 ? null : Math.round((results.reduce((a, r) => a + Number(r.total), 0) / results.length) * 100) / 100,
  };
}

/** Opens a unit's period under a published scheme: one result per person it covers (or one for the unit), computed at once. */
export async function openRound(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: OpenRoundBody) {
  if (body.endDate < body.startDate) throw new AppError('ASM_ROUND_DATES');
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const scheme = await loadScheme(trx, body.schemeId);
    if (scheme.status !== 'published') throw new AppError('ASM_SCHEME_NOT_PUBLISHED');
    const dup = await trx
      .selectFrom('asm_round')
      .select('id')
      .where('scheme_id', '=', scheme.id)
      .where('org_id', '=', body.orgId)
      .where('period', '=', body.period)
      .executeTakeFirst();
    if (dup) throw new AppError('ASM_ROUND_EXISTS');
    const now = ctx.clock.now().toISOString();
    const round: AsmRoundTable = {
      id: newId(),
      scheme_id: scheme.id,
      org_id: body.orgId,
      period: body.period,
      start_date: body.startDate,
      end_date: body.endDate,
      status: 'open',
      case_id: null,
      as_of: null,
      created_by: actor.userId,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('asm_round').values(round).execute();
    const subjects =
      scheme.subject === 'individual'
        ? (
            await peopleInSet(ctx, trx, scope, { orgIds: [body.orgId], ...(scheme.person_kind ? { kinds: [scheme.person_kind] } : {}) })
          ).map((p) => ({ person_id: p.id, subject_org_id: p.org_id, subject_name: p.name }))
        : [
            {
              person_id: null,
              subject_org_id: body.orgId,
              subject_name: (await trx.selectFrom('org').select('name').where('id', '=', body.orgId).executeTakeFirstOrThrow()).name,
            },
          ];
    if (subjects.length === 0) throw new AppError('ASM_ROUND_EMPTY');
    const rows: AsmResultTable[] = subjects.map((s) => ({
      id: newId(),
      round_id: round.id,
      ...s,
      manual: '{}',
      self: null,
      explanation: null,
      base: 0,
      bonus: 0,
      deduction: 0,
      total: 0,
      complete: 0,
      suggested_grade: null,
      grade: null,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    }));
    // Computed before they are stored: recompute inserts each result with its explanation, in batches.
    await recompute(trx, ctx, round, schemeBodyOf(scheme), rows, minDate(today(ctx.clock), round.end_date));
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.round.open',
      objectType: 'asm_round',
      objectId: round.id,
      detail: { schemeId: scheme.id, orgId: body.orgId, period: body.period, people: rows.length },
    });
    return round.id;
  });
  return presentRound(ctx.db, await loadRound(ctx.db, scope, id));
}

export async function listRounds(ctx: AppContext, scope: ResolvedScope, q: RoundListQuery) {
  let query = roundsInScope(ctx.db, scope).select(['r.id']);
  if (q.schemeId) query = query.where('r.scheme_id', '=', q.schemeId);
  if (q.period) query = query.where('r.period', '=', q.period);
  if (q.orgId) query = query.where('r.org_id', '=', q.orgId);
  const ids = await query.orderBy('r.created_at', 'desc').orderBy('r.id').limit(500).execute();
  const items: RoundView[] = [];
  for (const { id } of ids) items.push(await presentRound(ctx.db, await loadRound(ctx.db, scope, id)));
  return { items };
}

/** The round with every result ranked (competition ranking: equal totals share a place). */
export async function roundDetail(ctx: AppContext, scope: ResolvedScope, id: string) {
  const l = await loadRound(ctx.db, scope, id);
  const body = schemeBodyOf(l.scheme);
  const results = await resultsOf(ctx.db, id);
  const briefs = await personBriefs(
    ctx.db,
    results.flatMap((r) => (r.person_id ? [r.person_id] : [])),
  );
  return {
    round: await presentRound(ctx.db, l),
    grades: body.grades,
    excellentLimit: excellentLimit(body.excellentQuota, results.length),
    excellentPercent: Math.round(body.excellentQuota.ratio * 10000) / 100,
    results: results.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.subject_name,
      kind: r.person_id ? (briefs.get(r.person_id)?.kind ?? null) : null,
      base: Number(r.base),
      bonus: Number(r.bonus),
      deduction: Number(r.deduction),
      total: Number(r.total),
      rank: 1 + results.filter((o) => Number(o.total) > Number(r.total)).length,
      complete: r.complete === 1,
      selfTotal: selfTotalOf(r),
      suggestedGrade: r.suggested_grade,
      grade: r.grade,
    })),
  };
}

function selfTotalOf(r: AsmResultTable): number | null {
  if (!r.self) return null;
  const self = JSON.parse(r.self) as { scores: Record<string, { points: number }> };
  const values = Object.values(self.scores);
  return values.length === 0 ? null : Math.round(values.reduce((a, s) => a + s.points, 0) * 100) / 100;
}

export async function computeRound(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, asOf: string | undefined) {
  await ctx.db.transaction().execute(async (trx) => {
    const l = await loadRound(trx, scope, id);
    assertState(l.round, 'open');
    const date = minDate(asOf ?? today(ctx.clock), l.round.end_date);
    await recompute(trx, ctx, l.round, schemeBodyOf(l.scheme), await resultsOf(trx, id), date);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.round.compute',
      objectType: 'asm_round',
      objectId: id,
      detail: { asOf: date },
    });
  });
  return roundDetail(ctx, scope, id);
}

/** Unit scoring: manual indicators with evidence and manual bonus/deduction items with reasons, each within its maximum. */
export async function setManualScores(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  resultId: string,
  body: ManualScoresBody,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const l = await loadRound(trx, scope, id);
    assertState(l.round, 'open');
    const scheme = schemeBodyOf(l.scheme);
    const result = await resultOf(trx, id, resultId);
    const manual = manualOf(result);
    for (const s of body.scores) {
      const ind = scheme.indicators.find((i) => i.key === s.key && i.rule?.kind === 'manual');
      if (!ind) throw new AppError('ASM_INDICATOR_UNKNOWN', { key: s.key });
      if (s.points > ind.maxPoints) throw new AppError('ASM_POINTS_OVER_MAX', { name: ind.name, max: ind.maxPoints, points: s.points });
      manual[s.key] = { points: s.points, evidence: s.evidence };
    }
    for (const a of body.adjustments ?? []) {
      const adj = scheme.adjustments.find((x) => x.key === a.key && x.source === 'manual');
      if (!adj) throw new AppError('ASM_INDICATOR_UNKNOWN', { key: a.key });
      if (a.points > adj.cap) throw new AppError('ASM_POINTS_OVER_MAX', { name: adj.name, max: adj.cap, points: a.points });
      manual[a.key] = { points: a.points, evidence: a.reason };
    }
    const before = result.manual;
    const next = { ...result, manual: JSON.stringify(manual) };
    await trx.updateTable('asm_result').set({ manual: next.manual }).where('id', '=', resultId).execute();
    await recompute(trx, ctx, l.round, scheme, [next], l.round.as_of ?? minDate(today(ctx.clock), l.round.end_date));
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.result.score',
      objectType: 'asm_result',
      objectId: resultId,
      detail: { before: JSON.parse(before) as unknown, after: manual },
    });
  });
  return roundDetail(ctx, scope, id);
}

/** Submits the unit's scores for the political department's review and the public notice (workflow). */
export async function submitRound(ctx: AppContext, scope: ResolvedScope, actor: Actor, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const l = await loadRound(trx, scope, id);
    assertState(l.round, 'open');
    const incomplete = (await resultsOf(trx, id)).filter((r) => r.complete !== 1).length;
    if (incomplete > 0) throw new AppError('ASM_ROUND_INCOMPLETE', { count: incomplete });
    const caseId = await submitCase(trx, ctx, actor, {
      kind: ROUND_CASE,
      refId: id,
      title: `${l.orgName}${l.round.period}${l.scheme.name}结果审核公示`,
      subjectPersonId: null,
      subjectName: l.orgName,
      subjectOrgId: l.round.org_id,
    });
    await trx
      .updateTable('asm_round')
      .set({ status: 'review', case_id: caseId, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.round.submit',
      objectType: 'asm_round',
      objectId: id,
      detail: { caseId },
    });
    return { id, caseId };
  });
}

/** The review-and-notice case closed: approved publishes the results (appeals open); otherwise back to scoring. */
export async function applyRoundOutcome(trx: Trx, ctx: AppContext, actor: AuditActor, roundId: string, outcome: string) {
  const status: RoundStatus = outcome === 'approved' ? 'published' : 'open';
  await trx.updateTable('asm_round').set({ status, updated_at: ctx.clock.now().toISOString() }).where('id', '=', roundId).execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'assessment.round.outcome',
    objectType: 'asm_round',
    objectId: roundId,
    detail: { outcome, status },
  });
}

export async function confirmGrades(ctx: AppContext, scope: ResolvedScope, actor: Actor, id: string, body: ConfirmGradesBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const l = await loadRound(trx, scope, id);
    assertState(l.round, 'published');
    const open = await openAppealCount(trx, id);
    if (open > 0) throw new AppError('ASM_APPEALS_OPEN', { count: open });
    return applyGrades(trx, ctx, actor, l, await resultsOf(trx, id), body);
  });
}

/** Units of one scheme and period ranked by their people's mean total. */
export async function unitRanking(ctx: AppContext, scope: ResolvedScope, q: UnitRankingQuery) {
  const rows = await roundsInScope(ctx.db, scope)
    .innerJoin('asm_result as x', 'x.round_id', 'r.id')
    .select(['r.org_id', 'o.name', 'r.status', sql<number>`count(x.id)`.as('people'), sql<number>`avg(x.total)`.as('mean')])
    .where('r.scheme_id', '=', q.schemeId)
    .where('r.period', '=', q.period)
    .groupBy(['r.org_id', 'o.name', 'r.status'])
    .execute();
  const sorted = rows
    .map((r) => ({
      orgId: r.org_id,
      orgName: r.name,
      status: r.status,
      people: Number(r.people),
      meanTotal: Math.round(Number(r.mean) * 100) / 100,
    }))
    .sort((a, b) => b.meanTotal - a.meanTotal || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  return { items: sorted.map((r) => ({ ...r, rank: 1 + sorted.filter((o) => o.meanTotal > r.meanTotal).length })) };
}
