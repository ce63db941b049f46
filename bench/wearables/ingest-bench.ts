/**
 * Wristband ingestion benchmark (see bench/wearables/README.md):
 *   node --import tsx bench/wearables/ingest-bench.ts [--quick] [--db sqlite|postgres|all]
 * 2,000 consenting officers (200 with --quick) with one device each send their readings in batches
 * through the platform's ingestion route (token, consent, validation, encryption, idempotent
 * insert, alert rules) and, in the same run on the same database, through a bare route that only
 * inserts the same rows. Each server runs in its own child process (bench/server.ts) and
 * autocannon drives both from this process; a no-op route of the bare server, driven the same way
 * in every round, shows the generator's own ceiling. Every device also resends its first batch.
 * Afterwards each side must hold exactly the (device, time, kind) rows sent: nothing lost,
 * nothing duplicated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { systemActor } from '@zhenggong/server/platform/audit/audit-service';
import { makeOfficer, recordConsent } from '@zhenggong/server/modules/welfare/test-support';
import { registerDeviceFor } from '@zhenggong/server/modules/welfare/wearable-service';
import { loadSlice, startChild, summarise, type ChildServer, type SliceResult } from '../children.ts';
import { createBenchDatabase } from '../db.ts';
import { buildFixture } from '../fixture.ts';
import { benchOutputDir } from '../output-dir.ts';
import { bareReadingTableSql } from './bare-ingest.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
/** The full run is the 2,000-device scenario; --quick keeps the smoke run short. */
const settings = {
  devices: quick ? 200 : 2000,
  /** Batches per device sent once each; then every device resends its first batch (a gateway retry). */
  batches: quick ? 1 : 2,
  perBatch: quick ? 10 : 25,
  connections: 50,
  /** Warm-up requests per side before the measured slices (not counted, on devices of their own). */
  warmupDevices: quick ? 50 : 100,
};
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
  for (let i = 0; i < settings.perBatch; i++) {
    const minute = b * settings.perBatch + i;
    const at = new Date(start + minute * 60_000 + (d % 60) * 1000).toISOString();
    out.push(i % 5 === 4 ? { kind: 'steps', at, value: 40 + (d % 50) } : { kind: 'heart_rate', at, value: 60 + ((d + i) % 30) });
  }
  return out;
}

interface Device {
  id: string;
  token: string;
}

/** Seeds consenting officers with a device each (measured devices, then the warm-up ones) and the bare table. */
async function seed(dialect: Dialect, dataDir: string, databaseUrl: string | undefined): Promise<Device[]> {
  if (databaseUrl) await synchronousCommit(databaseUrl, false);
  try {
    return await seedWith(dialect, dataDir, databaseUrl);
  } finally {
    if (databaseUrl) await synchronousCommit(databaseUrl, true);
  }
}

/** PostgreSQL: the seeding sessions commit without waiting for the disk; the servers measured afterwards do wait. */
async function synchronousCommit(databaseUrl: string, on: boolean) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  await client.query(on ? `alter database ${name} reset synchronous_commit` : `alter database ${name} set synchronous_commit = off`);
  await client.end();
}

async function seedWith(dialect: Dialect, dataDir: string, databaseUrl: string | undefined): Promise<Device[]> {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, { jobTickMs: 0 });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const ctx = app.ctx;
    const fixture = await buildFixture(ctx, { branches: 2, stationsPerBranch: 2, users: 0 });
    const total = settings.devices + settings.warmupDevices;
    log(`${dialect}: seeding ${total} consenting officers with a device each`);
    // Seeding only: commits without waiting for the disk (thousands of small transactions on a
    // loaded machine). The servers measured afterwards open their own connections with the usual settings.
    if (dialect === 'sqlite') await sql`pragma synchronous = off`.execute(ctx.db);
    const devices: Device[] = [];
    for (let d = 0; d < total; d++) {
      const person = await makeOfficer(ctx, fixture.scopeRootId, `基准民警${d}`, '2012-01-01');
      await recordConsent(ctx, person);
      devices.push(await registerDeviceFor(ctx, systemActor, person, { serial: `BENCH-${d}` }));
    }
    for (const s of bareReadingTableSql) await sql.raw(s).execute(ctx.db);
    await app.close();
    if (dialect === 'postgres') await sql`analyze`.execute(connection.db);
    return devices;
  } finally {
    await connection.close();
  }
}

