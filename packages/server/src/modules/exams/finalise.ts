import { gradeObjective, isBlank, type DrawnPaper, type ItemResponse } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import { appendAudit, systemActor, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { ExamManualGradeTable } from './tables.ts';

/**
 * Finalising attempts (交卷): objective items are graded from the frozen paper and the last
 * autosaved responses; non-blank short answers are copied into the blind grading queue. Work is
 * done in batches of sessions, one transaction per batch, with one bulk UPDATE and one bulk
 * INSERT each — so closing an exam of 10,000 examinees is a few dozen statements, not 10,000
 * round trips. The same path serves a single submission, the deadline sweep and `gradeExam`.
 */

export const FINALISE_BATCH = 400;
const round2 = (n: number): number => Math.round(n * 100) / 100;

export type FinalisedBy = 'examinee' | 'deadline' | 'proctor';

export interface FinaliseSelection {
  /** Limit to one exam. */
  readonly examId?: string;
  /** Limit to these sessions. */
  readonly sessionIds?: readonly string[];
  /** true: only sessions whose deadline has passed; false: every session still in progress. */
  readonly dueOnly: boolean;
}

interface Graded {
  id: string;
  status: 'submitted' | 'graded';
  objective: number;
  manual: number | null;
  score: number | null;
  pending: number;
  submittedAt: string;
}

/** Grades one attempt from its frozen paper and responses. Pure apart from the new queue ids. */
export function gradeAttempt(
  ctx: AppContext,
  session: { id: string; exam_id: string; paper: string; deadline: string },
  responses: Map<number, ItemResponse>,
  submittedAt: string,
) {
  const paper = JSON.parse(session.paper) as DrawnPaper;
  let objective = 0;
  const queue: ExamManualGradeTable[] = [];
  for (const item of paper.items) {
    const response = responses.get(item.no);
    const points = gradeObjective(item, response);
    if (points !== null) objective += points;
    else if (!isBlank(response) && item.key.kind === 'text') {
      queue.push({
        id: newId(),
        exam_id: session.exam_id,
        session_id: session.id,
        no: item.no,
        stem: item.stem,
        reference: item.key.reference,
        response_text: response?.text ?? '',
        max_score: item.score,
        score: null,
        comment: null,
        grader_id: null,
        graded_at: null,
        city_code: ctx.config.cityCode,
        created_at: submittedAt,
      });
    }
  }
  objective = round2(objective);
  const pending = queue.length;
  const graded: Graded = {
    id: session.id,
    status: pending > 0 ? 'submitted' : 'graded',
    objective,
    // Blank short answers score 0 without a grader; with nothing pending the score is final.
    manual: pending > 0 ? null : 0,
    score: pending > 0 ? null : objective,
    pending,
    submittedAt,
  };
  return { graded, queue };
}

async function bulkUpdate(trx: Trx, rows: readonly Graded[], by: FinalisedBy, nowIso: string): Promise<void> {
  if (rows.length === 0) return;
  // Portable UPDATE … FROM (VALUES …): both SQLite (≥ 3.33) and PostgreSQL name the columns
  // column1…; parameters arrive untyped on PostgreSQL, hence the casts.
  const values = sql.join(
    rows.map((r) => sql`(${r.id}, ${r.status}, ${r.objective}, ${r.manual}, ${r.score}, ${r.pending}, ${r.submittedAt})`),
  );
  await sql`update exam_session set
      status = v.column2,
      objective_score = cast(v.column3 as real),
      manual_score = cast(v.column4 as real),
      score = cast(v.column5 as real),
      pending_manual = cast(v.column6 as integer),
      submitted_at = v.column7,
      finalised_by = ${by},
      updated_at = ${nowIso}
    from (values ${values}) as v
    where exam_session.id = v.column1 and exam_session.status = 'in_progress'`.execute(trx);
}

function candidates(db: Executor, sel: FinaliseSelection, nowIso: string) {
  let q = db.selectFrom('exam_session').where('status', '=', 'in_progress');
  if (sel.dueOnly) q = q.where('deadline', '<=', nowIso);
  if (sel.examId) q = q.where('exam_id', '=', sel.examId);
  if (sel.sessionIds) q = q.where('id', 'in', sel.sessionIds.length > 0 ? [...sel.sessionIds] : ['']);
  return q;
}

/**
 * One batch inside one transaction: claims up to FINALISE_BATCH sessions still in progress
 * (row-locked on PostgreSQL; SQLite serialises writers),
 * reads their answers after the claim so no save that committed before is missed, grades them
 * and writes everything back. Returns the sessions finalised.
 */
async function finaliseBatch(ctx: AppContext, sel: FinaliseSelection, by: FinalisedBy, actor: AuditActor): Promise<Graded[]> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  // Read paths call this often; look before taking a write transaction (SQLite's BEGIN IMMEDIATE locks the file).
  if (!(await candidates(ctx.db, sel, nowIso).select('id').limit(1).executeTakeFirst())) return [];
  return ctx.db.transaction().execute(async (trx) => {
    let q = candidates(trx, sel, nowIso).select(['id', 'exam_id', 'paper', 'deadline']).orderBy('id').limit(FINALISE_BATCH);
    // Locked in id order, so concurrent finalisers cannot deadlock; a save in flight holds a
    // key-share lock on its attempt, so the claim waits for it and then sees its answer.
    if (ctx.dialect === 'postgres') q = q.forUpdate();
    const sessions = await q.execute();
    if (sessions.length === 0) return [];
    const answers = await trx
      .selectFrom('exam_answer')
      .select(['session_id', 'no', 'response'])
      .where(
        'session_id',
        'in',
        sessions.map((s) => s.id),
      )
      .execute();
    const bySession = new Map<string, Map<number, ItemResponse>>();
    for (const a of answers) {
      let m = bySession.get(a.session_id);
      if (!m) bySession.set(a.session_id, (m = new Map()));
      m.set(a.no, JSON.parse(a.response) as ItemResponse);
    }
    const graded: Graded[] = [];
    const queue: ExamManualGradeTable[] = [];
    for (const s of sessions) {
      // A deadline finalisation is dated at the deadline: the attempt ended then, not when the sweep ran.
      const at = nowIso < s.deadline ? nowIso : s.deadline;
      const r = gradeAttempt(ctx, s, bySession.get(s.id) ?? new Map(), at);
      graded.push(r.graded);
      queue.push(...r.queue);
    }
    await bulkUpdate(trx, graded, by, nowIso);
    for (let i = 0; i < queue.length; i += 500)
      await trx
        .insertInto('exam_manual_grade')
        .values(queue.slice(i, i + 500))
        .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: by === 'examinee' ? 'exam.submit' : 'exam.finalise',
      objectType: 'exam_session',
      objectId: graded.length === 1 ? graded[0]!.id : undefined, // length checked
      detail: { finalisedBy: by, sessions: graded.length, examIds: [...new Set(sessions.map((s) => s.exam_id))] },
    });
    return graded;
  });
}

