import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BareOptions } from '../bare.ts';

/**
 * The baseline of the voting burst: one bare Fastify route through the raw driver, one INSERT of
 * the ballot guarded by the (campaign, voter) unique key and one INSERT of its choice. No code
 * check, no blind index, no candidate check, no rate limit, no validation, no helmet, no log.
 */
export const bareVoteTablesSql = [
  `create table bench_bare_ballot (id varchar(36) primary key, campaign_id varchar(36) not null, voter varchar(40) not null,
     created_at varchar(32) not null, unique (campaign_id, voter))`,
  `create table bench_bare_choice (id varchar(36) primary key, ballot_id varchar(36) not null, candidate_id varchar(36) not null)`,
];

export function registerBareVotes(app: FastifyInstance, { db }: BareOptions): void {
  app.post('/bare/votes/:campaign', async (request, reply) => {
    const body = request.body as { phone: string; candidateIds: string[] };
    const campaign = (request.params as { campaign: string }).campaign;
    const id = randomUUID();
    const inserted = await db.all<{ id: string }>(
      'insert into bench_bare_ballot (id, campaign_id, voter, created_at) values (?, ?, ?, ?) on conflict (campaign_id, voter) do nothing returning id',
      [id, campaign, body.phone, new Date().toISOString()],
    );
    if (!inserted[0]) return reply.status(409).send({ error: { code: 'ALREADY_VOTED' } });
    await db.all('insert into bench_bare_choice (id, ballot_id, candidate_id) values (?, ?, ?) returning id', [
      randomUUID(),
      id,
      body.candidateIds[0],
    ]);
    return reply.status(201).send({ id });
  });
}
