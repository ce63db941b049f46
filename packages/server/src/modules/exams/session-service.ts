import {
  examStatusAt,
  gradeObjective,
  isPastDeadline,
  isWindowOpen,
  sessionDeadline,
  toExamineeItem,
  type DrawnPaper,
  type ItemResponse,
  type SaveAnswerBody,
  type SessionStatus,
} from '@zhenggong/core';
import type { Principal } from '../../platform/access/principal.ts';
import { isUniqueViolation } from '../../platform/access/db-errors.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { drawPaper } from '../question-bank/draw-paper.ts';
import { linkedPersonOf } from './examinee-resolution.ts';
import { finaliseSessions } from './finalise.ts';
import { answersOf, countFocusLoss, sessionByToken, sessionsOf, upsertAnswer } from './session-queries.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';
import type { ExamSessionTable, ExamTable } from './tables.ts';

/**
 * The examinee's side (考生端): everything is keyed by the caller's linked person; someone who
 * is not an examinee of the exam gets 404, never a hint that the exam exists.
 */

const notFound = () => new AppError('EXAM_NOT_FOUND');

async function examineeContext(ctx: AppContext, principal: Principal, examId: string) {
  const personId = await linkedPersonOf(ctx.db, principal.userId);
  if (!personId) throw notFound();
  const row = await ctx.db
    .selectFrom('exam_examinee as x')
    .innerJoin('exam as e', 'e.id', 'x.exam_id')
    .selectAll('e')
    .where('x.exam_id', '=', examId)
    .where('x.person_id', '=', personId)
    .where('e.status', '!=', 'draft')
    .executeTakeFirst();
  if (!row) throw notFound();
  return { personId, exam: row as ExamTable };
}

/** Finalises the person's attempt of this exam whose deadline has passed (finalise on read). */
async function finaliseOwnIfDue(ctx: AppContext, sessions: ExamSessionTable[]): Promise<boolean> {
  const now = ctx.clock.now();
  const due = sessions.filter((s) => s.status === 'in_progress' && isPastDeadline(s.deadline, now)).map((s) => s.id);
  if (due.length === 0) return false;
  await finaliseSessions(ctx, { sessionIds: due, dueOnly: true }, 'deadline');
  return true;
}

/** The best final score among attempts, or null while none is final. */
export function bestScore(sessions: readonly Pick<ExamSessionTable, 'status' | 'score'>[]): number | null {
  const scores = sessions.filter((s) => s.status === 'graded' && s.score !== null).map((s) => s.score as number); // filtered
  return scores.length === 0 ? null : Math.max(...scores);
}

const sessionStatusOf = (sessions: readonly ExamSessionTable[]): SessionStatus => sessions.at(-1)?.status ?? 'not_started';

export async function myExams(ctx: AppContext, principal: Principal) {
  const now = ctx.clock.now();
  const personId = await linkedPersonOf(ctx.db, principal.userId);
  if (!personId) return { items: [], serverNow: now.toISOString() };
  const exams = await ctx.db
    .selectFrom('exam_examinee as x')
    .innerJoin('exam as e', 'e.id', 'x.exam_id')
    .selectAll('e')
    .where('x.person_id', '=', personId)
    .where('e.status', '!=', 'draft')
    .orderBy('e.starts_at', 'desc')
    .limit(200)
    .execute();
  const ids = exams.map((e) => e.id);
  let sessions =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('exam_session')
          .selectAll()
          .where('person_id', '=', personId)
          .where('exam_id', 'in', ids)
          .orderBy('attempt')
          .execute();
  if (await finaliseOwnIfDue(ctx, sessions)) {
    sessions = await ctx.db
      .selectFrom('exam_session')
      .selectAll()
      .where('person_id', '=', personId)
      .where('exam_id', 'in', ids)
      .orderBy('attempt')
      .execute();
  }
  const items = exams.map((e) => {
    const mine = sessions.filter((s) => s.exam_id === e.id);
    const status = sessionStatusOf(mine);
    const published = e.results_published_at !== null;
    const score = published ? bestScore(mine) : null;
    const open = e.status === 'scheduled' && isWindowOpen(e.starts_at, e.ends_at, now);
    return {
      examId: e.id,
      title: e.title,
      kind: e.kind,
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      durationMinutes: e.duration_minutes,
      examStatus: examStatusAt(e.status, e.ends_at, now),
      status,
      attemptsUsed: mine.length,
      attemptsAllowed: e.attempts_allowed,
      totalScore: e.total_score,
      passScore: e.pass_score,
      canStart: open && (status === 'in_progress' || mine.length < e.attempts_allowed),
      deadline: status === 'in_progress' ? (mine.at(-1)?.deadline ?? null) : null,
      resultsPublished: published,
      score,
      passed: published ? score !== null && score >= e.pass_score : null,
    };
  });
  return { items, serverNow: now.toISOString() };
}

