import { sql, type SqlBool } from 'kysely';
import type { GradeAnswerBody } from '@zhenggong/core';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';

/**
 * Manual grading (阅卷) of short answers. The queue table holds no person: graders see the
 * question, the reference answer and the response text only (流水阅卷, blind marking).
 */

export async function gradingQueue(
  ctx: AppContext,
  scope: ResolvedScope,
  q: { examId?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
) {
  const conds = [sql<SqlBool>`g.graded_at is null`, scopeWhere(scope, 'e.org_id')];
  if (q.examId) conds.push(sql<SqlBool>`g.exam_id = ${q.examId}`);
  const where = sql<SqlBool>`${sql.join(conds, sql` and `)}`;
  const base = ctx.db.selectFrom('exam_manual_grade as g').innerJoin('exam as e', 'e.id', 'g.exam_id').where(where);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([
    base
      .select(['g.id', 'g.exam_id', 'e.title', 'g.no', 'g.stem', 'g.reference', 'g.response_text', 'g.max_score'])
      // Ordered by exam and item, then by the random-looking id: not by submission order or session.
      .orderBy('g.exam_id')
      .orderBy('g.no')
      .orderBy('g.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      answerId: r.id,
      examId: r.exam_id,
      examTitle: r.title,
      no: r.no,
      stem: r.stem,
      reference: r.reference,
      response: { text: r.response_text },
      maxScore: r.max_score,
    })),
    total: Number(total.n),
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Scores one answer; the session becomes graded, with its final score, when its last one is done. */
export async function gradeAnswer(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, answerId: string, body: GradeAnswerBody) {
  const g = await ctx.db
    .selectFrom('exam_manual_grade as g')
    .innerJoin('exam as e', 'e.id', 'g.exam_id')
    .select(['g.id', 'g.session_id', 'g.max_score', 'g.graded_at'])
    .where('g.id', '=', answerId)
    .where(scopeWhere(scope, 'e.org_id'))
    .executeTakeFirst();
  if (!g) throw new AppError('EXAM_ANSWER_NOT_FOUND');
  if (g.graded_at) throw new AppError('EXAM_ALREADY_GRADED');
  if (body.score > g.max_score) throw new AppError('EXAM_SCORE_OUT_OF_RANGE', { maxScore: g.max_score });
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('exam_manual_grade')
      .set({ score: body.score, comment: body.comment ?? null, grader_id: actor.userId, graded_at: now })
      .where('id', '=', answerId)
      .where('graded_at', 'is', null)
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) === 0) throw new AppError('EXAM_ALREADY_GRADED');
    const all = await trx.selectFrom('exam_manual_grade').select(['score', 'graded_at']).where('session_id', '=', g.session_id).execute();
    const remaining = all.filter((a) => a.graded_at === null).length;
    const session = await trx
      .selectFrom('exam_session')
      .select(['objective_score'])
      .where('id', '=', g.session_id)
      .executeTakeFirstOrThrow();
    let sessionStatus: 'submitted' | 'graded' = 'submitted';
    if (remaining === 0) {
      const manual = round2(all.reduce((s, a) => s + (a.score ?? 0), 0));
      await trx
        .updateTable('exam_session')
        .set({
          status: 'graded',
          manual_score: manual,
          score: round2((session.objective_score ?? 0) + manual),
          pending_manual: 0,
          updated_at: now,
        })
        .where('id', '=', g.session_id)
        .execute();
      sessionStatus = 'graded';
    } else {
      await trx.updateTable('exam_session').set({ pending_manual: remaining, updated_at: now }).where('id', '=', g.session_id).execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.grade',
      objectType: 'exam_manual_grade',
      objectId: answerId,
      detail: { score: body.score },
    });
    return { answerId, score: body.score, sessionStatus };
  });
}
