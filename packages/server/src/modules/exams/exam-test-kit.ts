import { makeIdNumber } from '@zhenggong/core';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { adminClient, createTestApp, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import type { Dialect } from '../../db/connect.ts';
import { createPersonRecord } from '../personnel/people.ts';
import { createBank } from '../question-bank/bank-service.ts';
import { createPaper } from '../question-bank/paper-service.ts';
import { createQuestion } from '../question-bank/question-service.ts';

/**
 * A small force for exam tests: a city bureau with branches A and B, each with a station;
 * examinees with linked accounts; exam staff scoped to branch A and a city-wide one; and a
 * real fixed paper composed through the question-bank services.
 */

export const PASSWORD = 'Exam#Pass1234';
let serial = 0;

export interface Examinee {
  readonly personId: string;
  readonly userId: string;
  readonly username: string;
  client(): Promise<Client>;
}

export async function makeExaminee(
  t: TestApp,
  orgId: string,
  name: string,
  opts: { rank?: string; roleIds?: string[] } = {},
): Promise<Examinee> {
  serial += 1;
  const input = {
    kind: 'officer' as const,
    name,
    idNumber: makeIdNumber('330102', `1985-01-${String((serial % 28) + 1).padStart(2, '0')}`, 100 + serial),
    orgId,
    ...(opts.rank ? { rank: opts.rank } : {}),
  };
  const person = await t.ctx.db.transaction().execute((trx) => createPersonRecord(trx, t.ctx, input, '2020-01-01'));
  const username = `examinee${serial}`;
  const userId = await makeUser(t.ctx, username, orgId, PASSWORD, opts.roleIds ?? []);
  await t.ctx.db.updateTable('app_user').set({ person_id: person.id }).where('id', '=', userId).execute();
  let c: Client | undefined;
  return { personId: person.id, userId, username, client: async () => (c ??= await login(t.app, username, PASSWORD)) };
}

/**
 * A fixed paper, no shuffling, so item n is question n: three single choices (10 points each,
 * correct A, B, C) and one short answer (10 points). Total 40.
 */
export async function makeKnownPaper(t: TestApp, orgId: string): Promise<{ paperId: string; questionIds: string[] }> {
  const scope = { all: true } as const;
  const bank = await createBank(t.ctx, scope, systemActor, { name: `测试题库${++serial}`, orgId });
  const questionIds: string[] = [];
  for (const [i, correct] of ['A', 'B', 'C'].entries()) {
    const q = await createQuestion(t.ctx, scope, systemActor, {
      bankId: bank.id,
      type: 'single',
      stem: `第${i + 1}题：单选`,
      options: ['甲', '乙', '丙', '丁'],
      correct: [correct],
      difficulty: 2,
    });
    questionIds.push(q.id);
  }
  const sa = await createQuestion(t.ctx, scope, systemActor, {
    bankId: bank.id,
    type: 'short_answer',
    stem: '简述执法规范化的要求。',
    reference: '依法、规范、公正、文明。',
    difficulty: 3,
  });
  questionIds.push(sa.id);
  const paper = await createPaper(t.ctx, scope, systemActor, {
    title: '已知答案试卷',
    kind: 'fixed',
    orgId,
    items: questionIds.map((questionId) => ({ questionId, score: 10 })),
    shuffleQuestions: false,
    shuffleOptions: false,
    partialCredit: 0,
  });
  return { paperId: paper.id, questionIds };
}

export interface ExamWorld {
  readonly t: TestApp;
  readonly root: string;
  readonly orgA: string;
  readonly orgA1: string;
  readonly orgB: string;
  readonly orgB1: string;
  /** exam:read/manage/grade over the whole city. */
  readonly city: Client;
  /** exam:read/manage/grade over branch A and below. */
  readonly staffA: Client;
  readonly paperId: string;
  readonly paperA: string;
  readonly questionIds: string[];
}

export async function makeExamWorld(dialect: Dialect): Promise<ExamWorld> {
  // Exams move the clock by hours; keep login sessions alive across those jumps.
  const t = await createTestApp(dialect, { session: { idleMinutes: 60 * 24 * 30, absoluteHours: 24 * 30 } });
  const sys = await adminClient(t, 'sysadmin');
  const root = (await sys.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]!.id;
  const orgA = await makeOrg(t.ctx, root, '甲分局');
  const orgA1 = await makeOrg(t.ctx, orgA, '甲派出所', { type: 'station' });
  const orgB = await makeOrg(t.ctx, root, '乙分局');
  const orgB1 = await makeOrg(t.ctx, orgB, '乙派出所', { type: 'station' });
  const perms = ['exam:read', 'exam:manage', 'exam:grade', 'exam:take'];
  const cityRole = await makeRole(t.ctx, 'exam-city', perms, 'all');
  const roleA = await makeRole(t.ctx, 'exam-branch-a', perms, 'org_and_below');
  await makeUser(t.ctx, 'exam-city', root, PASSWORD, [cityRole]);
  await makeUser(t.ctx, 'exam-a', orgA, PASSWORD, [roleA]);
  const { paperId, questionIds } = await makeKnownPaper(t, root);
  const { paperId: paperA } = await makeKnownPaper(t, orgA);
  return {
    t,
    root,
    orgA,
    orgA1,
    orgB,
    orgB1,
    city: await login(t.app, 'exam-city', PASSWORD),
    staffA: await login(t.app, 'exam-a', PASSWORD),
    paperId,
    paperA,
    questionIds,
  };
}

/** The test clock starts at 2026-05-31T23:30Z (Beijing 2026-06-01 07:30); exams default to 09:00–11:00Z, 30 minutes. */
export const examBody = (w: ExamWorld, targets: object, extra: object = {}) => ({
  title: '六月法律知识月考',
  kind: 'monthly_practice',
  paperId: w.paperId,
  orgId: w.root,
  startsAt: '2026-06-01T09:00:00.000Z',
  endsAt: '2026-06-01T11:00:00.000Z',
  durationMinutes: 30,
  passScore: 20,
  targets,
  ...extra,
});

export async function scheduledExam(w: ExamWorld, client: Client, targets: object, extra: object = {}): Promise<string> {
  const created = await client.post('/api/v1/exams', examBody(w, targets, extra));
  if (created.statusCode !== 201) throw new Error(`create exam: ${created.statusCode} ${created.body}`);
  const id = created.json<{ id: string }>().id;
  const scheduled = await client.post(`/api/v1/exams/${id}/schedule`);
  if (scheduled.statusCode !== 200) throw new Error(`schedule exam: ${scheduled.statusCode} ${scheduled.body}`);
  return id;
}

export const at = (w: ExamWorld, iso: string): void => w.t.clock.set(new Date(iso));

export interface Started {
  sessionId: string;
  sessionToken: string;
  deadline: string;
  serverNow: string;
  items: { no: number; type: string; options: { key: string }[] }[];
  responses: Record<string, unknown>;
  seqs: Record<string, number>;
}

export async function start(c: Client, examId: string): Promise<Started> {
  const res = await c.post(`/api/v1/exams/mine/${examId}/start`);
  if (res.statusCode !== 200) throw new Error(`start: ${res.statusCode} ${res.body}`);
  return res.json<Started>();
}

export const save = (c: Client, examId: string, token: string, no: number, response: object, seq: number) =>
  c.request({
    method: 'PUT',
    url: `/api/v1/exams/mine/${examId}/answers/${no}`,
    payload: { response, seq },
    headers: { 'x-exam-session': token },
  });

export const submit = (c: Client, examId: string, token: string) =>
  c.request({ method: 'POST', url: `/api/v1/exams/mine/${examId}/submit`, headers: { 'x-exam-session': token } });
