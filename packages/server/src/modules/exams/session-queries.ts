import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { param, runHot } from '../../db/hot-query.ts';

/**
 * The examinee's hot path. Both statements are compiled once per dialect (runHot) and hit one
 * unique index each: the session by token hash, then the answer row by (session_id, no).
 */

const byToken = (db: Executor) =>
  db.selectFrom('exam_session').select(['id', 'exam_id', 'user_id', 'status', 'deadline', 'item_count']).where('token_hash', '=', param(0));

export async function sessionByToken(db: Executor, tokenHash: string) {
  return (await runHot(db, 'examSessionByToken', byToken, [tokenHash]))[0];
}

/**
 * Upserts one answer, atomically guarded: the row is written only while the session is in
 * progress and before its deadline (checked in the same statement, so a save racing the
 * deadline sweep cannot land after grading), and an existing row is replaced only by a newer
 * seq. On PostgreSQL the session row is key-share locked so a finalising transaction (FOR
 * UPDATE) and a save serialise. Returns the saved time, or undefined when nothing was written.
 */
const upsert = (forPostgres: boolean) => (db: Executor) => {
  let source = db
    .selectFrom('exam_session')
    .select([
      'id',
      sql<number>`cast(${param(1)} as integer)`.as('no'),
      sql<string>`cast(${param(2)} as text)`.as('response'),
      sql<number>`cast(${param(3)} as integer)`.as('seq'),
      sql<string>`cast(${param(4)} as varchar(32))`.as('saved_at'),
      sql<string>`cast(${param(5)} as varchar(6))`.as('city_code'),
    ])
    .where('id', '=', param(0))
    .where('status', '=', 'in_progress')
    .where('deadline', '>', param(4));
  if (forPostgres) source = source.forKeyShare();
  return db
    .insertInto('exam_answer')
    .columns(['session_id', 'no', 'response', 'seq', 'saved_at', 'city_code'])
    .expression(source)
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'no'])
        .doUpdateSet((eb) => ({
          response: eb.ref('excluded.response'),
          seq: eb.ref('excluded.seq'),
          saved_at: eb.ref('excluded.saved_at'),
        }))
        .where('exam_answer.seq', '<', (eb) => eb.ref('excluded.seq')),
    )
    .returning('saved_at');
};
const upsertSqlite = upsert(false);
const upsertPostgres = upsert(true);

export async function upsertAnswer(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  a: { sessionId: string; no: number; response: string; seq: number; savedAt: string; cityCode: string },
): Promise<string | undefined> {
  const rows = await runHot(db, `examAnswerUpsert:${dialect}`, dialect === 'postgres' ? upsertPostgres : upsertSqlite, [
    a.sessionId,
    a.no,
    a.response,
    a.seq,
    a.savedAt,
    a.cityCode,
  ]);
  return rows[0]?.saved_at;
}

const focusLoss = (db: Executor) =>
  db
    .updateTable('exam_session')
    .set((eb) => ({ focus_loss_count: eb('focus_loss_count', '+', 1) }))
    .where('id', '=', param(0))
    .where('status', '=', 'in_progress')
    .where('deadline', '>', param(1))
    .returning('focus_loss_count');

export async function countFocusLoss(db: Executor, sessionId: string, nowIso: string): Promise<boolean> {
  return (await runHot(db, 'examFocusLoss', focusLoss, [sessionId, nowIso])).length > 0;
}

export const answersOf = (db: Executor, sessionId: string) =>
  db.selectFrom('exam_answer').select(['no', 'response', 'seq', 'saved_at']).where('session_id', '=', sessionId).orderBy('no').execute();

export const sessionsOf = (db: Executor, examId: string, personId: string) =>
  db.selectFrom('exam_session').selectAll().where('exam_id', '=', examId).where('person_id', '=', personId).orderBy('attempt').execute();
