import type { ItemResponse } from '@zhenggong/core';
import { establishmentUnitOf } from '../../platform/access/data-scope.ts';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';
import { drawPaper } from '../question-bank/draw-paper.ts';
import { makeKnownPaper } from './exam-test-kit.ts';
import { gradeAttempt } from './finalise.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

/**
 * Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts):
 * an exam owned by branch B with branch B's person as examinee, a submitted attempt whose short
 * answer waits in the grading queue. The attempt is already finalised, so no sweep or read can
 * change it during the test.
 */
export const examAuthorizationFixtures: ModuleFixtureSeeder = async ({ t, ctx, orgB, orgB1, personB, userB, MARK }) => {
  const { paperId } = await makeKnownPaper(t, orgB);
  const now = ctx.clock.now();
  const iso = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
  const examId = newId();
  const sessionId = newId();
  await ctx.db
    .insertInto('exam')
    .values({
      id: examId,
      title: `乙分局考试-${MARK}`,
      kind: 'monthly_practice',
      paper_id: paperId,
      paper_title: `试卷-${MARK}`,
      total_score: 40,
      org_id: orgB,
      starts_at: iso(-60),
      ends_at: iso(600),
      duration_minutes: 30,
      attempts_allowed: 3,
      pass_score: 20,
      targets: JSON.stringify({ orgIds: [orgB] }),
      status: 'scheduled',
      source_exam_id: null,
      scheduled_at: iso(-120),
      results_published_at: null,
      created_by: userB,
      city_code: ctx.config.cityCode,
      created_at: iso(-120),
      updated_at: iso(-120),
    })
    .execute();
  await ctx.db
    .insertInto('exam_examinee')
    .values({
      id: newId(),
      exam_id: examId,
      person_id: personB,
      org_id: orgB1,
      unit_id: (await establishmentUnitOf(ctx.db, orgB1)) ?? orgB1,
      city_code: ctx.config.cityCode,
      created_at: iso(-120),
    })
    .execute();
  const paper = await drawPaper(ctx.db, paperId, `${examId}:${personB}:1`);
  const responses = new Map<number, ItemResponse>([
    [1, { choice: ['A'] }],
    [4, { text: `答案-${MARK}` }],
  ]);
  const session = { id: sessionId, exam_id: examId, paper: JSON.stringify(paper), deadline: iso(-20) };
  const { graded, queue } = gradeAttempt(ctx, session, responses, iso(-25));
  await ctx.db
    .insertInto('exam_session')
    .values({
      ...session,
      person_id: personB,
      user_id: userB,
      attempt: 1,
      token_hash: hashSessionToken(newSessionToken()),
      status: graded.status,
      item_count: paper.items.length,
      started_at: iso(-50),
      submitted_at: graded.submittedAt,
      finalised_by: 'examinee',
      focus_loss_count: 0,
      objective_score: graded.objective,
      manual_score: graded.manual,
      score: graded.score,
      pending_manual: graded.pending,
      city_code: ctx.config.cityCode,
      updated_at: iso(-25),
    })
    .execute();
  for (const [no, r] of responses) {
    await ctx.db
      .insertInto('exam_answer')
      .values({ session_id: sessionId, no, response: JSON.stringify(r), seq: 1, saved_at: iso(-30), city_code: ctx.config.cityCode })
      .execute();
  }
  await ctx.db.insertInto('exam_manual_grade').values(queue).execute();
  const exam = (extra: object = {}) => ({
    title: `入侵-${MARK}`,
    kind: 'spot_check',
    paperId,
    orgId: orgB,
    startsAt: iso(60),
    endsAt: iso(120),
    durationMinutes: 30,
    passScore: 10,
    targets: { orgIds: [orgB] },
    ...extra,
  });
  return {
    params: {
      '/api/v1/exams': examId,
      '/api/v1/exams/mine': examId,
      '/api/v1/exams/grading': queue[0]!.id, // the short answer above is non-blank, so one row is queued
      '/api/v1/exams/people': personB,
      '/api/v1/exams/mine/:examId/answers/:no#no': '1',
    },
    bodies: {
      'POST /api/v1/exams/': exam(),
      'PATCH /api/v1/exams/:id': { title: 'hijacked' },
      'POST /api/v1/exams/:id/make-up': { startsAt: iso(60), endsAt: iso(120) },
      'PUT /api/v1/exams/mine/:examId/answers/:no': { response: { choice: ['B'] }, seq: 99 },
      'POST /api/v1/exams/mine/:examId/events': { type: 'blur' },
      'POST /api/v1/exams/grading/:answerId': { score: 1 },
    },
    // The exam list and its export, asked for branch B's exam by title.
    queries: {
      'GET /api/v1/exams/': { keyword: '乙分局考试' },
      'GET /api/v1/exams/export.xlsx': { keyword: '乙分局考试' },
    },
  };
};
