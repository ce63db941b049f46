import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test-support/test-app.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { updateQuestion } from '../question-bank/question-service.ts';
import { examResultsOf } from './exam-results-service.ts';
import { at, examBody, makeExaminee, makeExamWorld, save, scheduledExam, start, submit, type ExamWorld } from './exam-test-kit.ts';
import { gradeExam, sweepDueSessions } from './finalise.ts';
import { DEADLINE_SWEEP_JOB } from './sweep.ts';

const A = { choice: ['A'] };
const B = { choice: ['B'] };
const C = { choice: ['C'] };
const D = { choice: ['D'] };

describe.each(dialects)('exams on %s', (dialect) => {
  let w: ExamWorld;
  beforeAll(async () => {
    w = await makeExamWorld(dialect);
  });
  afterAll(() => w.t.close());

  const session = (id: string) => w.t.ctx.db.selectFrom('exam_session').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const answer = (sessionId: string, no: number) =>
    w.t.ctx.db.selectFrom('exam_answer').selectAll().where('session_id', '=', sessionId).where('no', '=', no).executeTakeFirst();

  it('refuses an answer after the deadline and finalises a disconnected examinee from the last autosave', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const e1 = await makeExaminee(w.t, w.orgA1, '张三');
    const e2 = await makeExaminee(w.t, w.orgA1, '李四');
    const examId = await scheduledExam(w, w.city, { personIds: [e1.personId, e2.personId] });
    const c1 = await e1.client();
    const c2 = await e2.client();
    expect((await c1.post(`/api/v1/exams/mine/${examId}/start`)).json().error.code).toBe('EXAM_NOT_OPEN');

    at(w, '2026-06-01T09:00:00.000Z');
    const s1 = await start(c1, examId);
    expect(s1.deadline).toBe('2026-06-01T09:30:00.000Z');
    expect(s1.serverNow).toBe('2026-06-01T09:00:00.000Z');
    expect(JSON.stringify(s1.items)).not.toContain('correct');
    expect((await save(c1, examId, s1.sessionToken, 1, A, 1)).json()).toEqual({ savedAt: '2026-06-01T09:00:00.000Z', applied: true });
    expect((await save(c1, examId, s1.sessionToken, 2, B, 1)).statusCode).toBe(200);
    at(w, '2026-06-01T09:29:59.999Z');
    expect((await save(c1, examId, s1.sessionToken, 3, D, 1)).statusCode).toBe(200);
    expect((await save(c1, examId, s1.sessionToken, 4, { text: '依法规范' }, 1)).statusCode).toBe(200);

    at(w, '2026-06-01T09:10:00.000Z');
    const s2 = await start(c2, examId);
    expect(s2.deadline).toBe('2026-06-01T09:40:00.000Z');
    await save(c2, examId, s2.sessionToken, 1, A, 1);
    await save(c2, examId, s2.sessionToken, 2, A, 1);

    // The deadline instant itself is late: refused, nothing changes.
    at(w, '2026-06-01T09:30:00.000Z');
    const before = await answer(s1.sessionId, 3);
    const late = await save(c1, examId, s1.sessionToken, 3, C, 2);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('EXAM_DEADLINE_PASSED');
    expect(await answer(s1.sessionId, 3)).toEqual(before);
    expect((await save(c1, examId, s1.sessionToken, 1, B, 5)).statusCode).toBe(409);
    expect((await answer(s1.sessionId, 1))!.response).toBe(JSON.stringify(A));

    // Nobody submitted; the sweep finalises e1 (past deadline) but not e2 (09:40).
    expect(await sweepDueSessions(w.t.ctx)).toBe(1);
    const f1 = await session(s1.sessionId);
    expect(f1).toMatchObject({
      status: 'submitted',
      objective_score: 20,
      finalised_by: 'deadline',
      submitted_at: '2026-06-01T09:30:00.000Z',
      pending_manual: 1,
    });
    expect((await session(s2.sessionId)).status).toBe('in_progress');

    // e2 is finalised when read after the deadline, from the last autosave: 10 points, no short answer → graded.
    at(w, '2026-06-01T10:00:00.000Z');
    const mine = (await c2.get('/api/v1/exams/mine')).json<{ items: { examId: string; status: string; score: number | null }[] }>();
    expect(mine.items.find((i) => i.examId === examId)).toMatchObject({ status: 'graded', score: null });
    expect(await session(s2.sessionId)).toMatchObject({
      status: 'graded',
      objective_score: 10,
      score: 10,
      finalised_by: 'deadline',
      submitted_at: '2026-06-01T09:40:00.000Z',
    });
    // A late submit answers the finalised result rather than an error.
    const lateSubmit = await submit(c1, examId, s1.sessionToken);
    expect(lateSubmit.statusCode).toBe(200);
    expect(lateSubmit.json()).toEqual({ status: 'submitted', objectiveScore: 20, score: null });
  });

  it('lets the newest start take the attempt over and ignores stale autosaves', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const e = await makeExaminee(w.t, w.orgA1, '王五');
    const examId = await scheduledExam(w, w.city, { personIds: [e.personId] });
    at(w, '2026-06-01T09:05:00.000Z');
    const c = await e.client();
    const first = await start(c, examId);
    expect((await save(c, examId, first.sessionToken, 1, A, 5)).json().applied).toBe(true);
    // A reordered, older save arrives late: ignored.
    expect((await save(c, examId, first.sessionToken, 1, B, 4)).json()).toMatchObject({ applied: false });
    expect((await save(c, examId, first.sessionToken, 1, B, 5)).json()).toMatchObject({ applied: false });
    expect((await answer(first.sessionId, 1))!.response).toBe(JSON.stringify(A));

    // A reload or a second device: same attempt, answers kept, a new token.
    at(w, '2026-06-01T09:06:00.000Z');
    const second = await start(c, examId);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.deadline).toBe(first.deadline);
    expect(second.responses).toEqual({ 1: A });
    expect(second.seqs).toEqual({ 1: 5 });
    expect(second.sessionToken).not.toBe(first.sessionToken);
    const old = await save(c, examId, first.sessionToken, 2, B, 1);
    expect(old.statusCode).toBe(409);
    expect(old.json().error.code).toBe('EXAM_SESSION_TAKEN_OVER');
    expect(await answer(first.sessionId, 2)).toBeUndefined();
    expect((await save(c, examId, second.sessionToken, 1, C, 6)).json().applied).toBe(true);
    expect(
      (await c.request({ method: 'PUT', url: `/api/v1/exams/mine/${examId}/answers/1`, payload: { response: C, seq: 7 } })).json().error
        .code,
    ).toBe('EXAM_SESSION_REQUIRED');
    expect((await save(c, examId, second.sessionToken, 9, C, 1)).statusCode).toBe(404);

    // Focus loss is counted for the proctor.
    for (const type of ['blur', 'hidden']) {
      const ev = await c.request({
        method: 'POST',
        url: `/api/v1/exams/mine/${examId}/events`,
        payload: { type },
        headers: { 'x-exam-session': second.sessionToken },
      });
      expect(ev.statusCode).toBe(204);
    }
    const proctor = (await w.city.get(`/api/v1/exams/${examId}/examinees`)).json<{ items: Record<string, unknown>[] }>();
    expect(proctor.items[0]).toMatchObject({
      personId: e.personId,
      name: '王五',
      status: 'in_progress',
      focusLossCount: 2,
      answeredCount: 1,
      itemCount: 4,
      lastSavedAt: '2026-06-01T09:06:00.000Z',
    });

    const submitted = await submit(c, examId, second.sessionToken);
    expect(submitted.json()).toEqual({ status: 'graded', objectiveScore: 0, score: null });
    expect((await save(c, examId, second.sessionToken, 1, A, 8)).json().error.code).toBe('EXAM_SESSION_CLOSED');
  });

  it('freezes the drawn paper: a later edit of a question does not change a started attempt', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const e = await makeExaminee(w.t, w.orgA1, '赵六');
    const examId = await scheduledExam(w, w.city, { personIds: [e.personId] });
    at(w, '2026-06-01T09:00:00.000Z');
    const c = await e.client();
    const s = await start(c, examId);
    const stem = (s.items[0] as unknown as { stem: string }).stem;
    await updateQuestion(w.t.ctx, { all: true }, systemActor, w.questionIds[0]!, {
      type: 'single',
      stem: '改过的题干',
      options: ['甲', '乙', '丙', '丁'],
      correct: ['D'],
      difficulty: 2,
    });
    const again = await start(c, examId);
    expect((again.items[0] as unknown as { stem: string }).stem).toBe(stem);
    await save(c, examId, again.sessionToken, 1, A, 1);
    expect((await submit(c, examId, again.sessionToken)).json().objectiveScore).toBe(10);
    // Restore the key for the other tests.
    await updateQuestion(w.t.ctx, { all: true }, systemActor, w.questionIds[0]!, {
      type: 'single',
      stem: '第1题：单选',
      options: ['甲', '乙', '丙', '丁'],
      correct: ['A'],
      difficulty: 2,
    });
  });

  it('counts attempts and offers a make-up exam to those who were absent', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const taker = await makeExaminee(w.t, w.orgA1, '钱七');
    const absent = await makeExaminee(w.t, w.orgA1, '孙八');
    const examId = await scheduledExam(w, w.city, { personIds: [taker.personId, absent.personId] }, { attemptsAllowed: 2 });
    at(w, '2026-06-01T09:00:00.000Z');
    const c = await taker.client();
    const a1 = await start(c, examId);
    await save(c, examId, a1.sessionToken, 1, A, 1);
    await submit(c, examId, a1.sessionToken);
    const a2 = await start(c, examId);
    expect(a2.sessionId).not.toBe(a1.sessionId);
    expect(a2.responses).toEqual({});
    await save(c, examId, a2.sessionToken, 1, A, 1);
    await save(c, examId, a2.sessionToken, 2, B, 1);
    await submit(c, examId, a2.sessionToken);
    const third = await c.post(`/api/v1/exams/mine/${examId}/start`);
    expect(third.statusCode).toBe(409);
    expect(third.json().error.code).toBe('EXAM_NO_ATTEMPTS_LEFT');
    const mine = (await c.get('/api/v1/exams/mine')).json<{ items: { examId: string; attemptsUsed: number; canStart: boolean }[] }>();
    expect(mine.items.find((i) => i.examId === examId)).toMatchObject({ attemptsUsed: 2, canStart: false });
    // Item analysis reads the first attempt only (one item answered), not the better retake (two).
    const analysis = (await w.city.get(`/api/v1/exams/${examId}/item-analysis`)).json<{
      summary: { attempts: number; smallSample: boolean };
      items: { answered: number }[];
    }>();
    expect(analysis.summary).toMatchObject({ attempts: 1, smallSample: true });
    expect(analysis.items.reduce((s, i) => s + i.answered, 0)).toBe(1);

    expect(
      (await w.city.post(`/api/v1/exams/${examId}/make-up`, { startsAt: '2026-06-02T09:00:00Z', endsAt: '2026-06-02T11:00:00Z' })).json()
        .error.code,
    ).toBe('EXAM_NOT_CLOSED');
    at(w, '2026-06-01T11:00:00.000Z');
    const makeUp = await w.city.post(`/api/v1/exams/${examId}/make-up`, {
      startsAt: '2026-06-02T09:00:00Z',
      endsAt: '2026-06-02T11:00:00Z',
    });
    expect(makeUp.statusCode).toBe(201);
    expect(makeUp.json()).toMatchObject({
      kind: 'make_up',
      status: 'scheduled',
      examineeCount: 1,
      sourceExamId: examId,
      targets: { personIds: [absent.personId] },
    });
    const absentMine = (await (await absent.client()).get('/api/v1/exams/mine')).json<{ items: { examId: string; kind: string }[] }>();
    expect(absentMine.items.map((i) => i.kind).sort()).toEqual(['make_up', 'monthly_practice']);
    expect((await c.post(`/api/v1/exams/mine/${makeUp.json().id}/start`)).statusCode).toBe(404);
  });

  it('computes statistics, item analysis and blind grading on a known data set, then publishes results to the record', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const p1 = await makeExaminee(w.t, w.orgA1, '周一', { rank: '04' });
    const p2 = await makeExaminee(w.t, w.orgA1, '吴二', { rank: '04' });
    const p3 = await makeExaminee(w.t, w.orgB1, '郑三', { rank: '04' });
    const p4 = await makeExaminee(w.t, w.orgB1, '冯四', { rank: '04' });
    const examId = await scheduledExam(w, w.city, { personIds: [p1.personId, p2.personId, p3.personId, p4.personId] });
    at(w, '2026-06-01T09:00:00.000Z');
    const plan: [typeof p1, object[]][] = [
      [p1, [A, B, C, { text: '依法、规范、公正、文明' }]],
      [p2, [A, B, D, { text: '依法' }]],
      [p3, [A, D, D, { text: '  ' }]],
    ];
    for (const [p, answers] of plan) {
      const c = await p.client();
      const s = await start(c, examId);
      for (const [i, r] of answers.entries()) await save(c, examId, s.sessionToken, i + 1, r, 1);
      await submit(c, examId, s.sessionToken);
    }
    // The grading queue: two non-blank short answers, nothing naming anyone.
    const queue = await w.city.get(`/api/v1/exams/grading/queue?examId=${examId}`);
    const q = queue.json<{
      items: { answerId: string; response: { text: string }; maxScore: number; reference: string }[];
      total: number;
    }>();
    expect(q.total).toBe(2);
    for (const leak of [p1.personId, p2.personId, '周一', '吴二', w.orgA1, '甲派出所', p1.username, p1.userId])
      expect(queue.body).not.toContain(leak);
    expect(Object.keys(q.items[0]!).sort()).toEqual(['answerId', 'examId', 'examTitle', 'maxScore', 'no', 'reference', 'response', 'stem']);
    const full = q.items.find((i) => i.response.text.startsWith('依法、'))!;
    const part = q.items.find((i) => i.response.text === '依法')!;
    expect((await w.city.post(`/api/v1/exams/grading/${full.answerId}`, { score: 11 })).json().error.code).toBe('EXAM_SCORE_OUT_OF_RANGE');
    expect((await w.city.post(`/api/v1/exams/grading/${full.answerId}`, { score: 10 })).json()).toMatchObject({ sessionStatus: 'graded' });
    expect((await w.city.post(`/api/v1/exams/grading/${full.answerId}`, { score: 9 })).json().error.code).toBe('EXAM_ALREADY_GRADED');
    expect(
      (await w.city.post(`/api/v1/exams/publish-results`.replace('publish-results', `${examId}/publish-results`))).json().error.code,
    ).toBe('EXAM_NOT_CLOSED');
    await w.city.post(`/api/v1/exams/grading/${part.answerId}`, { score: 5, comment: '要点不全' });

    const stats = (await w.city.get(`/api/v1/exams/${examId}/stats?groupBy=unit`)).json();
    expect(stats.overall).toEqual({
      examinees: 4,
      participated: 3,
      participationRate: 0.75,
      average: 25,
      passRate: 0.6667,
      max: 40,
      min: 10,
    });
    expect(stats.byUnit).toEqual(
      [
        { orgId: w.orgB1, orgName: '乙派出所', examinees: 2, participated: 1, participationRate: 0.5, average: 10, passRate: 0 },
        { orgId: w.orgA1, orgName: '甲派出所', examinees: 2, participated: 2, participationRate: 1, average: 32.5, passRate: 1 },
      ].sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN')),
    );
    expect(stats.distribution.map((d: { count: number }) => d.count)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(stats.distribution[2]).toEqual({ from: 8, to: 12, count: 1 });
    // Branch-A staff see only their examinees.
    const statsA = await w.staffA.get(`/api/v1/exams/${examId}/stats`);
    expect(statsA.statusCode).toBe(404); // the exam belongs to the city bureau, outside branch A's scope

    const analysis = (await w.city.get(`/api/v1/exams/${examId}/item-analysis`)).json<{ items: Record<string, unknown>[] }>().items;
    expect(analysis).toHaveLength(4);
    expect(analysis[0]).toMatchObject({
      difficulty: 1,
      discrimination: 0,
      presented: 3,
      answered: 3,
      flags: ['too_easy', 'low_discrimination', 'distractor_unused'],
    });
    expect(analysis[0]!.options).toEqual([
      { key: 'A', text: '甲', correct: true, count: 3 },
      { key: 'B', text: '乙', correct: false, count: 0 },
      { key: 'C', text: '丙', correct: false, count: 0 },
      { key: 'D', text: '丁', correct: false, count: 0 },
    ]);
    expect(analysis[1]).toMatchObject({ difficulty: 0.6667, discrimination: 1, flags: ['distractor_unused'] });
    expect((analysis[1]!.options as { count: number }[]).map((o) => o.count)).toEqual([0, 2, 0, 1]);
    expect(analysis[2]).toMatchObject({ difficulty: 0.3333, discrimination: 1 });
    expect(analysis[3]).toMatchObject({ type: 'short_answer', difficulty: 0.5, discrimination: 1, answered: 2, options: [], flags: [] });

    // Publication writes results to each person's record, absentees included.
    at(w, '2026-06-01T11:00:00.000Z');
    const published = await w.city.post(`/api/v1/exams/${examId}/publish-results`);
    expect(published.statusCode).toBe(200);
    expect(published.json().resultsPublishedAt).toBe('2026-06-01T11:00:00.000Z');
    expect((await w.city.post(`/api/v1/exams/${examId}/publish-results`)).json().error.code).toBe('EXAM_RESULTS_PUBLISHED');
    const r1 = await examResultsOf(w.t.ctx.db, p1.personId, { from: '2026-06-01', to: '2026-06-01' });
    expect(r1).toEqual([
      expect.objectContaining({
        examId,
        score: 40,
        passed: true,
        absent: false,
        orgId: w.orgA1,
        attemptsUsed: 1,
        takenAt: '2026-06-01T09:00:00.000Z',
      }),
    ]);
    expect(await examResultsOf(w.t.ctx.db, p1.personId, { from: '2026-06-02' })).toEqual([]);
    const r4 = (await w.city.get(`/api/v1/exams/people/${p4.personId}/results`)).json().items;
    expect(r4).toEqual([expect.objectContaining({ examId, score: null, passed: false, absent: true })]);
    // Branch A cannot read a branch-B person's results.
    expect((await w.staffA.get(`/api/v1/exams/people/${p4.personId}/results`)).statusCode).toBe(404);
    expect((await w.staffA.get(`/api/v1/exams/people/${p1.personId}/results`)).json().items).toHaveLength(1);

    const own = (await (await p2.client()).get(`/api/v1/exams/mine/${examId}/result`)).json();
    expect(own).toMatchObject({ published: true, score: 25, passed: true });
    expect(own.items.map((i: { correct: boolean | null; awarded: number }) => [i.correct, i.awarded])).toEqual([
      [true, 10],
      [true, 10],
      [false, 0],
      [null, 5],
    ]);
    expect(JSON.stringify(own)).not.toContain('reference');
  });

  it('keeps branch A to its own scope: exams, targets and examinees', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const inA = await makeExaminee(w.t, w.orgA1, '甲民警', { rank: '06' });
    const inB = await makeExaminee(w.t, w.orgB1, '乙民警', { rank: '06' });
    const cityExam = await scheduledExam(w, w.city, { orgIds: [w.orgB] });
    expect((await w.staffA.get(`/api/v1/exams/${cityExam}`)).statusCode).toBe(404);
    expect((await w.staffA.get(`/api/v1/exams/${cityExam}/examinees`)).statusCode).toBe(404);
    expect((await w.staffA.get('/api/v1/exams')).json().items.map((i: { id: string }) => i.id)).not.toContain(cityExam);
    const body = (targets: object, extra: object = {}) => examBody(w, targets, { orgId: w.orgA, paperId: w.paperA, ...extra });
    expect((await w.staffA.post('/api/v1/exams', body({ ranks: ['06'] }, { orgId: w.orgB }))).statusCode).toBe(404); // another branch's org answers like a missing one
    expect((await w.staffA.post('/api/v1/exams', body({ orgIds: [w.orgB1] }))).statusCode).toBe(404);
    // Another branch's person answers like a missing one too (PERSON_NOT_FOUND, not 403 OUT_OF_SCOPE).
    const namedB = await w.staffA.post('/api/v1/exams', body({ personIds: [inB.personId] }));
    expect([namedB.statusCode, namedB.json().error.code]).toEqual([404, 'PERSON_NOT_FOUND']);
    const ghost = '01900000-0000-7000-8000-000000000000';
    const missing = await w.staffA.post('/api/v1/exams', body({ personIds: [ghost] }));
    expect(namedB.body.replaceAll(inB.personId, ghost)).toBe(missing.body);
    expect((await w.staffA.post('/api/v1/exams', body({ ranks: ['06'] }, { paperId: w.paperId }))).json().error.code).toBe(
      'EXAM_PAPER_NOT_FOUND',
    );
    expect((await w.staffA.post('/api/v1/exams', body({}))).json().error.code).toBe('EXAM_NO_TARGETS');
    expect((await w.staffA.post('/api/v1/exams', body({ ranks: ['99'] }))).json().error.code).toBe('EXAM_RANK_UNKNOWN');
    expect((await w.staffA.post('/api/v1/exams', { ...body({ ranks: ['06'] }), surprise: 1 })).statusCode).toBe(400);
    // A rank target resolves within the scheduler's scope only.
    const created = await w.staffA.post('/api/v1/exams', body({ ranks: ['06'] }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await w.staffA.patch(`/api/v1/exams/${id}`, { title: '七月考' })).json().title).toBe('七月考');
    expect((await w.staffA.patch(`/api/v1/exams/${id}`, { orgId: w.orgB })).statusCode).toBe(404);
    expect((await w.staffA.post(`/api/v1/exams/${id}/schedule`)).json()).toMatchObject({ status: 'scheduled', examineeCount: 1 });
    const examinees = (await w.staffA.get(`/api/v1/exams/${id}/examinees`)).json();
    expect(examinees.items.map((i: { personId: string }) => i.personId)).toEqual([inA.personId]);
    expect((await w.staffA.patch(`/api/v1/exams/${id}`, { title: 'x' })).json().error.code).toBe('EXAM_NOT_DRAFT');
    // The B officer of the same rank is not an examinee: every examinee route answers 404.
    const cb = await inB.client();
    expect((await cb.post(`/api/v1/exams/mine/${id}/start`)).statusCode).toBe(404);
    expect((await save(cb, id, 'forged', 1, A, 1)).statusCode).toBe(404);
    expect(
      (await cb.request({ method: 'PUT', url: `/api/v1/exams/mine/${id}/answers/1`, payload: { response: A, seq: 1 } })).statusCode,
    ).toBe(404);
    expect((await cb.request({ method: 'POST', url: `/api/v1/exams/mine/${id}/submit` })).statusCode).toBe(404);
    expect((await cb.get(`/api/v1/exams/mine/${id}/result`)).statusCode).toBe(404);
    expect((await cb.get('/api/v1/exams/mine')).json().items.map((i: { examId: string }) => i.examId)).not.toContain(id);
  });

  it('grades a whole exam in batches when the proctor closes it (the benchmark entry point)', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await makeExaminee(w.t, w.orgA1, `批量${i}`));
    const examId = await scheduledExam(w, w.city, { personIds: people.map((p) => p.personId) });
    at(w, '2026-06-01T09:00:00.000Z');
    for (const [i, p] of people.entries()) {
      const c = await p.client();
      const s = await start(c, examId);
      if (i % 2 === 0) await save(c, examId, s.sessionToken, 1, A, 1);
    }
    expect(await gradeExam(w.t.ctx, examId)).toEqual({ finalised: 0 });
    expect(await gradeExam(w.t.ctx, examId, { closeOpen: true })).toEqual({ finalised: 5 });
    const rows = await w.t.ctx.db
      .selectFrom('exam_session')
      .select(['objective_score', 'status', 'finalised_by'])
      .where('exam_id', '=', examId)
      .execute();
    expect(rows.map((r) => r.objective_score).sort()).toEqual([0, 0, 10, 10, 10]);
    expect(new Set(rows.map((r) => `${r.status}/${r.finalised_by}`))).toEqual(new Set(['graded/proctor']));
  });

  it('keeps the newest of many concurrent saves of one item, and the sweep timer finalises then stops', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const e = await makeExaminee(w.t, w.orgA1, '并发');
    const examId = await scheduledExam(w, w.city, { personIds: [e.personId] });
    at(w, '2026-06-01T09:00:00.000Z');
    const c = await e.client();
    const s = await start(c, examId);
    const seqs = Array.from({ length: 30 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const results = await Promise.all(
      seqs.map((seq) => save(c, examId, s.sessionToken, 2, { choice: [['A', 'B', 'C', 'D'][seq % 4]!] }, seq)),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(await answer(s.sessionId, 2)).toMatchObject({ seq: 30, response: JSON.stringify({ choice: [['A', 'B', 'C', 'D'][30 % 4]] }) });

    at(w, '2026-06-01T09:30:00.000Z');
    // The sweep runs as a job of the platform runner, ticked here with the test clock.
    await w.t.app.jobs.tick();
    expect((await session(s.sessionId)).status).toBe('graded');
    const run = (await w.t.app.jobs.list()).find((j) => j.name === DEADLINE_SWEEP_JOB);
    expect(run?.lastRun).toMatchObject({ state: 'succeeded', error: null });
    expect(await session(s.sessionId)).toMatchObject({ finalised_by: 'deadline', objective_score: 0 });
  });

  it('never stores an answer after the attempt was graded, even when saves race the submission', async () => {
    at(w, '2026-06-01T08:00:00.000Z');
    const e = await makeExaminee(w.t, w.orgA1, '竞态');
    const examId = await scheduledExam(w, w.city, { personIds: [e.personId] });
    at(w, '2026-06-01T09:00:00.000Z');
    const c = await e.client();
    const s = await start(c, examId);
    const right = [A, B, C];
    const saves = Array.from({ length: 24 }, (_, i) => save(c, examId, s.sessionToken, (i % 3) + 1, right[i % 3]!, i + 1));
    const [results, submitted] = await Promise.all([Promise.all(saves), submit(c, examId, s.sessionToken)]);
    expect(submitted.statusCode).toBe(200);
    for (const r of results) expect([200, 409], r.body).toContain(r.statusCode);
    // The graded score is exactly what the stored answers are worth: no save landed after grading.
    const stored = await w.t.ctx.db.selectFrom('exam_answer').select('no').where('session_id', '=', s.sessionId).execute();
    const final = await session(s.sessionId);
    expect(final.objective_score).toBe(stored.length * 10);
    const applied = results.filter((r) => r.statusCode === 200 && r.json().applied).length;
    expect(applied).toBeGreaterThanOrEqual(stored.length);
  });
});
