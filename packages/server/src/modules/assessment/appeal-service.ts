import type { AssessmentAppealBody, AppealDecisionBody, SelfScoresBody } from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { approveCase, rejectCase } from '../../platform/workflow/actions.ts';
import { submitCase, type Actor } from '../../platform/workflow/engine.ts';
import { appraisalLinesOf, linkedPersonOf } from '../personnel/people.ts';
import { APPEAL_CASE } from './case-kinds.ts';
import { manualOf, recompute } from './compute-service.ts';
import { presentAppeal, presentResult } from './result-presenter.ts';
import { assertState } from './round-service.ts';
import { loadRound } from './round-queries.ts';
import { schemeBodyOf } from './scheme-service.ts';
import type { AsmAppealTable } from './tables.ts';

const ALL: ResolvedScope = { all: true };

async function me(db: Executor, userId: string) {
  const p = await linkedPersonOf(db, userId);
  if (!p) throw new AppError('ASM_NOT_LINKED');
  return p;
}

/** The caller's own result; anyone else's is "not found". */
async function myResultRow(db: Executor, userId: string, resultId: string) {
  const p = await me(db, userId);
  const r = await db.selectFrom('asm_result').selectAll().where('id', '=', resultId).where('person_id', '=', p.id).executeTakeFirst();
  if (!r) throw new AppError('ASM_RESULT_NOT_FOUND');
  return { p, r, l: await loadRound(db, ALL, r.round_id) };
}

export async function myResults(ctx: AppContext, userId: string) {
  const p = await me(ctx.db, userId);
  const rows = await ctx.db
    .selectFrom('asm_result as x')
    .innerJoin('asm_round as r', 'r.id', 'x.round_id')
    .innerJoin('asm_scheme as s', 's.id', 'r.scheme_id')
    .select(['x.id', 'x.round_id', 's.name', 'r.period', 'r.status', 'x.total', 'x.grade'])
    .where('x.person_id', '=', p.id)
    .orderBy('r.end_date', 'desc')
    .orderBy('x.id')
    .execute();
  const appraisals = await appraisalLinesOf(ctx.db, [p.id]);
  return {
    items: rows.map((r) => ({
      resultId: r.id,
      roundId: r.round_id,
      schemeName: r.name,
      period: r.period,
      status: r.status,
      total: Number(r.total),
      grade: r.grade,
    })),
    appraisals: appraisals.map((a) => ({ year: a.year, grade: a.grade })).reverse(),
  };
}

export async function myResult(ctx: AppContext, userId: string, resultId: string) {
  const { r, l } = await myResultRow(ctx.db, userId, resultId);
  return presentResult(ctx.db, ctx, l, r, true);
}

/** A scoped reader's view of any result in a round they may see. */
export async function resultDetail(ctx: AppContext, scope: ResolvedScope, roundId: string, resultId: string) {
  const l = await loadRound(ctx.db, scope, roundId);
  const r = await ctx.db.selectFrom('asm_result').selectAll().where('id', '=', resultId).where('round_id', '=', roundId).executeTakeFirst();
  if (!r) throw new AppError('ASM_RESULT_NOT_FOUND');
  return presentResult(ctx.db, ctx, l, r, false);
}

/** 自评: the person's own points per indicator and a summary, kept beside the unit's score. */
export async function saveSelfAssessment(ctx: AppContext, userId: string, actor: AuditActor, resultId: string, body: SelfScoresBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const { r, l } = await myResultRow(trx, userId, resultId);
    assertState(l.round, 'open');
    const scheme = schemeBodyOf(l.scheme);
    const scores: Record<string, { points: number; note: string | null }> = {};
    for (const s of body.scores) {
      const ind = scheme.indicators.find((i) => i.key === s.key && i.rule);
      if (!ind) throw new AppError('ASM_INDICATOR_UNKNOWN', { key: s.key });
      if (s.points > ind.maxPoints) throw new AppError('ASM_POINTS_OVER_MAX', { name: ind.name, max: ind.maxPoints, points: s.points });
      scores[s.key] = { points: s.points, note: s.note ?? null };
    }
    await trx
      .updateTable('asm_result')
      .set({ self: JSON.stringify({ scores, summary: body.summary ?? null }), updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', r.id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'assessment.result.self', objectType: 'asm_result', objectId: r.id });
  });
  return myResult(ctx, userId, resultId);
}