function startAnswer(ctx: AppContext, s: ExamSessionTable, token: string, exam: ExamTable, answers: Awaited<ReturnType<typeof answersOf>>) {
  const paper = JSON.parse(s.paper) as DrawnPaper;
  const responses: Record<number, ItemResponse> = {};
  const seqs: Record<number, number> = {};
  for (const a of answers) {
    responses[a.no] = JSON.parse(a.response) as ItemResponse;
    seqs[a.no] = a.seq;
  }
  return {
    sessionId: s.id,
    sessionToken: token,
    attempt: s.attempt,
    deadline: s.deadline,
    serverNow: ctx.clock.now().toISOString(),
    title: exam.title,
    totalScore: paper.totalScore,
    items: paper.items.map(toExamineeItem),
    responses,
    seqs,
    focusLossCount: s.focus_loss_count,
  };
}

/**
 * Starts or resumes (开始/继续作答). Resuming issues a new token: the newest start owns the
 * attempt, so a page left open on another device gets 409 on its next write.
 */
export async function startExam(ctx: AppContext, principal: Principal, actor: AuditActor, examId: string) {
  const { personId, exam } = await examineeContext(ctx, principal, examId);
  let sessions = await sessionsOf(ctx.db, examId, personId);
  if (await finaliseOwnIfDue(ctx, sessions)) sessions = await sessionsOf(ctx.db, examId, personId);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const token = newSessionToken();
  const tokenHash = hashSessionToken(token);
  const current = sessions.at(-1);
  if (current?.status === 'in_progress') {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('exam_session')
        .set({ token_hash: tokenHash, user_id: principal.userId, updated_at: nowIso })
        .where('id', '=', current.id)
        .execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'exam.resume',
        objectType: 'exam_session',
        objectId: current.id,
        detail: { examId, attempt: current.attempt },
      });
    });
    return startAnswer(ctx, { ...current, token_hash: tokenHash }, token, exam, await answersOf(ctx.db, current.id));
  }
  if (exam.status !== 'scheduled' || !isWindowOpen(exam.starts_at, exam.ends_at, now)) throw new AppError('EXAM_NOT_OPEN');
  if (sessions.length >= exam.attempts_allowed) throw new AppError('EXAM_NO_ATTEMPTS_LEFT');
  const attempt = sessions.length + 1;
  // The seed makes the draw reproducible per examinee and attempt; the snapshot makes it final.
  const paper = await drawPaper(ctx.db, exam.paper_id, `${examId}:${personId}:${attempt}`);
  const row: ExamSessionTable = {
    id: newId(),
    exam_id: examId,
    person_id: personId,
    user_id: principal.userId,
    attempt,
    token_hash: tokenHash,
    status: 'in_progress',
    paper: JSON.stringify(paper),
    item_count: paper.items.length,
    started_at: nowIso,
    deadline: sessionDeadline(exam.ends_at, nowIso, exam.duration_minutes),
    submitted_at: null,
    finalised_by: null,
    focus_loss_count: 0,
    objective_score: null,
    manual_score: null,
    score: null,
    pending_manual: 0,
    city_code: ctx.config.cityCode,
    updated_at: nowIso,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('exam_session').values(row).execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'exam.start',
        objectType: 'exam_session',
        objectId: row.id,
        detail: { examId, attempt, paperId: paper.paperId },
      });
    });
  } catch (error) {
    // Two starts at the same moment: the other one created the attempt; resume it instead.
    if (isUniqueViolation(error)) return startExam(ctx, principal, actor, examId);
    throw error;
  }
  return startAnswer(ctx, row, token, exam, []);
}

/**
 * Resolves the token of a write. The token alone finds the attempt (one indexed read); the
 * slower checks run only when it fails, to tell a superseded page (409) from a stranger (404).
 */
async function writableSession(ctx: AppContext, principal: Principal, examId: string, token: string | undefined) {
  if (!token) {
    await examineeContext(ctx, principal, examId); // a stranger learns nothing: 404
    throw new AppError('EXAM_SESSION_REQUIRED');
  }
  const s = await sessionByToken(ctx.db, hashSessionToken(token));
  if (s && s.exam_id === examId && s.user_id === principal.userId) return s;
  const personId = await linkedPersonOf(ctx.db, principal.userId);
  if (personId) {
    const mine = await ctx.db
      .selectFrom('exam_session')
      .select('id')
      .where('exam_id', '=', examId)
      .where('person_id', '=', personId)
      .limit(1)
      .executeTakeFirst();
    if (mine) throw new AppError('EXAM_SESSION_TAKEN_OVER');
  }
  throw notFound();
}

function refuseClosed(ctx: AppContext, s: { status: string; deadline: string }): void {
  if (s.status !== 'in_progress') throw new AppError('EXAM_SESSION_CLOSED');
  if (isPastDeadline(s.deadline, ctx.clock.now())) throw new AppError('EXAM_DEADLINE_PASSED', { deadline: s.deadline });
}