type Target = 'platform' | 'bare' | 'noop';
const paths: Record<Target, string> = {
  platform: '/api/v1/welfare/wearables/ingest',
  bare: '/bare/wearables/ingest',
  noop: '/bare/noop/wearables/ingest',
};

interface Job {
  device: Device;
  body: string;
  readings: number;
}
interface Tally {
  accepted: number;
  duplicates: number;
  alerts: number;
  failures: string[];
}

/** One request per job, in order, over the connections; the platform gets the device's token, the bare route its id. */
function ingestRequest(target: Target, jobs: Job[], tally: Tally): autocannon.Request {
  let next = 0;
  return {
    method: 'POST',
    setupRequest: (req) => {
      const job = jobs[next++ % jobs.length]!;
      return {
        ...req,
        path: paths[target],
        headers: { 'content-type': 'application/json', 'x-device-token': target === 'platform' ? job.device.token : job.device.id },
        body: job.body,
      };
    },
    onResponse: (status, text) => {
      if (status !== 200) return void tally.failures.push(`${target} ${status} ${text.slice(0, 200)}`);
      const r = JSON.parse(text) as { accepted: number; duplicates: number; alerts: number };
      tally.accepted += r.accepted;
      tally.duplicates += r.duplicates;
      tally.alerts += r.alerts;
    },
  };
}

/** Each side must hold exactly the rows sent: every (device, time, kind) once, nothing else. */
async function verify(dataDir: string, databaseUrl: string | undefined, expected: Set<string>, warmup: Set<string>) {
  const connection = connect({ databaseUrl, dataDir });
  try {
    const check = async (table: 'wearable_reading' | 'bench_bare_reading') => {
      const rows = (
        await sql<{
          device_id: string;
          measured_at: string;
          kind: string;
        }>`select device_id, measured_at, kind from ${sql.table(table)}`.execute(connection.db)
      ).rows.filter((r) => !warmup.has(r.device_id));
      const keys = new Set(rows.map((r) => `${r.device_id}|${r.measured_at}|${r.kind}`));
      const lost = [...expected].filter((k) => !keys.has(k)).length;
      const extra = [...keys].filter((k) => !expected.has(k)).length;
      return { rows: rows.length, lost, duplicated: rows.length - keys.size, extra };
    };
    const alerts = Number((await sql<{ n: number }>`select count(*) as n from wearable_alert`.execute(connection.db)).rows[0]?.n ?? 0);
    return { expected: expected.size, platform: await check('wearable_reading'), bare: await check('bench_bare_reading'), alerts };
  } finally {
    await connection.close();
  }
}

