import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { connect } from '../../db/connect.ts';
import { adminClient, createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import type { JobRunner } from './job-runner.ts';
import { currentSlot, nextSlotAt } from './job-schedule.ts';

const runs = (t: TestApp, job: string) => t.ctx.db.selectFrom('job_run').selectAll().where('job', '=', job).orderBy('created_at').execute();

describe('job schedules (Beijing time)', () => {
  it('cuts time into daily and monthly slots at Beijing wall-clock times', () => {
    const daily = { kind: 'daily', at: '07:30' } as const;
    // 2026-06-01 23:10 UTC is 06-02 07:10 in Beijing: before 07:30, so still the slot of 06-01.
    expect(currentSlot(daily, new Date('2026-06-01T23:10:00Z')).key).toBe('2026-06-01');
    expect(currentSlot(daily, new Date('2026-06-01T23:40:00Z')).key).toBe('2026-06-02');
    expect(nextSlotAt(daily, new Date('2026-06-01T23:40:00Z')).toISOString()).toBe('2026-06-02T23:30:00.000Z');
    const monthly = { kind: 'monthly', day: 1, at: '02:00' } as const;
    expect(currentSlot(monthly, new Date('2026-06-30T17:00:00Z')).key).toBe('2026-06');
    expect(currentSlot(monthly, new Date('2026-06-30T18:30:00Z')).key).toBe('2026-07');
    expect(nextSlotAt(monthly, new Date('2026-06-15T00:00:00Z')).toISOString()).toBe('2026-06-30T18:00:00.000Z');
  });
});

describe.each(dialects)('job runner on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  // Several app nodes share PostgreSQL (ADR 027); on SQLite two instances in one process share the
  // file and must wait for each other's write lock without stopping the event loop (db/connect.ts).
  it('runs a slot at most once with two app instances on one database', async () => {
    // A second instance: its own connection pool and runner, the same database.
    const connection = connect({ databaseUrl: t.databaseUrl, dataDir: t.dataDir });
    const other = await buildApp({ config: t.ctx.config, connection, clock: t.clock });
    await other.ready();
    try {
      let calls = 0;
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const define = (runner: JobRunner) =>
        runner.define({
          name: 'test.once',
          schedule: { kind: 'interval', everyMs: 60_000 },
          handler: async () => {
            calls++;
            await gate; // both instances tick while the first run is still in progress
          },
        });
      define(t.app.jobs);
      define(other.jobs);
      const ticks = [t.app.jobs.tick(), other.jobs.tick(), t.app.jobs.tick(), other.jobs.tick()];
      await new Promise((resolve) => setImmediate(resolve));
      release();
      await Promise.all(ticks);
      expect(calls).toBe(1);
      expect(await runs(t, 'test.once')).toHaveLength(1);
      t.clock.advance(60_000);
      await Promise.all([t.app.jobs.tick(), other.jobs.tick()]);
      expect(calls).toBe(2);
    } finally {
      await other.close();
      await connection.close();
    }
  });

  it('retries a failed run with exponential back-off, records each failure, and gives up after its attempts', async () => {
    let failuresLeft = 2;
    t.app.jobs.define({
      name: 'test.flaky',
      schedule: { kind: 'daily', at: '03:00' },
      maxAttempts: 3,
      backoffMs: 1000,
      handler: async () => {
        if (failuresLeft-- > 0) throw new Error(`upstream down (${failuresLeft})`);
        return { ok: true };
      },
    });
    await t.app.jobs.tick();
    expect(await runs(t, 'test.flaky')).toMatchObject([{ state: 'failed', attempt: 1, error: 'Error: upstream down (1)' }]);
    t.clock.advance(500);
    await t.app.jobs.tick();
    expect((await runs(t, 'test.flaky'))[0]).toMatchObject({ state: 'failed', attempt: 1 });
    t.clock.advance(600);
    await t.app.jobs.tick();
    const second = (await runs(t, 'test.flaky'))[0];
    expect(second).toMatchObject({ state: 'failed', attempt: 2, error: 'Error: upstream down (0)' });
    // The back-off doubled: 2 s after the second failure.
    expect(Date.parse(second?.next_attempt_at ?? '') - t.clock.now().getTime()).toBe(2000);
    t.clock.advance(2000);
    await t.app.jobs.tick();
    expect(await runs(t, 'test.flaky')).toMatchObject([{ state: 'succeeded', attempt: 3, error: null, result: '{"ok":true}' }]);

    t.app.jobs.define({
      name: 'test.broken',
      schedule: { kind: 'daily', at: '03:00' },
      maxAttempts: 2,
      backoffMs: 10,
      handler: async () => {
        throw new Error('always');
      },
    });
    await t.app.jobs.tick();
    t.clock.advance(10);
    await t.app.jobs.tick();
    t.clock.advance(1000);
    await t.app.jobs.tick();
    expect(await runs(t, 'test.broken')).toMatchObject([{ state: 'dead', attempt: 2, error: 'Error: always', next_attempt_at: null }]);
  });

  it('takes over a run whose instance died holding it, once its lease has passed', async () => {
    let calls = 0;
    t.app.jobs.define({ name: 'test.lease', schedule: { kind: 'daily', at: '04:00' }, leaseMs: 5000, handler: async () => void calls++ });
    const slot = currentSlot({ kind: 'daily', at: '04:00' }, t.clock.now()).key;
    const now = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto('job_run')
      .values({
        id: '01900000-0000-7000-8000-00000000dead',
        city_code: t.ctx.config.cityCode,
        job: 'test.lease',
        slot,
        state: 'running',
        attempt: 1,
        owner: 'killed-node',
        lease_until: new Date(t.clock.now().getTime() + 5000).toISOString(),
        next_attempt_at: null,
        started_at: now,
        finished_at: null,
        error: null,
        result: null,
        created_at: now,
      })
      .execute();
    await t.app.jobs.tick();
    expect(calls).toBe(0);
    t.clock.advance(5001);
    await t.app.jobs.tick();
    expect(calls).toBe(1);
    expect(await runs(t, 'test.lease')).toMatchObject([{ state: 'succeeded', attempt: 2, owner: t.app.jobs.owner }]);
  });

  it('lists the jobs to the system administrator and runs one now; others are refused', async () => {
    const sys = await adminClient(t, 'sysadmin');
    const list = await sys.get('/api/v1/system/jobs');
    expect(list.statusCode, list.body).toBe(200);
    const names = list.json().items.map((j: { name: string }) => j.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'exams.deadline-sweep',
        'recruitment.portal-cleanup',
        'auxiliary.contract-reminders',
        'platform.import-report-expiry',
      ]),
    );
    const ran = await sys.post('/api/v1/system/jobs/auxiliary.contract-reminders/run');
    expect(ran.statusCode, ran.body).toBe(200);
    expect(ran.json()).toMatchObject({
      name: 'auxiliary.contract-reminders',
      lastRun: { state: 'succeeded', slot: expect.stringMatching(/^manual:/) },
    });
    expect((await sys.post('/api/v1/system/jobs/no.such-job/run')).json().error.code).toBe('JOB_NOT_FOUND');
    const audit = await adminClient(t, 'auditadmin');
    expect((await audit.get('/api/v1/system/jobs')).statusCode).toBe(403);
  });
});
