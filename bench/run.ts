/**
 * Benchmark harness: `npm run bench` (full) or `npm run bench -- --quick` (CI smoke).
 * See bench/README.md for what is measured, the options and the results file.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { firstDifference } from '@zhenggong/server/platform/http/response-check';
import { benchCases, type BenchCase } from './bare.ts';
import { createBenchDatabase, type BenchDatabase } from './db.ts';
import { BENCH_PASSWORD, BENCH_USERNAME, buildFixture, seedPeople, type Fixture } from './fixture.ts';
import { runLayers } from './layers.ts';
import { summariseProfiles } from './profile.ts';
import { serverNodeFlags } from '@zhenggong/server/node-flags';
import { benchOutputDir } from './output-dir.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = benchOutputDir;

// ---------------------------------------------------------------------------------------------
// Options

const usage = `usage: npm run bench -- [--quick] [--db sqlite|postgres|all] [--case ${Object.keys(benchCases).join('|')}|search|replication|cadres|assessment|warning[,…]] [--people N[,N…]] [--profile] [--no-log]
  --quick    2 s runs, writes bench/.artifacts/quick.{json,md} (full: 10 s runs, latest.{json,md}; bench:accept copies them to results/)
  --db       default: sqlite, plus postgres when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
  --case     default: scoped-list (quick: scoped-list,search); search = person-search,person-filter
  --people   people seeded for the person-* cases, one database each (default 10000,200000; quick 1000)
  --profile  CPU-profile both servers and print where their time goes (.artifacts/profiles/, not committed)
  --no-log   run the platform without its request log (main.ts logs every request at level info)
  --layers   no load: time each layer of one scoped-list request (session, scope, service, pipeline)`;

function parseArgs(argv: string[]) {
  const opts = {
    quick: false,
    profile: false,
    layers: false,
    log: true,
    db: undefined as string | undefined,
    caseName: undefined as string | undefined,
    people: undefined as string | undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes('=') ? (a.split('=', 2) as [string, string]) : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === '--quick') opts.quick = true;
    else if (flag === '--profile') opts.profile = true;
    else if (flag === '--no-log') opts.log = false;
    else if (flag === '--layers') opts.layers = true;
    else if (flag === '--db') opts.db = value();
    else if (flag === '--case') opts.caseName = value();
    else if (flag === '--people') opts.people = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    } else fail(`unknown option ${a}`);
  }
  return opts;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n${usage}`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
// The cadres, assessment and warning cases measure computations (warning also its cockpit under load): each its own script, in a child process.
if (opts.caseName === 'cadres' || opts.caseName === 'assessment' || opts.caseName === 'warning') {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(benchDir, `${opts.caseName}/${opts.caseName}-bench.ts`),
      ...(opts.quick ? ['--quick'] : []),
      ...(opts.db ? ['--db', opts.db] : []),
      ...(opts.people ? ['--people', opts.people] : []),
    ],
    { stdio: 'inherit' },
  );
  process.exit(0);
}
const caseNames = (opts.caseName ?? (opts.quick ? 'scoped-list,search' : 'scoped-list'))
  .split(',')
  .flatMap((n) => (n === 'search' ? ['person-search', 'person-filter'] : [n.trim()]));
// `replication` is a scenario of its own (three PostgreSQL clusters, no HTTP): bench/replication/.
const withReplication = caseNames.includes('replication');
const cases: BenchCase[] = caseNames.filter((n) => n !== 'replication').map((n) => benchCases[n] ?? fail(`unknown case ${n}`));
const peopleSizes: number[] = (opts.people ?? (opts.quick ? '1000' : '10000,200000')).split(',').map((n) => {
  const v = Number(n.replace(/_/g, ''));
  return Number.isInteger(v) && v > 0 ? v : fail(`bad --people ${n}`);
});
/** 10000 → "10k", 1000 → "1k", 1500 → "1500". */
const sizeLabel = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dialects: Dialect[] =
  opts.db === undefined
    ? pgUrl
      ? ['sqlite', 'postgres']
      : ['sqlite']
    : opts.db === 'all'
      ? ['sqlite', 'postgres']
      : opts.db === 'sqlite' || opts.db === 'postgres'
        ? [opts.db]
        : fail(`unknown --db ${opts.db}`);