async function runOn(dialect: Dialect) {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  try {
    const all = await seed(dialect, bdb.dataDir, bdb.databaseUrl);
    const measured = all.slice(0, settings.devices);
    const warm = all.slice(settings.devices);
    const env = { DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) };
    const servers: Record<'platform' | 'bare', ChildServer> = {
      platform: await startChild('platform', 'wearable-ingest', env),
      bare: await startChild('bare', 'wearable-ingest', env),
    };
    try {
      const start = Date.now() - 24 * 3_600_000;
      const jobOf = (device: Device, d: number, b: number): Job => {
        const readings = batchOf(d, b, start);
        return { device, body: JSON.stringify({ readings }), readings: readings.length };
      };
      // Slice 0..batches-1: every device's batch b; the last slice: every device's first batch again.
      const phases: Job[][] = [
        ...Array.from({ length: settings.batches }, (_, b) => measured.map((dev, d) => jobOf(dev, d, b))),
        measured.map((dev, d) => jobOf(dev, d, 0)),
      ];
      const expected = new Set<string>();
      for (let b = 0; b < settings.batches; b++)
        for (let d = 0; d < measured.length; d++)
          for (const r of batchOf(d, b, start)) expected.add(`${measured[d]!.id}|${r.at}|${r.kind}`);
      const tallies: Record<Target, Tally> = {
        platform: { accepted: 0, duplicates: 0, alerts: 0, failures: [] },
        bare: { accepted: 0, duplicates: 0, alerts: 0, failures: [] },
        noop: { accepted: 0, duplicates: 0, alerts: 0, failures: [] },
      };
      const slices: Record<Target, SliceResult[]> = { platform: [], bare: [], noop: [] };
      const serverOf = (t: Target) => (t === 'platform' ? servers.platform : servers.bare);
      const run = (t: Target, jobs: Job[], tally: Tally) =>
        loadSlice(serverOf(t), {
          connections: settings.connections,
          amount: jobs.length,
          timeoutSec: 120,
          request: ingestRequest(t, jobs, tally),
        });
      const warmJobs = warm.map((dev, d) => jobOf(dev, d, 0));
      for (const t of ['bare', 'platform', 'noop'] as const)
        await run(t, warmJobs, { accepted: 0, duplicates: 0, alerts: 0, failures: tallies[t].failures });
      for (const [r, jobs] of phases.entries()) {
        const order: Target[] = r % 2 === 0 ? ['bare', 'platform', 'noop'] : ['platform', 'bare', 'noop'];
        for (const t of order) {
          const s = await run(t, jobs, tallies[t]);
          if (s.errors > 0) throw new Error(`${dialect} ${t}: ${s.errors} socket errors or timeouts (${s.timeouts} timeouts)`);
          slices[t].push(s);
          log(`${dialect} ${t} slice ${r + 1}/${phases.length}: ${jobs.length} batches in ${s.seconds.toFixed(2)} s`);
        }
      }
      for (const t of ['platform', 'bare', 'noop'] as const)
        if (tallies[t].failures.length > 0)
          throw new Error(`${dialect} ${t}: ${tallies[t].failures.length} failures, e.g. ${tallies[t].failures.slice(0, 3).join(' | ')}`);
      await servers.platform.stop();
      await servers.bare.stop();
      const check = await verify(bdb.dataDir, bdb.databaseUrl, expected, new Set(warm.map((d) => d.id)));
      const resent = measured.length * settings.perBatch;
      const answers = (t: 'platform' | 'bare') => ({ accepted: tallies[t].accepted, duplicates: tallies[t].duplicates });
      const ok = (['platform', 'bare'] as const).every(
        (t) =>
          check[t].rows === expected.size &&
          check[t].lost === 0 &&
          check[t].duplicated === 0 &&
          check[t].extra === 0 &&
          tallies[t].accepted === expected.size &&
          tallies[t].duplicates === resent,
      );
      const readingsSent = phases.flat().reduce((n, j) => n + j.readings, 0);
      const perSec = (t: Target) => readingsSent / slices[t].reduce((n, s) => n + s.seconds, 0);
      const result = {
        db: dialect,
        devices: measured.length,
        batches: phases.flat().length,
        readingsSent,
        readingsPerSecond: { platform: perSec('platform'), bare: perSec('bare'), noop: perSec('noop') },
        ratio: perSec('platform') / perSec('bare'),
        bareOfNoop: perSec('bare') / perSec('noop'),
        platform: summarise(slices.platform),
        bare: summarise(slices.bare),
        noop: summarise(slices.noop),
        slices: Object.fromEntries(Object.entries(slices).map(([k, v]) => [k, v.map((s) => Number(s.seconds.toFixed(3)))])),
        answers: { platform: answers('platform'), bare: answers('bare') },
        check: { ...check, resent, ok },
      };
      log(
        `${dialect}: platform ${result.readingsPerSecond.platform.toFixed(0)} readings/s (p99 ${result.platform.p99.toFixed(0)} ms) · bare ${result.readingsPerSecond.bare.toFixed(0)} (p99 ${result.bare.p99.toFixed(0)} ms) · no-op ${result.readingsPerSecond.noop.toFixed(0)} · ratio ${result.ratio.toFixed(2)} · check ${JSON.stringify(check)}`,
      );
      if (!ok) throw new Error(`${dialect}: lost or duplicated readings: ${JSON.stringify({ check, answers: result.answers })}`);
      return result;
    } finally {
      await servers.platform.stop().catch(() => undefined);
      await servers.bare.stop().catch(() => undefined);
    }
  } finally {
    await bdb.drop();
  }
}

const loadAverageAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
const results = [];
for (const d of dialects) results.push({ loadAverageAtStart: Number(os.loadavg()[0]!.toFixed(2)), ...(await runOn(d)) });
const name = quick ? 'wearables-quick' : 'wearables';
fs.mkdirSync(benchOutputDir, { recursive: true });
fs.writeFileSync(
  path.join(benchOutputDir, `${name}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, loadAverageAtStart, settings, results }, null, 2)}\n`,
);
const f = (n: number) => n.toFixed(0);
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const md = [
  `# Wristband ingestion (${new Date().toISOString().slice(0, 10)}, ${quick ? 'quick' : 'full'})`,
  '',
  `${settings.devices} devices, each with a consenting officer; ${settings.connections} connections; batches of ${settings.perBatch} readings (heart rate and steps). Slices per side, alternating: ${settings.batches} of every device's next batch, then one of every device's first batch again (a gateway retry: all duplicates). Platform = \`POST /api/v1/welfare/wearables/ingest\` (token hash, consent, validation, encryption, idempotent insert, alert rules, one transaction); bare = one \`insert … on conflict do nothing\` of the same rows through the raw driver (bench/wearables/bare-ingest.ts); no-op = a route of the bare server without a database, driven by the same generator in every round (the generator's ceiling). Each server in its own child process. Load average at start: ${loadAverageAtStart.join(' / ')} (1/5/15 min) on ${os.cpus().length} cores.`,
  '',
  '| db | load avg | readings sent | readings/s platform | bare | ratio | no-op (bare ÷ no-op) | request p50/p99 ms platform | bare | server CPU µs/batch platform | bare | rows stored platform / bare | lost | duplicated | resent readings answered as duplicates |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.db} | ${r.loadAverageAtStart} | ${r.readingsSent} | ${f(r.readingsPerSecond.platform)} | ${f(r.readingsPerSecond.bare)} | **${r.ratio.toFixed(2)}** | ${f(r.readingsPerSecond.noop)} (${r.bareOfNoop.toFixed(2)}) | ${ms(r.platform.p50)}/${ms(r.platform.p99)} | ${ms(r.bare.p50)}/${ms(r.bare.p99)} | ${f(r.platform.cpuUsPerRequest)} | ${f(r.bare.cpuUsPerRequest)} | ${r.check.platform.rows} / ${r.check.bare.rows} of ${r.check.expected} | ${r.check.platform.lost + r.check.bare.lost} | ${r.check.platform.duplicated + r.check.bare.duplicated} | ${r.answers.platform.duplicates} / ${r.answers.bare.duplicates} of ${r.check.resent} |`,
  ),
  '',
  'Readings/s count every reading sent, resends included, over the measured slices. The check compares the stored (device, time, kind) keys of each side with the set sent (lost, duplicated: platform + bare) and the answers: every first sending accepted, every resent reading answered as a duplicate (platform / bare).',
  '',
].join('\n');
fs.writeFileSync(path.join(benchOutputDir, `${name}.md`), md);
console.log(md);
process.exit(0);