/** 申诉: after the public notice and before grades are confirmed, one open appeal per person and round, decided on the workflow. */
export async function fileAppeal(ctx: AppContext, actor: Actor, resultId: string, body: AssessmentAppealBody) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { p, r, l } = await myResultRow(trx, actor.userId, resultId);
    if (l.round.status !== 'published') throw new AppError('ASM_APPEAL_NOT_OPEN');
    if (body.indicatorKey && !schemeBodyOf(l.scheme).indicators.some((i) => i.key === body.indicatorKey))
      throw new AppError('ASM_INDICATOR_UNKNOWN', { key: body.indicatorKey });
    const open = await trx
      .selectFrom('asm_appeal')
      .select('id')
      .where('result_id', '=', r.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) throw new AppError('ASM_APPEAL_EXISTS');
    const row: AsmAppealTable = {
      id: newId(),
      result_id: r.id,
      round_id: l.round.id,
      person_id: p.id,
      indicator_key: body.indicatorKey ?? null,
      reason_enc: ctx.fieldCrypto.encrypt(body.reason),
      status: 'open',
      proposal: null,
      decision_note: null,
      change: null,
      case_id: null,
      created_by: actor.userId,
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
      decided_at: null,
    };
    await trx.insertInto('asm_appeal').values(row).execute();
    const caseId = await submitCase(trx, ctx, actor, {
      kind: APPEAL_CASE,
      refId: row.id,
      title: `${p.name}对${l.round.period}${l.scheme.name}结果的申诉`,
      subjectPersonId: p.id,
      subjectName: p.name,
      subjectOrgId: p.org_id,
    });
    await trx.updateTable('asm_appeal').set({ case_id: caseId }).where('id', '=', row.id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.appeal.file',
      objectType: 'asm_appeal',
      objectId: row.id,
      detail: { caseId },
    });
    return row.id;
  });
  return appealView(ctx, id);
}