if (dialects.includes('postgres') && !pgUrl) fail('PostgreSQL needs BENCH_DATABASE_URL or TEST_DATABASE_URL');

const settings = {
  mode: opts.quick ? 'quick' : 'full',
  connections: 10,
  /** Measured seconds per server, split into alternating rounds. */
  durationSec: opts.quick ? 2 : 10,
  rounds: opts.quick ? 2 : 5,
  warmupSec: opts.quick ? 1 : 3,
  platformRequestLog: opts.log ? 'info' : 'off',
} as const;

// ---------------------------------------------------------------------------------------------
// Servers under load (child processes, see server.ts)

interface Usage {
  cpuUs: number;
  maxRssKb: number;
  queries: number;
}

interface Server {
  readonly target: 'platform' | 'bare';
  readonly port: number;
  /** RSS once listening, before any request: what loading the code and data costs. */
  readonly rssAtReadyKb: number;
  usage(): Promise<Usage>;
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  stop(): Promise<Usage>;
}

const children = new Set<ChildProcess>();

async function startServer(target: 'platform' | 'bare', bdb: BenchDatabase, fixture: Fixture, benchCase: BenchCase): Promise<Server> {
  // A fixed environment, so the server's configuration does not depend on the caller's shell.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...(process.env.NODE_ENV ? { NODE_ENV: process.env.NODE_ENV } : {}),
    BENCH_TARGET: target,
    BENCH_CASE: benchCase.name,
    BENCH_SCOPE_ROOT: fixture.scopeRootId,
    BENCH_LOG: settings.platformRequestLog,
    BENCH_COUNT_QUERIES: opts.profile ? '1' : '0',
    DATA_DIR: bdb.dataDir,
    ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}),
  };
  const child = fork(path.join(benchDir, 'server.ts'), [], {
    env,
    // Both sides run with the server's V8 flags: the baseline measures the same runtime.
    execArgv: [...serverNodeFlags, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const request = <T>(type: string, reply: string, extra: object = {}) =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${target} server has exited`));
      const onExit = (code: number | null) => reject(new Error(`${target} server exited (${code}) before answering ${type}`));
      child.once('exit', onExit);
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== reply) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      child.on('message', onMessage);
      if (type) child.send({ type, ...extra });
    });
  const ready = await request<{ port: number; rssKb: number }>('', 'ready');
  const toUsage = (m: { cpuUs: number; maxRssKb: number; queries: number }): Usage => ({
    cpuUs: m.cpuUs,
    maxRssKb: m.maxRssKb,
    queries: m.queries,
  });
  return {
    target,
    port: ready.port,
    rssAtReadyKb: ready.rssKb,
    usage: async () => toUsage(await request('usage', 'usage')),
    profileStart: async () => void (await request('profile-start', 'profiling')),
    profileStop: async (file) => void (await request('profile-stop', 'profiled', { file })),
    stop: async () => {
      const last = toUsage(await request('stop', 'stopped'));
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      return last;
    },
  };
}

async function login(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USERNAME, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`benchmark login failed: ${res.status} ${await res.text()}`);
  const sid = res.headers.getSetCookie().find((c) => c.startsWith('zg_sid='));
  if (!sid) throw new Error('login set no zg_sid cookie');
  return sid.split(';')[0] as string;
}

async function getJson(port: number, urlPath: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

// ---------------------------------------------------------------------------------------------
// Load

interface Measured {
  reqPerSec: number;
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  meanLatency: number;
  cpuUsPerRequest: number;
  peakRssMiB: number;
  rssAtReadyMiB: number;
  queriesPerRequest: number | null;
}

interface Side {
  readonly server: Server;
  readonly urlPath: string;
  readonly headers: Record<string, string>;
}

interface Slice {
  requests: number;
  seconds: number;
  latencies: number[];
  cpuUs: number;
}

/** One autocannon run against one server; every response's latency is kept for exact percentiles. */
async function slice(side: Side, seconds: number): Promise<Slice> {
  const before = await side.server.usage();
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${side.server.port}${side.urlPath}`,
        connections: settings.connections,
        duration: seconds,
        headers: side.headers,
      },
      (error: unknown, r: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(r)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const after = await side.server.usage();
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(
      `${side.urlPath}: ${result.non2xx} non-2xx responses and ${result.errors} errors under load — the numbers would be meaningless`,
    );
  }
  return { requests: result.requests.total, seconds: result.duration, latencies, cpuUs: after.cpuUs - before.cpuUs };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function aggregate(slices: Slice[]): Measured {
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const sorted = Float64Array.from(slices.flatMap((s) => s.latencies)).sort();
  return {
    reqPerSec: requests / seconds,
    requests,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    meanLatency: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    cpuUsPerRequest: slices.reduce((n, s) => n + s.cpuUs, 0) / requests,
    peakRssMiB: 0,
    rssAtReadyMiB: 0,
    queriesPerRequest: null,
  };
}

/**
 * Warms both servers up, then measures them in alternating slices (bare, platform, platform,
 * bare, …) so that anything else the machine does during the run weighs on both sides alike.
 */
async function measurePair(
  platform: Side,
  bare: Side,
  profileFiles: { platform: string; bare: string } | undefined,
): Promise<{ platform: Measured; bare: Measured }> {
  let queriesPerRequest: number | null = null;
  if (opts.profile) {
    const before = (await platform.server.usage()).queries;
    await getJson(platform.server.port, platform.urlPath, platform.headers);
    queriesPerRequest = (await platform.server.usage()).queries - before;
  }
  await slice(bare, settings.warmupSec);
  await slice(platform, settings.warmupSec);
  if (profileFiles) await Promise.all([platform.server.profileStart(), bare.server.profileStart()]);
  const slices = { platform: [] as Slice[], bare: [] as Slice[] };
  const sliceSec = settings.durationSec / settings.rounds;
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? (['bare', 'platform'] as const) : (['platform', 'bare'] as const);
    for (const which of order) slices[which].push(await slice(which === 'bare' ? bare : platform, sliceSec));
  }
  if (profileFiles) await Promise.all([platform.server.profileStop(profileFiles.platform), bare.server.profileStop(profileFiles.bare)]);
  return { platform: { ...aggregate(slices.platform), queriesPerRequest }, bare: aggregate(slices.bare) };
}

// ---------------------------------------------------------------------------------------------
// One database

interface DbResult {
  case: BenchCase;
  /** Row name: the case, with the people fixture's size for the person-* cases. */
  name: string;
  db: Dialect;
  fixture: Fixture;
  platform: Measured;
  bare: Measured;
  /** The list's `total` (matching rows in scope), for the paged cases. */
  total: number | undefined;
}

async function runOn(dialect: Dialect): Promise<DbResult[]> {
  const results: DbResult[] = [];
  const plain = cases.filter((c) => !c.people);
  const withPeople = cases.filter((c) => c.people);
  if (plain.length > 0) results.push(...(await runDatabase(dialect, plain, undefined)));
  if (withPeople.length > 0) for (const n of peopleSizes) results.push(...(await runDatabase(dialect, withPeople, n)));
  return results;
}

/** One fresh database (with `people` people seeded when given), every case in `runCases` on it. */
async function runDatabase(dialect: Dialect, runCases: BenchCase[], people: number | undefined): Promise<DbResult[]> {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  const results: DbResult[] = [];
  try {
    const config = loadConfig({ DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) });
    const connection = connect({ databaseUrl: config.databaseUrl, dataDir: bdb.dataDir });
    let fixture: Fixture;
    try {
      await migrateToLatest(connection.db);
      // The app builds its own context (keys, clock …); the fixture uses exactly that one.
      const app = await buildApp({ config, connection, logger: false });
      fixture = await buildFixture(app.ctx);
      if (people !== undefined) {
        log(`${dialect}: seeding ${people} people (seedDemoPeople) ...`);
        fixture = await seedPeople(app.ctx, fixture, people);
      }
      await app.close();
      // What autovacuum would have done by the time a city's data has been loaded: since
      // PostgreSQL 13 a table that received many inserts is vacuumed too, not only analysed, and
      // the vacuum's visibility map is what lets the list's count be an index-only scan.
      if (dialect === 'postgres') await sql`vacuum (analyze)`.execute(connection.db);
    } finally {
      await connection.close();
    }
    log(
      `${dialect}: fixture ${fixture.orgCount} orgs, ${fixture.userCount} users (${fixture.visibleUsers} in scope) in ${fixture.seconds.toFixed(1)} s` +
        (people !== undefined ? `; ${people} people (${fixture.visiblePeople} in scope) in ${fixture.peopleSeconds?.toFixed(1)} s` : ''),
    );
    for (const benchCase of runCases) {
      const name = people !== undefined ? `${benchCase.name}-${sizeLabel(people)}` : benchCase.name;
      results.push({ case: benchCase, name, ...(await runCase(dialect, bdb, fixture, benchCase, name)) });
    }
    return results;
  } finally {
    await bdb.drop();
  }
}

