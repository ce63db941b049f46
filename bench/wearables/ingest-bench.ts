/**
 * Wristband ingestion benchmark (see bench/wearables/README.md):
 *   node --import tsx bench/wearables/ingest-bench.ts [--quick] [--db sqlite|postgres|all]
 * 2,000 consenting officers (200 with --quick) with one device each send their readings in batches through the
 * platform's ingestion route (token, consent, validation, encryption, idempotent insert, alert
 * rules) and, in the same run on the same database, through a bare Fastify route that only
 * inserts the same rows. Every device also resends one batch. Afterwards each side must hold
 * exactly one row per (device, time, kind) sent: nothing lost, nothing duplicated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { systemActor } from '@zhenggong/server/platform/audit/audit-service';
import { makeOfficer, recordConsent } from '@zhenggong/server/modules/welfare/test-support';
import { registerDeviceFor } from '@zhenggong/server/modules/welfare/wearable-service';
import { createBenchDatabase } from '../db.ts';
import { benchOutputDir } from '../output-dir.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
/** The full run is the 2,000-device scenario; --quick keeps the smoke run under a minute on a quiet machine. */
const DEVICES = quick ? 200 : 2000;
const BATCHES = quick ? 1 : 2;
const PER_BATCH = quick ? 10 : 25;
const CONCURRENCY = 50;
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbArg = arg('db');
const dialects: Dialect[] =
  dbArg === 'all'
    ? ['sqlite', 'postgres']
    : dbArg === 'sqlite' || dbArg === 'postgres'
      ? [dbArg]
      : pgUrl
        ? ['sqlite', 'postgres']
        : ['sqlite'];
