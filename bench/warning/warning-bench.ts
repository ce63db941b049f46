/**
 * Early-warning benchmark (队伍质态研判): the monthly job at N people and the leaders' cockpit
 * under load, each beside a baseline in the same run on the same database.
 *
 *   node --import tsx bench/warning/warning-bench.ts [--people 10000,200000] [--db sqlite|postgres|all] [--quick]
 *   npm run bench -- --case warning [--quick]
 *
 * For each database and size: the city (100 orgs) with N people from the platform's generator
 * and a year of the facts the indicators read, written into the real tables (recorded facts
 * through the module's intake, training through personnel's face, awards and discipline lines),
 * deterministic for a seed. Then, each in its own process (seconds and its own peak RSS):
 *
 * - **bare** — the indicators' raw figures by one grouped SQL statement per source (warning-child.ts);
 * - **job** — the monthly job through the job runner, as the platform runs it on the 1st.
 *
 * Both must give the same sums of three indicators. At the largest size a third of the open
 * alerts are then taken up (处置中) and the cockpit, `GET /api/v1/warning/cockpit` as a city-wide
 * user over real HTTP, is loaded with autocannon against a bare Fastify route reading the same
 * snapshot (bare-cockpit.ts), each server in its own child process, after a same-body check.
 *
 * --keep: leave the databases in place and print where they are.
 * --quick: 1,000 people, SQLite only unless --db says otherwise, short load rounds.
 * Writes bench/.artifacts/warning.{json,md} (quick: quick-warning.*).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { addMonthEnds, ewMonthIndex, monthEndOfIndex, type FactKind } from '@zhenggong/core';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import type { AppContext } from '@zhenggong/server/platform/context';
import { newId } from '@zhenggong/server/platform/ids';
import { makeRole, makeUser } from '@zhenggong/server/test-support/factories';
import { addTrainingRecords, allPeople, ON_FORCE_STATUSES, today, type TrainingRecord } from '@zhenggong/server/modules/personnel/people';
import { recordFacts, type RecordedFact } from '@zhenggong/server/modules/warning/fact-intake';
import { mulberry32 } from '@zhenggong/server/modules/warning/backtest-test-support';
import { loadSlice, startChild, summarise, type ChildServer, type SliceResult } from '../children.ts';
import { createBenchDatabase } from '../db.ts';
import { buildFixture } from '../fixture.ts';
import { benchOutputDir } from '../output-dir.ts';
import type { WarningChecks } from './warning-child.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
/** --keep: leave each seeded database in place (for profiling the job or the cockpit by hand). */
const keep = process.argv.includes('--keep');
const sizes = (arg('people') ?? (quick ? '1000' : '10000,200000')).split(',').map(Number);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbArg = arg('db');
const dialects: Dialect[] =
  dbArg === 'sqlite' || dbArg === 'postgres' ? [dbArg] : dbArg === 'all' || (!quick && pgUrl) ? ['sqlite', 'postgres'] : ['sqlite'];