/** Autosave (自动保存) of one item: one indexed read and one guarded upsert, no audit row. */
export async function saveAnswer(
  ctx: AppContext,
  principal: Principal,
  examId: string,
  no: number,
  token: string | undefined,
  body: SaveAnswerBody,
) {
  const s = await writableSession(ctx, principal, examId, token);
  refuseClosed(ctx, s);
  if (no > s.item_count) throw new AppError('EXAM_ITEM_NOT_FOUND', { no });
  const savedAt = ctx.clock.now().toISOString();
  const written = await upsertAnswer(ctx.db, ctx.dialect, {
    sessionId: s.id,
    no,
    response: JSON.stringify(body.response),
    seq: body.seq,
    savedAt,
    cityCode: ctx.config.cityCode,
  });
  if (written) return { savedAt: written, applied: true };
  // Nothing written: either a stale seq (ignored by design) or the attempt closed meanwhile.
  const now = await ctx.db.selectFrom('exam_session').select(['status', 'deadline']).where('id', '=', s.id).executeTakeFirstOrThrow();
  refuseClosed(ctx, now);
  const current = await ctx.db
    .selectFrom('exam_answer')
    .select('saved_at')
    .where('session_id', '=', s.id)
    .where('no', '=', no)
    .executeTakeFirst();
  return { savedAt: current?.saved_at ?? savedAt, applied: false };
}

/** Focus loss and hidden-tab events (切屏), counted for the proctor; nothing else is recorded. */
export async function recordEvent(ctx: AppContext, principal: Principal, examId: string, token: string | undefined): Promise<void> {
  const s = await writableSession(ctx, principal, examId, token);
  refuseClosed(ctx, s);
  if (!(await countFocusLoss(ctx.db, s.id, ctx.clock.now().toISOString()))) {
    refuseClosed(
      ctx,
      await ctx.db.selectFrom('exam_session').select(['status', 'deadline']).where('id', '=', s.id).executeTakeFirstOrThrow(),
    );
  }
}

/** Submission (交卷). After the deadline the attempt is finalised from its last autosave instead. */
export async function submitExam(ctx: AppContext, principal: Principal, actor: AuditActor, examId: string, token: string | undefined) {
  const s = await writableSession(ctx, principal, examId, token);
  if (s.status === 'in_progress') {
    const late = isPastDeadline(s.deadline, ctx.clock.now());
    await finaliseSessions(ctx, { sessionIds: [s.id], dueOnly: late }, late ? 'deadline' : 'examinee', actor);
  }
  const row = await ctx.db
    .selectFrom('exam_session as s')
    .innerJoin('exam as e', 'e.id', 's.exam_id')
    .select(['s.status', 's.objective_score', 's.score', 'e.results_published_at'])
    .where('s.id', '=', s.id)
    .executeTakeFirstOrThrow();
  return { status: row.status, objectiveScore: row.objective_score, score: row.results_published_at ? row.score : null };
}

/** The examinee's result: score, pass and per-item correctness, once published; keys are never sent. */
export async function myResult(ctx: AppContext, principal: Principal, examId: string) {
  const { personId, exam } = await examineeContext(ctx, principal, examId);
  let sessions = await sessionsOf(ctx.db, examId, personId);
  if (await finaliseOwnIfDue(ctx, sessions)) sessions = await sessionsOf(ctx.db, examId, personId);
  const published = exam.results_published_at !== null;
  const base = {
    examId,
    title: exam.title,
    published,
    status: sessionStatusOf(sessions),
    passScore: exam.pass_score,
    totalScore: exam.total_score,
  };
  const best = bestScore(sessions);
  const chosen = sessions.filter((s) => s.status === 'graded' && s.score === best).at(-1);
  if (!published || !chosen) return { ...base, score: null, passed: published ? false : null, items: [] };
  const paper = JSON.parse(chosen.paper) as DrawnPaper;
  const answers = new Map((await answersOf(ctx.db, chosen.id)).map((a) => [a.no, JSON.parse(a.response) as ItemResponse]));
  const manual = new Map(
    (await ctx.db.selectFrom('exam_manual_grade').select(['no', 'score']).where('session_id', '=', chosen.id).execute()).map((m) => [
      m.no,
      m.score,
    ]),
  );
  const items = paper.items.map((item) => {
    const response = answers.get(item.no) ?? null;
    const objective = gradeObjective(item, response ?? undefined);
    const awarded = objective ?? manual.get(item.no) ?? 0;
    return {
      no: item.no,
      type: item.type,
      stem: item.stem,
      maxScore: item.score,
      awarded,
      correct: objective === null ? null : awarded >= item.score,
      response,
    };
  });
  return { ...base, score: chosen.score, passed: (chosen.score ?? 0) >= exam.pass_score, items };
}
