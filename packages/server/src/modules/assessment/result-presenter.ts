import type { AppealView, Explanation, ResultDetailResponse } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import type { LoadedRound } from './round-queries.ts';
import type { AsmAppealTable, AsmResultTable } from './tables.ts';

/** The explanation of one result: each indicator, its points, where the number came from, and the appeals on it. */

export function presentAppeal(
  ctx: AppContext,
  a: AsmAppealTable,
  extra: { personName: string; period: string; schemeName: string },
): AppealView {
  return {
    id: a.id,
    resultId: a.result_id,
    roundId: a.round_id,
    personName: extra.personName,
    period: extra.period,
    schemeName: extra.schemeName,
    indicatorKey: a.indicator_key,
    reason: ctx.fieldCrypto.decrypt(a.reason_enc),
    status: a.status,
    decisionNote: a.decision_note,
    change: a.change,
    caseId: a.case_id,
    createdAt: a.created_at,
    decidedAt: a.decided_at,
  };
}

export async function presentResult(
  db: Executor,
  ctx: AppContext,
  l: LoadedRound,
  r: AsmResultTable,
  mayAppeal: boolean,
): Promise<ResultDetailResponse> {
  const e = r.explanation ? (JSON.parse(r.explanation) as Explanation) : null;
  const self = r.self ? (JSON.parse(r.self) as { scores: Record<string, { points: number }>; summary: string | null }) : null;
  const appeals = await db.selectFrom('asm_appeal').selectAll().where('result_id', '=', r.id).orderBy('created_at').execute();
  const schemeName = `${l.scheme.name}（第${l.scheme.version}版）`;
  return {
    id: r.id,
    roundId: l.round.id,
    roundStatus: l.round.status,
    schemeName,
    period: l.round.period,
    startDate: l.round.start_date,
    endDate: l.round.end_date,
    name: r.subject_name,
    personId: r.person_id,
    asOf: l.round.as_of,
    base: Number(r.base),
    bonus: Number(r.bonus),
    deduction: Number(r.deduction),
    total: Number(r.total),
    grade: r.grade,
    lines: (e?.lines ?? []).map((x) => ({ ...x, records: [...x.records], selfPoints: self?.scores[x.key]?.points ?? null })),
    adjustments: (e?.adjustments ?? []).map((x) => ({ ...x, records: [...x.records] })),
    selfSummary: self?.summary ?? null,
    appeals: appeals.map((a) => presentAppeal(ctx, a, { personName: r.subject_name, period: l.round.period, schemeName })),
    mayAppeal: mayAppeal && l.round.status === 'published' && !appeals.some((a) => a.status === 'open'),
  };
}