const load = { connections: 10, warmupSec: quick ? 1 : 3, rounds: quick ? 2 : 5, roundSec: quick ? 1 : 2 };
const SEED = 20261207;
const CITY_USER = 'bench-cockpit';
const CITY_PASSWORD = 'Bench#Cockpit2026';
const f2 = (n: number) => n.toFixed(2);
const log = (m: string) => console.log(`[warning-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

interface Measured {
  op: string;
  seconds: number;
  maxRssMiB: number;
  people: number;
  checks: WarningChecks;
  summary?: Record<string, unknown>;
}

/** A year of the facts the indicators read, for everyone on the force up to the month end `asOf`; the same seed writes the same facts. */
async function seedFacts(ctx: AppContext, asOf: string): Promise<number> {
  const rnd = mulberry32(SEED);
  // Ids are UUIDv7, so their order is the order the generator wrote the people in.
  const people = await allPeople(ctx.db).where('status', 'in', ON_FORCE_STATUSES).orderBy('id').execute();
  const last = ewMonthIndex(asOf);
  const day = (m: number, d: number) => `${monthEndOfIndex(m).slice(0, 8)}${String(d).padStart(2, '0')}`;
  const now = ctx.clock.now().toISOString();
  let written = 0;
  for (let i = 0; i < people.length; i += 5000) {
    const facts: RecordedFact[] = [];
    const training: TrainingRecord[] = [];
    const awards: {
      id: string;
      person_id: string;
      date: string;
      name: string;
      level: string;
      issuer: string;
      city_code: string;
      created_at: string;
    }[] = [];
    const discipline: {
      id: string;
      person_id: string;
      date: string;
      kind: string;
      reason: null;
      end_date: string;
      city_code: string;
      created_at: string;
    }[] = [];
    for (const p of people.slice(i, i + 5000)) {
      const add = (kind: FactKind, date: string, value: number, knownDate = date) =>
        facts.push({ personId: p.id, kind, eventDate: date, knownDate, value });
      const usual = 10 + rnd() * 45;
      const ability = 65 + rnd() * 30;
      const leaveRate = 0.2 + rnd() * 0.6;
      const consent = rnd() < 0.6;
      if (consent) add('wearable_consent', '2025-01-01', 1);
      for (let m = last - 11; m <= last; m++) {
        // The month's overtime sheet is closed on the 28th; exams each quarter, known three days later.
        add('overtime', day(m, 28), Math.round(Math.max(0, usual + 8 * (rnd() - 0.5)) * 10) / 10);
        if (m % 3 === 0) add('exam_score', day(m, 15), Math.round(Math.min(100, ability + 10 * (rnd() - 0.5)) * 10) / 10, day(m, 18));
        if (rnd() < leaveRate) add('leave_taken', day(m, 20), 1 + Math.floor(rnd() * 4));
        if (rnd() < 0.04) add('complaint', day(m, 1 + Math.floor(rnd() * 27)), 1);
        if (consent && rnd() < 0.03) add('wearable_alert', day(m, 5), 1);
        if (rnd() < 0.02) add('care_contact', day(m, 12), 1);
        if (m % 3 === 1)
          training.push({ personId: p.id, date: day(m, 8), course: '全警实战大练兵', hours: 4 + Math.floor(rnd() * 8), organizer: null });
        if (rnd() < 0.02)
          awards.push({
            id: newId(),
            person_id: p.id,
            date: day(m, 25),
            name: '嘉奖',
            level: '嘉奖',
            issuer: '示例市公安局',
            city_code: ctx.config.cityCode,
            created_at: now,
          });
        if (rnd() < 0.004)
          discipline.push({
            id: newId(),
            person_id: p.id,
            date: day(m, 10),
            kind: '警告',
            reason: null,
            end_date: day(m + 6, 10),
            city_code: ctx.config.cityCode,
            created_at: now,
          });
      }
    }
    await ctx.db.transaction().execute(async (trx) => {
      await recordFacts(trx, ctx, facts);
      await addTrainingRecords(trx, ctx, training);
      for (let j = 0; j < awards.length; j += 500)
        await trx
          .insertInto('person_award')
          .values(awards.slice(j, j + 500))
          .execute();
      for (let j = 0; j < discipline.length; j += 500)
        await trx
          .insertInto('person_discipline')
          .values(discipline.slice(j, j + 500))
          .execute();
    });
    written += facts.length + training.length + awards.length + discipline.length;
  }
  return written;
}

function runChild(op: string, dataDir: string, databaseUrl: string | undefined, asOf: string): Measured {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'warning-child.ts'), op, dataDir, databaseUrl ?? '', asOf],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string) as Measured;
}

interface CockpitSide {
  reqPerSec: number;
  requests: number;
  p50: number;
  p99: number;
  cpuUsPerRequest: number;
  peakRssMiB: number;
}

/** The cockpit under load: platform and bare servers in child processes, alternating rounds, after a same-body check. */
async function loadCockpit(
  dataDir: string,
  databaseUrl: string | undefined,
  rootId: string,
): Promise<{ platform: CockpitSide; bare: CockpitSide; interventionsOpen: number }> {
  const env = { DATA_DIR: dataDir, JOB_TICK_MS: '0', BENCH_SCOPE_ROOT: rootId, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const servers: ChildServer[] = [];
  try {
    const platform = await startChild('platform', 'warning-cockpit', env);
    servers.push(platform);
    const bare = await startChild('bare', 'warning-cockpit', env);
    servers.push(bare);
    const res = await fetch(`http://127.0.0.1:${platform.port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: CITY_USER, password: CITY_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`cockpit login failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.getSetCookie().find((c) => c.startsWith('zg_sid=')) ?? '').split(';')[0] as string;
    const platformPath = '/api/v1/warning/cockpit';
    const barePath = '/bare/warning/cockpit';
    const platformBody = await (await fetch(`http://127.0.0.1:${platform.port}${platformPath}`, { headers: { cookie } })).json();
    const bareBody = await (await fetch(`http://127.0.0.1:${bare.port}${barePath}`)).json();
    if (!isDeepStrictEqual(platformBody, bareBody))
      throw new Error(
        `the bare cockpit answers differently:\nplatform ${JSON.stringify(platformBody)}\nbare     ${JSON.stringify(bareBody)}`,
      );
    const sides = [
      { server: platform, request: { method: 'GET' as const, path: platformPath, headers: { cookie } } },
      { server: bare, request: { method: 'GET' as const, path: barePath } },
    ];
    for (const s of sides) await loadSlice(s.server, { connections: load.connections, seconds: load.warmupSec, request: s.request });
    const slices: SliceResult[][] = [[], []];
    for (let r = 0; r < load.rounds; r++)
      for (const [k, s] of sides.entries()) {
        const slice = await loadSlice(s.server, { connections: load.connections, seconds: load.roundSec, request: s.request });
        if (slice.ok !== slice.requests || slice.errors > 0)
          throw new Error(`cockpit: ${slice.requests - slice.ok} non-2xx, ${slice.errors} errors`);
        slices[k]?.push(slice);
      }
    const side = async (k: number): Promise<CockpitSide> => {
      const s = summarise(slices[k] ?? []);
      const usage = await sides[k]!.server.stop();
      return {
        reqPerSec: s.perSec,
        requests: s.requests,
        p50: s.p50,
        p99: s.p99,
        cpuUsPerRequest: s.cpuUsPerRequest,
        peakRssMiB: usage ?? NaN,
      };
    };
    const p = await side(0);
    const b = await side(1);
    return { platform: p, bare: b, interventionsOpen: (platformBody as { interventionsOpen: number }).interventionsOpen };
  } finally {
    for (const s of servers) await s.stop();
  }
}