const log = (m: string) => console.log(`[wearable-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

interface Reading {
  kind: 'heart_rate' | 'steps';
  at: string;
  value: number;
}
/** Batch b of device d: resting heart rates (no alert) and steps, one reading a minute. */
function batchOf(d: number, b: number, start: number): Reading[] {
  const out: Reading[] = [];
  for (let i = 0; i < PER_BATCH; i++) {
    const minute = b * PER_BATCH + i;
    const at = new Date(start + minute * 60_000 + (d % 60) * 1000).toISOString();
    out.push(i % 5 === 4 ? { kind: 'steps', at, value: 40 + (d % 50) } : { kind: 'heart_rate', at, value: 60 + ((d + i) % 30) });
  }
  return out;
}

async function drive(url: string, jobs: { token: string; body: string }[], header: string) {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let j = next++; j < jobs.length; j = next++) {
        const job = jobs[j]!;
        const s = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [header]: job.token },
          body: job.body,
        });
        await res.arrayBuffer();
        if (!res.ok) failed += 1;
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  return { requests: jobs.length, failed, seconds: Math.round(seconds * 100) / 100, p50: pct(50), p99: pct(99) };
}

async function runOn(dialect: Dialect) {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  const config = loadConfig({ DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) }, { jobTickMs: 0 });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: bdb.dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const ctx = app.ctx;
    const root = await ctx.db
      .insertInto('org')
      .values({
        id: crypto.randomUUID(),
        code: null,
        name: '基准市局',
        short_name: null,
        type: 'city_bureau',
        is_unit: 1,
        parent_id: null,
        sort_order: 0,
        status: 'active',
        closed_at: null,
        city_code: config.cityCode,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.insertInto('org_closure').values({ ancestor_id: root.id, descendant_id: root.id, depth: 0 }).execute();
    log(`${dialect}: seeding ${DEVICES} consenting officers with a device each`);
    const tokens: string[] = [];
    for (let d = 0; d < DEVICES; d++) {
      const person = await makeOfficer(ctx, root.id, `基准民警${d}`, '2012-01-01');
      await recordConsent(ctx, person);
      tokens.push((await registerDeviceFor(ctx, systemActor, person, { serial: `BENCH-${d}` })).token);
    }
    await sql`create table bench_bare_reading (id varchar(36) primary key, device varchar(64) not null, kind varchar(16) not null, measured_at varchar(32) not null, value real not null, created_at varchar(32) not null, unique (device, measured_at, kind))`.execute(
      ctx.db,
    );
    // The baseline: the same rows through a bare route: no token hash or consent check, no validation, no encryption, no alert rules.
    const bare = Fastify({ logger: false, bodyLimit: 2 * 1_048_576 });
    bare.post('/bare/ingest', async (req) => {
      const device = String(req.headers['x-device']);
      const body = req.body as { readings: Reading[] };
      const now = new Date().toISOString();
      const rows = body.readings.map((r) => ({
        id: crypto.randomUUID(),
        device,
        kind: r.kind,
        measured_at: r.at,
        value: r.value,
        created_at: now,
      }));
      const inserted = await sql<{
        id: string;
      }>`insert into bench_bare_reading (id, device, kind, measured_at, value, created_at) values ${sql.join(
        rows.map((r) => sql`(${r.id}, ${r.device}, ${r.kind}, ${r.measured_at}, ${r.value}, ${r.created_at})`),
      )} on conflict (device, measured_at, kind) do nothing returning id`.execute(ctx.db);
      return { accepted: inserted.rows.length };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    await bare.listen({ host: '127.0.0.1', port: 0 });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/welfare/wearables/ingest`;
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare/ingest`;
    const start = Date.now() - 24 * 3_600_000;
    // Every batch once, then each device's first batch again (a gateway retry), interleaved.
    const jobs = (who: (d: number) => string) => {
      const list: { token: string; body: string }[] = [];
      for (let b = 0; b < BATCHES; b++)
        for (let d = 0; d < DEVICES; d++) list.push({ token: who(d), body: JSON.stringify({ readings: batchOf(d, b, start) }) });
      for (let d = 0; d < DEVICES; d++) list.push({ token: who(d), body: JSON.stringify({ readings: batchOf(d, 0, start) }) });
      return list;
    };
    const expected = DEVICES * BATCHES * PER_BATCH;
    log(`${dialect}: bare route`);
    const bareRun = await drive(
      bareUrl,
      jobs((d) => `BENCH-${d}`),
      'x-device',
    );
    log(`${dialect}: platform route`);
    const appRun = await drive(
      appUrl,
      jobs((d) => tokens[d]!),
      'x-device-token',
    );
    const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(ctx.db)).rows[0]!.n);
    const appRows = await count(sql<{ n: number }>`select count(*) as n from wearable_reading`);
    const appDistinct = await count(
      sql<{ n: number }>`select count(*) as n from (select distinct device_id, measured_at, kind from wearable_reading) x`,
    );
    const bareRows = await count(sql<{ n: number }>`select count(*) as n from bench_bare_reading`);
    const alerts = await count(sql<{ n: number }>`select count(*) as n from wearable_alert`);
    await app.close();
    await bare.close();
    const readingsPerSecond = (run: { seconds: number }) => Math.round((expected + DEVICES * PER_BATCH) / run.seconds);
    const result = {
      dialect,
      devices: DEVICES,
      batchesPerDevice: BATCHES + 1,
      readingsPerBatch: PER_BATCH,
      platform: { ...appRun, readingsPerSecond: readingsPerSecond(appRun) },
      bare: { ...bareRun, readingsPerSecond: readingsPerSecond(bareRun) },
      ratio: Math.round((readingsPerSecond(appRun) / readingsPerSecond(bareRun)) * 1000) / 1000,
      check: {
        expected,
        platformRows: appRows,
        platformDistinct: appDistinct,
        bareRows,
        alerts,
        lost: expected - appDistinct,
        duplicated: appRows - appDistinct,
      },
    };
    if (appRun.failed > 0 || bareRun.failed > 0 || appRows !== expected || appDistinct !== expected || bareRows !== expected) {
      throw new Error(`lost or duplicated readings: ${JSON.stringify(result)}`);
    }
    return result;
  } finally {
    await connection.close?.();
    await bdb.drop();
  }
}

const results = [];
for (const d of dialects) {
  const r = await runOn(d);
  log(
    `${d}: platform ${r.platform.readingsPerSecond} readings/s p99 ${r.platform.p99} ms · bare ${r.bare.readingsPerSecond} readings/s p99 ${r.bare.p99} ms · ratio ${r.ratio} · lost ${r.check.lost} duplicated ${r.check.duplicated}`,
  );
  results.push(r);
}
fs.mkdirSync(benchOutputDir, { recursive: true });
const file = path.join(benchOutputDir, quick ? 'wearables-quick.json' : 'wearables.json');
fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), quick, results }, null, 2)}\n`);
log(`wrote ${file}`);