/** Finalises every matching session, batch after batch. Returns how many were finalised. */
export async function finaliseSessions(
  ctx: AppContext,
  sel: FinaliseSelection,
  by: FinalisedBy,
  actor: AuditActor = systemActor,
): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await finaliseBatch(ctx, sel, by, actor);
    total += done.length;
    if (done.length < FINALISE_BATCH) return total;
  }
}

/** Sessions of one exam past their deadline, finalised from their last autosave (on read). */
export const finaliseDueOf = (ctx: AppContext, examId: string): Promise<number> =>
  finaliseSessions(ctx, { examId, dueOnly: true }, 'deadline');

/** The periodic sweep: every session of every exam past its deadline. */
export const sweepDueSessions = (ctx: AppContext): Promise<number> => finaliseSessions(ctx, { dueOnly: true }, 'deadline');

/**
 * Grades an exam as a whole (the operation the benchmark times): finalises, in batches, every
 * attempt past its deadline — or, with `closeOpen`, every attempt still in progress (a proctor
 * ending the exam) — grading objective items from the last autosave.
 */
export async function gradeExam(
  ctx: AppContext,
  examId: string,
  opts: { closeOpen?: boolean; actor?: AuditActor } = {},
): Promise<{ finalised: number }> {
  const finalised = await finaliseSessions(
    ctx,
    { examId, dueOnly: !opts.closeOpen },
    opts.closeOpen ? 'proctor' : 'deadline',
    opts.actor ?? systemActor,
  );
  return { finalised };
}
