import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope } from '../personnel/people.ts';
import { loadExam } from './exam-service.ts';
import { finaliseDueOf } from './finalise.ts';
import type { ExamResultTable } from './tables.ts';

/**
 * Results on the person's record (成绩档案). Publication writes one row per examinee — the best
 * graded attempt, or absent (缺考) — which the profile and, later, performance assessment read
 * through `examResultsOf`.
 */

export interface PersonExamResult {
  readonly examId: string;
  readonly title: string;
  readonly kind: string;
  /** The examinee's unit at exam time. */
  readonly orgId: string;
  readonly endsAt: string;
  readonly takenAt: string | null;
  readonly score: number | null;
  readonly passed: boolean;
  readonly absent: boolean;
  readonly passScore: number;
  readonly totalScore: number;
  readonly attemptsUsed: number;
  readonly publishedAt: string;
}

const present = (r: ExamResultTable): PersonExamResult => ({
  examId: r.exam_id,
  title: r.exam_title,
  kind: r.exam_kind,
  orgId: r.org_id,
  endsAt: r.exam_ends_at,
  takenAt: r.taken_at,
  score: r.score,
  passed: r.passed === 1,
  absent: r.absent === 1,
  passScore: r.pass_score,
  totalScore: r.total_score,
  attemptsUsed: r.attempts_used,
  publishedAt: r.published_at,
});

/**
 * A person's published exam results, oldest first. `from`/`to` are dates (YYYY-MM-DD, inclusive)
 * matched against the end of each exam's window (UTC). No data scope: callers check access to
 * the person; this is the service other modules use.
 */
export async function examResultsOf(
  executor: Executor,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<PersonExamResult[]> {
  let q = executor.selectFrom('exam_result').selectAll().where('person_id', '=', personId);
  if (range.from) q = q.where('exam_ends_at', '>=', `${range.from}T00:00:00.000Z`);
  if (range.to) q = q.where('exam_ends_at', '<=', `${range.to}T23:59:59.999Z`);
  return (await q.orderBy('exam_ends_at').orderBy('exam_id').execute()).map(present);
}

/** The route's version: the person must be inside the caller's scope (by their current unit). */
export async function personResults(
  ctx: AppContext,
  scope: ResolvedScope,
  personId: string,
  range: { from?: string | undefined; to?: string | undefined },
) {
  await assertPeopleInScope(ctx.db, scope, [personId], () => new AppError('EXAM_PERSON_NOT_FOUND'));
  return { items: await examResultsOf(ctx.db, personId, range) };
}

/** 发布成绩: needs the window closed and every short answer graded. */
export async function publishResults(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, examId: string) {
  const exam = await loadExam(ctx, scope, examId);
  if (exam.results_published_at) throw new AppError('EXAM_RESULTS_PUBLISHED');
  const now = ctx.clock.now();
  if (exam.status !== 'scheduled' || Date.parse(exam.ends_at) > now.getTime()) throw new AppError('EXAM_NOT_CLOSED');
  await finaliseDueOf(ctx, examId);
  const nowIso = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const pending = await trx
      .selectFrom('exam_session')
      .select('id')
      .where('exam_id', '=', examId)
      .where('status', '!=', 'graded')
      .limit(1)
      .executeTakeFirst();
    if (pending) throw new AppError('EXAM_GRADING_PENDING');
    const rows = await trx
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
          .as('best'),
        eb
          .selectFrom('exam_session as s')
          .select((m) => m.fn.min('s.started_at').as('m'))
          .whereRef('s.exam_id', '=', 'x.exam_id')
          .whereRef('s.person_id', '=', 'x.person_id')
          .as('first_start'),
      ])
      .where('x.exam_id', '=', examId)
      .execute();
    const results: ExamResultTable[] = rows.map((r) => {
      const attempts = Number(r.attempts ?? 0);
      const score = r.best === null || r.best === undefined ? null : Number(r.best);
      return {
        id: newId(),
        exam_id: examId,
        person_id: r.person_id,
        org_id: r.unit_id,
        exam_title: exam.title,
        exam_kind: exam.kind,
        exam_ends_at: exam.ends_at,
        taken_at: (r.first_start as string | null) ?? null,
        score,
        passed: score !== null && score >= exam.pass_score ? 1 : 0,
        absent: attempts === 0 ? 1 : 0,
        pass_score: exam.pass_score,
        total_score: exam.total_score,
        attempts_used: attempts,
        published_at: nowIso,
        city_code: ctx.config.cityCode,
        created_at: nowIso,
      };
    });
    for (let i = 0; i < results.length; i += 500)
      await trx
        .insertInto('exam_result')
        .values(results.slice(i, i + 500))
        .execute();
    await trx.updateTable('exam').set({ results_published_at: nowIso, updated_at: nowIso }).where('id', '=', examId).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.publish_results',
      objectType: 'exam',
      objectId: examId,
      detail: { results: results.length },
    });
  });
}

/**
 * Published scores of everyone whose exam window ended in [from, to], as a percentage of the
 * paper's total, with the day they were published (when the result became known). Absences are
 * left out. For computations over the whole force (early-warning indicators).
 */
export async function examScoresBetween(executor: Executor, from: string, to: string) {
  const rows = await executor
    .selectFrom('exam_result')
    .select(['id', 'person_id', 'exam_ends_at', 'published_at', 'score', 'total_score'])
    .where('exam_ends_at', '>=', `${from}T00:00:00.000Z`)
    .where('exam_ends_at', '<=', `${to}T23:59:59.999Z`)
    .where('absent', '=', 0)
    .execute();
  return rows
    .filter((r) => r.score !== null && r.total_score > 0)
    .map((r) => ({
      id: r.id,
      personId: r.person_id,
      date: r.exam_ends_at.slice(0, 10),
      publishedOn: r.published_at.slice(0, 10),
      percent: ((r.score ?? 0) / r.total_score) * 100,
    }));
}