async function runCase(
  dialect: Dialect,
  bdb: BenchDatabase,
  fixture: Fixture,
  benchCase: BenchCase,
  name: string,
): Promise<Omit<DbResult, 'case' | 'name'>> {
  const servers: Server[] = [];
  const platformPath = benchCase.platformPath.replaceAll('{branch}', fixture.scopeRootId);
  const barePath = benchCase.barePath.replaceAll('{branch}', fixture.scopeRootId);
  try {
    const profileDir = opts.profile ? path.join(resultsDir, 'profiles') : undefined;
    if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
    const profileFile = (target: string) => path.join(profileDir ?? '', `${name}-${dialect}-${target}.cpuprofile`);
    const platform = await startServer('platform', bdb, fixture, benchCase);
    servers.push(platform);
    const bare = await startServer('bare', bdb, fixture, benchCase);
    servers.push(bare);
    const cookie = { cookie: await login(platform.port) };

    // Both sides must answer the same thing, or the ratio compares different work.
    const platformBody = await getJson(platform.port, platformPath, cookie);
    const bareBody = await getJson(bare.port, barePath, {});
    if (!isDeepStrictEqual(platformBody, bareBody)) {
      throw new Error(
        `${benchCase.name}: platform and bare responses differ — update bench/bare.ts to send the SQL the endpoint sends.\nfirst difference: ${firstDifference(platformBody, bareBody)}\nplatform: ${JSON.stringify(platformBody).slice(0, 600)}\nbare:     ${JSON.stringify(bareBody).slice(0, 600)}`,
      );
    }
    benchCase.check(platformBody, fixture);
    const total = (platformBody as { total?: unknown }).total;

    log(
      `${dialect}: ${name}: ${platformPath} vs ${barePath}${typeof total === 'number' ? ` (total ${total})` : ''}, ${settings.rounds} alternating rounds of ${settings.durationSec / settings.rounds} s each ...`,
    );
    const { platform: platformM, bare: bareM } = await measurePair(
      { server: platform, urlPath: platformPath, headers: cookie },
      { server: bare, urlPath: barePath, headers: {} },
      profileDir ? { platform: profileFile('platform'), bare: profileFile('bare') } : undefined,
    );
    platformM.peakRssMiB = (await platform.stop()).maxRssKb / 1024;
    bareM.peakRssMiB = (await bare.stop()).maxRssKb / 1024;
    platformM.rssAtReadyMiB = platform.rssAtReadyKb / 1024;
    bareM.rssAtReadyMiB = bare.rssAtReadyKb / 1024;
    servers.length = 0;
    if (profileDir) {
      console.log(
        summariseProfiles(`${name} on ${dialect}`, [
          {
            label: 'platform',
            file: profileFile('platform'),
            requests: platformM.requests,
            queriesPerRequest: platformM.queriesPerRequest,
          },
          { label: 'bare', file: profileFile('bare'), requests: bareM.requests, queriesPerRequest: null },
        ]),
      );
    }
    return { db: dialect, fixture, platform: platformM, bare: bareM, total: typeof total === 'number' ? total : undefined };
  } finally {
    await Promise.allSettled(servers.map((s) => s.stop()));
  }
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  name: string;
  db: Dialect;
  metric: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function rowsOf(r: DbResult): Row[] {
  const row = (metric: string, unit: string, value: number, baseline: number, digits: number): Row => ({
    name: r.name,
    db: r.db,
    metric,
    value: round(value, digits),
    unit,
    baseline: round(baseline, digits),
    ratio: round(value / baseline, 3),
  });
  return [
    row('throughput', 'req/s', r.platform.reqPerSec, r.bare.reqPerSec, 1),
    row('latency_p50', 'ms', r.platform.p50, r.bare.p50, 2),
    row('latency_p99', 'ms', r.platform.p99, r.bare.p99, 2),
    row('cpu_per_request', 'µs', r.platform.cpuUsPerRequest, r.bare.cpuUsPerRequest, 0),
    row('peak_rss', 'MiB', r.platform.peakRssMiB, r.bare.peakRssMiB, 1),
  ];
}

function markdown(meta: ReturnType<typeof metadata>, results: DbResult[]): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lines: string[] = [];
  for (const benchCase of cases) {
    const mine = results.filter((r) => r.case === benchCase);
    const first = mine[0];
    if (!first) continue;
    const people = benchCase.people === true;
    lines.push(
      `### ${benchCase.name}: \`GET ${benchCase.platformPath}\` vs bare route (${settings.mode} run)`,
      '',
      `| ${people ? 'people | in scope | total | ' : ''}db | platform req/s | bare req/s | ratio | p50 ms platform / bare | p99 ms platform / bare | server CPU µs/req platform / bare | peak RSS MiB platform / bare |`,
      `|${people ? '---:|---:|---:|' : ''}---|---:|---:|---:|---:|---:|---:|---:|`,
      ...mine.map(
        (r) =>
          `| ${people ? `${r.fixture.people ?? 0} | ${r.fixture.visiblePeople ?? 0} | ${r.total ?? ''} | ` : ''}${r.db} | ${f(r.platform.reqPerSec, 0)} | ${f(r.bare.reqPerSec, 0)} | **${f(r.platform.reqPerSec / r.bare.reqPerSec, 2)}** | ${f(r.platform.p50, 1)} / ${f(r.bare.p50, 1)} | ${f(r.platform.p99, 1)} / ${f(r.bare.p99, 1)} | ${f(r.platform.cpuUsPerRequest, 0)} / ${f(r.bare.cpuUsPerRequest, 0)} | ${f(r.platform.peakRssMiB)} / ${f(r.bare.peakRssMiB)} |`,
      ),
      '',
    );
    if (!people) {
      lines.push(
        `Fixture: ${first.fixture.orgCount} orgs, ${first.fixture.userCount} users, ${first.fixture.visibleUsers} in the caller's scope (org_and_below on one branch).`,
        '',
      );
    } else {
      lines.push(
        `Fixture: ${first.fixture.orgCount} orgs and the people of \`seedDemoPeople\` (count in the first column) spread over them; "in scope": people in the caller's branch (org_and_below); "total": what the search matches there.`,
        '',
      );
    }
  }
  lines.push(
    `ratio = platform req/s ÷ bare req/s (goal ≥ 0.6). ${settings.connections} connections; each side measured ${settings.durationSec} s in ${settings.rounds} alternating rounds after ${settings.warmupSec} s warm-up; ` +
      `platform request log: ${settings.platformRequestLog}.`,
    `Machine: ${meta.machine.cpus.count} × ${meta.machine.cpus.model}, ${f(meta.machine.memoryBytes / 2 ** 30)} GiB, Node ${meta.machine.node}, load average ${meta.machine.loadAverageAtStart} at start. ` +
      `Commit ${meta.commit.slice(0, 12)}${meta.dirty ? ' (with uncommitted changes)' : ''}, ${meta.date}.`,
    '',
  );
  return lines.join('\n');
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: benchDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function metadata() {
  const cpus = os.cpus();
  return {
    machine: {
      cpus: { model: cpus[0]?.model ?? 'unknown', count: cpus.length },
      memoryBytes: os.totalmem(),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      /** 1-minute load average when the run started: other work on the machine skews every figure. */
      loadAverageAtStart: round(os.loadavg()[0] ?? 0, 2),
    },
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']) || 'unknown',
    dirty: git(['status', '--porcelain']) !== '',
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const busy = (os.loadavg()[0] ?? 0) / os.cpus().length;
  if (busy > 0.5)
    log(
      `warning: the machine is busy (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores); figures will be low and noisy`,
    );
  if (withReplication) {
    const { runReplicationBench, replicationMarkdown } = await import('./replication/replication-bench.ts');
    const startMeta = metadata(); // date and load average of the start, not of the end
    const result = await runReplicationBench({ quick: opts.quick });
    const md = replicationMarkdown(result);
    console.log(`\n${md}`);
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, opts.quick ? 'replication-quick' : 'replication');
    fs.writeFileSync(`${file}.json`, `${JSON.stringify({ ...startMeta, ...result }, null, 2)}\n`);
    fs.writeFileSync(`${file}.md`, md);
    log(`wrote ${path.relative(process.cwd(), file)}.json and .md`);
    if (cases.length === 0) return;
  }
  if (opts.layers) {
    for (const dialect of dialects) console.log(await runLayers(dialect, pgUrl, opts.quick ? 1 : 3.5));
    return;
  }
  const meta = metadata();
  const results: DbResult[] = [];
  for (const dialect of dialects) results.push(...(await runOn(dialect)));
  const md = markdown(meta, results);
  console.log(`\n${md}`);
  // Full runs: the scoped list alone → latest; the two searches (at the default sizes) → search; anything else → variant.
  const only = (names: string[]) => caseNames.length === names.length && names.every((n) => caseNames.includes(n));
  const file = opts.quick
    ? 'quick'
    : opts.profile || !opts.log
      ? 'variant'
      : only(['scoped-list'])
        ? 'latest'
        : only(['person-search', 'person-filter']) && opts.people === undefined
          ? 'search'
          : 'variant';
  fs.mkdirSync(resultsDir, { recursive: true });
  const json = {
    ...meta,
    settings: {
      ...settings,
      ...(cases.length === 1 && cases[0] ? { case: cases[0].name, platformPath: cases[0].platformPath, barePath: cases[0].barePath } : {}),
      cases: cases.map((c) => ({ case: c.name, platformPath: c.platformPath, barePath: c.barePath })),
      ...(cases.some((c) => c.people) ? { people: peopleSizes } : {}),
    },
    fixture: results[0]?.fixture,
    rows: results.flatMap(rowsOf),
    details: results.map((r) => ({ name: r.name, db: r.db, fixture: r.fixture, total: r.total, platform: r.platform, bare: r.bare })),
  };
  fs.writeFileSync(path.join(resultsDir, `${file}.json`), `${JSON.stringify(json, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, `${file}.md`), md);
  log(`wrote ${path.relative(process.cwd(), path.join(resultsDir, file))}.json and .md`);
}

const cleanup = () => {
  for (const c of children) c.kill('SIGKILL');
};
process.once('SIGINT', () => {
  cleanup();
  process.exit(130);
});
try {
  await main();
} catch (error) {
  cleanup();
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
