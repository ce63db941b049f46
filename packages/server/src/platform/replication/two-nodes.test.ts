import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { connect, type Connection } from '../../db/connect.ts';
import { importWorld, rosterFile, resultOf, upload, HEADERS } from '../../modules/personnel/import/import-test-support.ts';
import { makeOrg, makeUser } from '../../test-support/factories.ts';
import { createTestApp, type TestApp } from '../../test-support/test-app.ts';

/**
 * Several app nodes on one PostgreSQL behave as one (ADR 027): two app instances, each with its
 * own connection pool, job runner and rate-limit store, share sessions, lockouts, rate-limit
 * counts, job slots and import reports through the database.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two app nodes on one PostgreSQL', () => {
  let t: TestApp;
  let second: Connection;
  let nodeB: FastifyInstance;
  const LIMIT = 12;

  beforeAll(async () => {
    t = await createTestApp('postgres', { loginRateLimit: { max: LIMIT, windowMs: 60_000 } });
    second = connect({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    nodeB = await buildApp({ config: t.ctx.config, connection: second, clock: t.clock, checkResponses: true });
    await nodeB.ready();
  });
  afterAll(async () => {
    await nodeB?.close();
    await second?.close();
    await t?.close();
  });

  const loginOn = (app: FastifyInstance, username: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('a lockout reached through one node blocks login through the other, and both count one login rate limit', async () => {
    const org = await makeOrg(t.ctx, null, '甲市公安局');
    await makeUser(t.ctx, 'zhangsan', org, 'Right#Pass123');
    const nodes = [t.app, nodeB];
    // Five wrong passwords (LOCKOUT_MAX_FAILURES), alternating between the nodes.
    for (let i = 0; i < 4; i++) expect((await loginOn(nodes[i % 2] as FastifyInstance, 'zhangsan', 'wrong-password')).statusCode).toBe(401);
    expect((await loginOn(t.app, 'zhangsan', 'wrong-password')).json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    const right = await loginOn(nodeB, 'zhangsan', 'Right#Pass123');
    expect(right.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    // Six logins so far from this address; the rest of the budget alternates between the nodes.
    for (let i = 6; i < LIMIT; i++) expect((await loginOn(nodes[i % 2] as FastifyInstance, 'nobody', 'x')).statusCode).not.toBe(429);
    const over = await loginOn(t.app, 'nobody', 'x');
    expect(over.statusCode).toBe(429);
    expect((await loginOn(nodeB, 'nobody', 'x')).statusCode).toBe(429);
  });

  it('runs a scheduled slot once when both nodes tick at the same moment', async () => {
    let runs = 0;
    for (const app of [t.app, nodeB]) {
      app.jobs.define({
        name: 'test.once-per-slot',
        schedule: { kind: 'interval', everyMs: 3_600_000 },
        handler: async () => ({ run: ++runs }),
      });
    }
    await Promise.all([t.app.jobs.tick(), nodeB.jobs.tick(), t.app.jobs.tick(), nodeB.jobs.tick()]);
    expect(runs).toBe(1);
    const rows = await t.ctx.db.selectFrom('job_run').select(['owner', 'state']).where('job', '=', 'test.once-per-slot').execute();
    expect(rows).toEqual([expect.objectContaining({ state: 'succeeded' })]);
  });

  it('an import report made on one node is read through the other with the same session', async () => {
    await t.ctx.db.deleteFrom('rate_counter').execute(); // the previous test used up the login budget of this address
    const world = await importWorld(t);
    const file = await rosterFile(t, {
      headers: HEADERS,
      rows: [[1, '张伟', '33010219850315001X', '男', '1985-03-15', '汉族', '中共党员', '不存在的单位', null, null, null, '民警']],
    });
    const result = resultOf(await upload(world.importer, 'dry-run', file));
    expect(result.problemCount).toBeGreaterThan(0);
    const onB = await nodeB.inject({
      method: 'GET',
      url: `/api/v1/personnel/import/report?jobId=${result.jobId}`,
      headers: { cookie: world.importer.cookie },
    });
    expect(onB.statusCode).toBe(200);
    expect(onB.headers['content-type']).toContain('spreadsheetml');
  });
});
