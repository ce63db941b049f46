import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import type { BareOptions } from '../bare.ts';

/**
 * The baseline of the portal burst, on a bare Fastify route through the raw driver: register =
 * the same Argon2id hash (same parameters as platform/auth/passwords.ts — a registration cannot
 * skip it) and one INSERT; apply = one INSERT guarded by the (applicant, announcement) unique
 * key, answering the existing row for a repeat. No captcha or code check, no field encryption or
 * blind index, no session row, no CSRF, no validation, no ID-number or requirement checks, no
 * audit, no helmet, no request log. The applicant is named by a header instead of a session.
 */
export const bareTablesSql = [
  `create table bench_bare_applicant (id varchar(36) primary key, phone varchar(20) not null unique, password_hash text not null, created_at varchar(32) not null)`,
  `create table bench_bare_application (id varchar(36) primary key, applicant_id varchar(36) not null, announcement_id varchar(36) not null,
     form text not null, created_at varchar(32) not null, unique (applicant_id, announcement_id))`,
];

const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function registerBarePortal(app: FastifyInstance, { db }: BareOptions): void {
  app.post('/bare/portal/register', async (request, reply) => {
    const body = request.body as { phone: string; password: string };
    const id = randomUUID();
    await db.all('insert into bench_bare_applicant (id, phone, password_hash, created_at) values (?, ?, ?, ?) returning id', [
      id,
      body.phone,
      await hash(body.password, argonOptions),
      new Date().toISOString(),
    ]);
    return reply.status(201).send({ applicant: { id } });
  });
  app.post('/bare/portal/applications', async (request, reply) => {
    const applicantId = String(request.headers['x-applicant']);
    const body = request.body as { announcementId: string };
    const inserted = await db.all<{ id: string }>(
      `insert into bench_bare_application (id, applicant_id, announcement_id, form, created_at) values (?, ?, ?, ?, ?)
       on conflict (applicant_id, announcement_id) do nothing returning id`,
      [randomUUID(), applicantId, body.announcementId, JSON.stringify(body), new Date().toISOString()],
    );
    if (inserted[0]) return reply.status(201).send({ id: inserted[0].id });
    const existing = await db.all<{ id: string }>('select id from bench_bare_application where applicant_id = ? and announcement_id = ?', [
      applicantId,
      body.announcementId,
    ]);
    return reply.status(201).header('idempotent-replayed', 'true').send({ id: existing[0]?.id });
  });
}
