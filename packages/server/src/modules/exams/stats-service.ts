import {
  analyseItems,
  summarizeTest,
  gradeObjective,
  isBlank,
  scoreDistribution,
  summariseScores,
  type AnalysedAnswer,
  type AnalysedAttempt,
  type DrawnItem,
  type DrawnPaper,
  type ItemResponse,
} from '@zhenggong/core';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { loadExam } from './exam-service.ts';
import { finaliseDueOf } from './finalise.ts';

/** Per-examinee facts for statistics: participation and best final score, with the unit at exam time. */
async function examineeScores(ctx: AppContext, scope: ResolvedScope, examId: string) {
  return ctx.db
    .selectFrom('exam_examinee as x')
    .select((eb) => [
      'x.person_id',
      'x.unit_id',
      eb
        .selectFrom('exam_session as s')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('s.exam_id', '=', 'x.exam_id')
        .whereRef('s.person_id', '=', 'x.person_id')
        .as('attempts'),
      eb
        .selectFrom('exam_session as s')
        .select((m) => m.fn.max('s.score').as('m'))
        .whereRef('s.exam_id', '=', 'x.exam_id')
        .whereRef('s.person_id', '=', 'x.person_id')
        .where('s.status', '=', 'graded')
        .as('best'),
    ])
    .where('x.exam_id', '=', examId)
    .where(scopeWhere(scope, 'x.org_id'))
    .execute();
}

/** 参考率、平均分、及格率、分数分布, overall and by unit (the examinee's unit when the exam was scheduled). */
export async function examStats(ctx: AppContext, scope: ResolvedScope, examId: string) {
  const exam = await loadExam(ctx, scope, examId);
  await finaliseDueOf(ctx, examId);
  const rows = (await examineeScores(ctx, scope, examId)).map((r) => ({
    unitId: r.unit_id,
    participated: Number(r.attempts ?? 0) > 0,
    score: r.best === null || r.best === undefined ? null : Number(r.best),
  }));
  const units = [...new Set(rows.map((r) => r.unitId))];
  const names = new Map(
    units.length === 0
      ? []
      : (await ctx.db.selectFrom('org').select(['id', 'name']).where('id', 'in', units).execute()).map((o) => [o.id, o.name]),
  );
  const overall = summariseScores(rows, exam.pass_score);
  const byUnit = units
    .map((unitId) => {
      const s = summariseScores(
        rows.filter((r) => r.unitId === unitId),
        exam.pass_score,
      );
      return {
        orgId: unitId,
        orgName: names.get(unitId) ?? '',
        examinees: s.examinees,
        participated: s.participated,
        participationRate: s.participationRate,
        average: s.average,
        passRate: s.passRate,
      };
    })
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN'));
  const scores = rows.map((r) => r.score).filter((s): s is number => s !== null);
  return { overall, byUnit, distribution: scoreDistribution(scores, exam.total_score) };
}

const PAPER_BATCH = 500;

/**
 * Item analysis (试题分析) over each examinee's first finalised attempt: a retake has seen the
 * paper, and taking the best attempt makes items look easier than they are. Objective items
 * are re-graded from the frozen paper, short answers take the grader's score. The exam as a
 * whole is analysed — no personal data leaves this function.
 */
export async function itemAnalysis(ctx: AppContext, scope: ResolvedScope, examId: string) {
  await loadExam(ctx, scope, examId);
  await finaliseDueOf(ctx, examId);
  const sessions = await ctx.db
    .selectFrom('exam_session')
    .select(['id', 'person_id', 'attempt', 'status', 'score'])
    .where('exam_id', '=', examId)
    .where('status', '!=', 'in_progress')
    .orderBy('attempt')
    .execute();
  const chosen = new Map<string, (typeof sessions)[number]>();
  // Ordered by attempt: the first finalised one stays.
  for (const s of sessions) if (!chosen.has(s.person_id)) chosen.set(s.person_id, s);
  const ids = [...chosen.values()].map((s) => s.id).sort();
  // One canonical item per question version, so memory grows with the bank, not with the examinees.
  const canonical = new Map<string, DrawnItem>();
  const attempts: AnalysedAttempt[] = [];
  for (let i = 0; i < ids.length; i += PAPER_BATCH) {
    const batch = ids.slice(i, i + PAPER_BATCH);
    const [papers, answers, manual] = await Promise.all([
      ctx.db.selectFrom('exam_session').select(['id', 'paper']).where('id', 'in', batch).execute(),
      ctx.db.selectFrom('exam_answer').select(['session_id', 'no', 'response']).where('session_id', 'in', batch).execute(),
      ctx.db.selectFrom('exam_manual_grade').select(['session_id', 'no', 'score']).where('session_id', 'in', batch).execute(),
    ]);
    const responses = new Map<string, ItemResponse>(
      answers.map((a) => [`${a.session_id}:${a.no}`, JSON.parse(a.response) as ItemResponse]),
    );
    const grades = new Map(manual.map((m) => [`${m.session_id}:${m.no}`, m.score]));
    for (const p of papers) {
      const paper = JSON.parse(p.paper) as DrawnPaper;
      const list: AnalysedAnswer[] = paper.items.map((item) => {
        const response = responses.get(`${p.id}:${item.no}`);
        const objective = gradeObjective(item, response);
        const awarded = objective !== null ? objective : isBlank(response) ? 0 : (grades.get(`${p.id}:${item.no}`) ?? null);
        let canon = canonical.get(item.questionVersionId);
        if (!canon) canonical.set(item.questionVersionId, (canon = item));
        return { item: canon, response, awarded };
      });
      attempts.push({ total: list.reduce((s, a) => s + (a.awarded ?? 0), 0), answers: list });
    }
  }
  return { summary: summarizeTest(attempts), items: analyseItems(attempts) };
}
