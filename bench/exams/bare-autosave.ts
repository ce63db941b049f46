import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BareOptions } from '../bare.ts';

/**
 * The baseline of the exam autosave: the two statements an autosave cannot do without — find
 * the attempt by the hash of its token, then upsert the answer row keyed (attempt, item) — sent
 * through the raw driver on a bare Fastify route. No staff session, no CSRF check, no
 * permission, no deadline or status guard, no seq guard, no body validation, no helmet, no
 * request log. It writes to its own table (bench_bare_answer, same shape as exam_answer) so the
 * platform's saved answers can be checked afterwards.
 */
export const bareAnswerTableSql = [
  `create table bench_bare_answer (session_id varchar(36) not null, no integer not null, response text not null,
     seq integer not null, saved_at varchar(32) not null, primary key (session_id, no))`,
];

const sessionSql = 'select id from exam_session where token_hash = ?';
const upsertSql = `insert into bench_bare_answer (session_id, no, response, seq, saved_at) values (?, ?, ?, ?, ?)
  on conflict (session_id, no) do update set response = excluded.response, seq = excluded.seq, saved_at = excluded.saved_at
  returning saved_at`;

export function registerBareAutosave(app: FastifyInstance, { db }: BareOptions): void {
  // No database at all: how fast the load generator can drive this request shape. Far above the
  // bare route's rate, it shows the baseline measures the server, not the generator.
  app.put('/bare/noop/exams/:examId/answers/:no', async () => ({ savedAt: new Date().toISOString(), applied: true }));
  app.put('/bare/exams/:examId/answers/:no', async (request, reply) => {
    const token = request.headers['x-exam-session'];
    const { no } = request.params as { no: string };
    const body = request.body as { response: unknown; seq: number };
    const hash = createHash('sha256').update(String(token)).digest('hex');
    const session = (await db.all<{ id: string }>(sessionSql, [hash]))[0];
    if (!session) return reply.status(404).send({ error: 'no session' });
    const savedAt = new Date().toISOString();
    const rows = await db.all<{ saved_at: string }>(upsertSql, [session.id, Number(no), JSON.stringify(body.response), body.seq, savedAt]);
    return { savedAt: rows[0]?.saved_at ?? savedAt, applied: true };
  });
}