async function appealView(ctx: AppContext, id: string) {
  const a = await ctx.db.selectFrom('asm_appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const l = await loadRound(ctx.db, ALL, a.round_id);
  const r = await ctx.db.selectFrom('asm_result').select('subject_name').where('id', '=', a.result_id).executeTakeFirstOrThrow();
  return presentAppeal(ctx, a, { personName: r.subject_name, period: l.round.period, schemeName: l.scheme.name });
}

/** Appeals on rounds of units in the caller's scope, open first. */
export async function listAppeals(ctx: AppContext, scope: ResolvedScope) {
  const rows = await ctx.db
    .selectFrom('asm_appeal as a')
    .innerJoin('asm_round as r', 'r.id', 'a.round_id')
    .innerJoin('asm_scheme as s', 's.id', 'r.scheme_id')
    .innerJoin('asm_result as x', 'x.id', 'a.result_id')
    .selectAll('a')
    .select(['x.subject_name', 'r.period', 's.name as scheme_name'])
    .where(scopeWhere(scope, 'r.org_id'))
    .orderBy('a.status', 'desc')
    .orderBy('a.created_at', 'desc')
    .limit(500)
    .execute();
  return { items: rows.map((a) => presentAppeal(ctx, a, { personName: a.subject_name, period: a.period, schemeName: a.scheme_name })) };
}

async function scopedAppeal(db: Executor, scope: ResolvedScope, id: string) {
  const a = await db
    .selectFrom('asm_appeal as a')
    .innerJoin('asm_round as r', 'r.id', 'a.round_id')
    .selectAll('a')
    .where('a.id', '=', id)
    .where(scopeWhere(scope, 'r.org_id'))
    .executeTakeFirst();
  if (!a) throw new AppError('ASM_APPEAL_NOT_FOUND');
  return a;
}

/**
 * The reviewer's decision: the corrected points (if upheld with a change) are stored as the
 * proposal, then the workflow task is decided; the change reaches the result only in the case's
 * closing transaction (applyAppealOutcome). A refused workflow action withdraws the proposal.
 */
export async function decideAppeal(ctx: AppContext, scope: ResolvedScope, actor: Actor, id: string, body: AppealDecisionBody) {
  const a = await scopedAppeal(ctx.db, scope, id);
  if (a.status !== 'open' || !a.case_id) throw new AppError('ASM_APPEAL_CLOSED');
  let proposal: string | null = null;
  if (body.uphold && body.indicatorKey !== undefined) {
    const l = await loadRound(ctx.db, ALL, a.round_id);
    const ind = schemeBodyOf(l.scheme).indicators.find((i) => i.key === body.indicatorKey && i.rule?.kind === 'manual');
    if (!ind || body.points === undefined) throw new AppError('ASM_INDICATOR_UNKNOWN', { key: body.indicatorKey });
    if (body.points > ind.maxPoints) throw new AppError('ASM_POINTS_OVER_MAX', { name: ind.name, max: ind.maxPoints, points: body.points });
    proposal = JSON.stringify({ indicatorKey: ind.key, points: body.points, note: body.note });
  }
  await ctx.db.updateTable('asm_appeal').set({ proposal, decision_note: body.note }).where('id', '=', id).execute();
  try {
    if (body.uphold) await approveCase(ctx, actor, a.case_id, body.note);
    else await rejectCase(ctx, actor, a.case_id, body.note);
  } catch (error) {
    await ctx.db
      .updateTable('asm_appeal')
      .set({ proposal: null, decision_note: null })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
    throw error;
  }
  return appealView(ctx, id);
}

/** Runs when the appeal's case closes: upheld applies the proposal and recomputes; the change is audited with before and after. */
export async function applyAppealOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  appealId: string,
  outcome: string,
  note: string | null,
) {
  const a = await trx.selectFrom('asm_appeal').selectAll().where('id', '=', appealId).executeTakeFirstOrThrow();
  const now = ctx.clock.now().toISOString();
  if (outcome !== 'approved') {
    await trx
      .updateTable('asm_appeal')
      .set({ status: 'dismissed', decided_at: now, decision_note: note ?? a.decision_note })
      .where('id', '=', appealId)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.appeal.decide',
      objectType: 'asm_appeal',
      objectId: appealId,
      detail: { outcome },
    });
    return;
  }
  let change: string | null = null;
  let before: number | null = null;
  let after: number | null = null;
  if (a.proposal) {
    const p = JSON.parse(a.proposal) as { indicatorKey: string; points: number; note: string };
    const l = await loadRound(trx, ALL, a.round_id);
    const r = await trx.selectFrom('asm_result').selectAll().where('id', '=', a.result_id).executeTakeFirstOrThrow();
    const manual = manualOf(r);
    const old = manual[p.indicatorKey]?.points ?? 0;
    manual[p.indicatorKey] = { points: p.points, evidence: `申诉复核：${p.note}` };
    const next = { ...r, manual: JSON.stringify(manual) };
    await trx.updateTable('asm_result').set({ manual: next.manual }).where('id', '=', r.id).execute();
    before = Number(r.total);
    const [recomputed] = await recompute(trx, ctx, l.round, schemeBodyOf(l.scheme), [next], l.round.as_of ?? l.round.end_date);
    after = recomputed?.total ?? before;
    const name = schemeBodyOf(l.scheme).indicators.find((i) => i.key === p.indicatorKey)?.name ?? p.indicatorKey;
    change = `${name} ${old} → ${p.points} 分；总分 ${before} → ${after}`;
  }
  await trx
    .updateTable('asm_appeal')
    .set({ status: 'upheld', decided_at: now, change, decision_note: note ?? a.decision_note })
    .where('id', '=', appealId)
    .execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'assessment.appeal.decide',
    objectType: 'asm_appeal',
    objectId: appealId,
    detail: { outcome, change, totalBefore: before, totalAfter: after },
  });
}