interface JobRow {
  dialect: Dialect;
  people: number;
  op: string;
  seconds: number;
  maxRssMiB: number;
  ratio: number;
}
interface CockpitRow {
  dialect: Dialect;
  people: number;
  interventionsOpen: number;
  platform: CockpitSide;
  bare: CockpitSide;
}

const startLoad = os.loadavg()[0] ?? 0;
const jobRows: JobRow[] = [];
const cockpitRows: CockpitRow[] = [];
const fixtures: Record<string, unknown>[] = [];
for (const dialect of dialects) {
  for (const people of sizes) {
    const bdb = await createBenchDatabase(dialect, pgUrl);
    try {
      const config = loadConfig({ DATA_DIR: bdb.dataDir, JOB_TICK_MS: '0', ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) });
      const connection = connect({ databaseUrl: config.databaseUrl, dataDir: bdb.dataDir });
      await migrateToLatest(connection.db);
      const app = await buildApp({ config, connection, logger: false });
      const ctx = app.ctx;
      const t0 = performance.now();
      await buildFixture(ctx, { branches: 12, stationsPerBranch: 5, users: 0 });
      const { seedDemoPeople } = await import('@zhenggong/server/modules/personnel/demo/demo-people');
      await seedDemoPeople(ctx, { people });
      const peopleSeconds = (performance.now() - t0) / 1000;
      // The job computes the month just ended, as on the 1st of a month.
      const asOf = addMonthEnds(today(ctx), -1);
      const facts = await seedFacts(ctx, asOf);
      const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
      const role = await makeRole(ctx, 'bench-cockpit', ['warning:cockpit'], 'all');
      await makeUser(ctx, CITY_USER, root.id, CITY_PASSWORD, [role]);
      if (dialect === 'postgres') await sql`vacuum (analyze)`.execute(connection.db);
      const seedSeconds = (performance.now() - t0) / 1000;
      log(
        `${dialect} ${people} people seeded in ${peopleSeconds.toFixed(1)} s, ${facts} facts by ${seedSeconds.toFixed(1)} s (as of ${asOf})`,
      );
      await app.close();
      await connection.close();

      const bare = runChild('bare', bdb.dataDir, bdb.databaseUrl, asOf);
      log(`${dialect} ${people} bare: ${bare.seconds.toFixed(2)} s, peak RSS ${bare.maxRssMiB} MiB, ${bare.people} people`);
      const job = runChild('job', bdb.dataDir, bdb.databaseUrl, asOf);
      log(`${dialect} ${people} job: ${job.seconds.toFixed(2)} s, peak RSS ${job.maxRssMiB} MiB, ${JSON.stringify(job.summary)}`);
      if (!isDeepStrictEqual(job.checks, bare.checks) || job.people !== bare.people)
        throw new Error(
          `job and bare disagree: job ${job.people} ${JSON.stringify(job.checks)}, bare ${bare.people} ${JSON.stringify(bare.checks)}`,
        );
      jobRows.push({ dialect, people, op: 'bare', seconds: bare.seconds, maxRssMiB: bare.maxRssMiB, ratio: 1 });
      jobRows.push({ dialect, people, op: 'job', seconds: job.seconds, maxRssMiB: job.maxRssMiB, ratio: job.seconds / bare.seconds });
      fixtures.push({ dialect, people, onForce: job.people, facts, asOf, seedSeconds, checks: job.checks, summary: job.summary });

      if (people === Math.max(...sizes)) {
        // Alerts being handled (处置中): every third open alert taken up, as after a week of work.
        const c2 = connect({ databaseUrl: config.databaseUrl, dataDir: bdb.dataDir });
        const open = await c2.db.selectFrom('ew_alert').select('id').where('status', '=', 'new').orderBy('id').execute();
        const taken = open.filter((_, i) => i % 3 === 0).map((a) => a.id);
        for (let i = 0; i < taken.length; i += 500)
          await c2.db
            .updateTable('ew_alert')
            .set({ status: 'assigned' })
            .where('id', 'in', taken.slice(i, i + 500))
            .execute();
        // A third of the table's rows changed: autovacuum would vacuum it (20 % threshold), which
        // also marks its pages all-visible so counts can stay inside an index.
        if (dialect === 'postgres') await sql`vacuum (analyze) ew_alert`.execute(c2.db);
        await c2.close();
        const c = await loadCockpit(bdb.dataDir, bdb.databaseUrl, root.id);
        if (c.interventionsOpen !== taken.length)
          throw new Error(`cockpit shows ${c.interventionsOpen} being handled, ${taken.length} were taken up`);
        log(
          `${dialect} ${people} cockpit: p99 ${f2(c.platform.p99)} ms vs bare ${f2(c.bare.p99)} ms, ${c.platform.reqPerSec.toFixed(0)} vs ${c.bare.reqPerSec.toFixed(0)} req/s`,
        );
        cockpitRows.push({ dialect, people, ...c });
      }
    } finally {
      if (keep) log(`kept the database: DATA_DIR=${bdb.dataDir}${bdb.databaseUrl ? ` DATABASE_URL=${bdb.databaseUrl}` : ''}`);
      else await bdb.drop();
    }
  }
}

fs.mkdirSync(benchOutputDir, { recursive: true });
const name = quick ? 'quick-warning' : 'warning';
const date = new Date().toISOString();
fs.writeFileSync(
  path.join(benchOutputDir, `${name}.json`),
  JSON.stringify(
    {
      date,
      machine: {
        cpus: os.cpus().length,
        memoryBytes: os.totalmem(),
        node: process.version,
        loadAverageAtStart: startLoad,
        loadAverageAtEnd: os.loadavg()[0],
      },
      settings: { sizes, dialects, ...load, seed: SEED },
      fixtures,
      job: jobRows,
      cockpit: cockpitRows,
    },
    null,
    2,
  ),
);
const md = [
  `# Early warning: the monthly job and the cockpit (${date.slice(0, 10)}, load average ${f2(startLoad)} at start, ${f2(os.loadavg()[0] ?? 0)} at end, ${os.cpus().length} cores)`,
  '',
  '## Monthly job (seconds and peak RSS of the process doing the work)',
  '',
  '| db | people | operation | seconds | × bare | peak RSS MiB |',
  '|---|---:|---|---:|---:|---:|',
  ...jobRows.map((r) => `| ${r.dialect} | ${r.people} | ${r.op} | ${f2(r.seconds)} | ${r.ratio.toFixed(1)} | ${r.maxRssMiB} |`),
  '',
  `## Cockpit, \`GET /api/v1/warning/cockpit\` city-wide (${load.connections} connections, ${load.rounds} × ${load.roundSec} s a side; goal p99 ≤ 100 ms)`,
  '',
  '| db | people | 处置中 | p50 ms | p99 ms | bare p99 ms | p99 × bare | req/s | bare req/s | CPU µs/req | bare CPU µs/req | peak RSS MiB | bare peak RSS MiB |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...cockpitRows.map(
    (r) =>
      `| ${r.dialect} | ${r.people} | ${r.interventionsOpen} | ${f2(r.platform.p50)} | ${f2(r.platform.p99)} | ${f2(r.bare.p99)} | ${f2(r.platform.p99 / r.bare.p99)} | ${r.platform.reqPerSec.toFixed(0)} | ${r.bare.reqPerSec.toFixed(0)} | ${r.platform.cpuUsPerRequest.toFixed(0)} | ${r.bare.cpuUsPerRequest.toFixed(0)} | ${r.platform.peakRssMiB} | ${r.bare.peakRssMiB} |`,
  ),
  '',
].join('\n');
fs.writeFileSync(path.join(benchOutputDir, `${name}.md`), md);
console.log(md);
