/**
 * Where the platform's time goes on the scoped-list request, layer by layer: each step is
 * timed alone, one call after another (no concurrency), in this process. Run with
 * `npm run bench -- --layers [--db sqlite|postgres|all]`. Not a substitute for the load test:
 * it tells what a request costs, not how many a server can take.
 */
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { sql, type KyselyPlugin } from 'kysely';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, sqliteFile, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { resolveScope } from '@zhenggong/server/platform/access/data-scope';
import { listUsers } from '@zhenggong/server/platform/accounts/account-service';
import { authenticate } from '@zhenggong/server/platform/auth/auth-service';
import { bufferedLogStream } from '@zhenggong/server/platform/http/log-stream';
import type { AppContext } from '@zhenggong/server/platform/context';
import Fastify from 'fastify';
import { bareUserPage, benchCases, rawPostgres, rawSqlite, type RawDb } from './bare.ts';
import { createBenchDatabase } from './db.ts';
import { BENCH_PASSWORD, BENCH_USERNAME, buildFixture } from './fixture.ts';

interface Timing {
  /** Wall time per call: the median of a round, the lowest over the rounds. */
  medianUs: number;
  /** This process's CPU time per call, lowest over the rounds: blind to the PostgreSQL server's share. */
  cpuUs: number;
}

/**
 * Times every step in `rounds` short rounds, the steps interleaved, and keeps each step's
 * least-disturbed round: on a shared machine the minimum is the estimate other work spoils least.
 */
async function timeAll<K extends string>(
  steps: Record<K, () => Promise<unknown>>,
  seconds: number,
  rounds = 7,
): Promise<Record<K, Timing>> {
  const keys = Object.keys(steps) as K[];
  const best = Object.fromEntries(keys.map((k) => [k, { medianUs: Infinity, cpuUs: Infinity }])) as Record<K, Timing>;
  for (const k of keys) for (let i = 0; i < 200; i++) await steps[k]();
  for (let r = 0; r < rounds; r++) {
    for (const k of keys) {
      const samples: number[] = [];
      const cpu0 = process.cpuUsage();
      const end = performance.now() + (seconds * 1000) / rounds;
      while (performance.now() < end) {
        const t0 = performance.now();
        await steps[k]();
        samples.push((performance.now() - t0) * 1000);
      }
      const cpu = process.cpuUsage(cpu0);
      samples.sort((a, b) => a - b);
      const b = best[k];
      b.medianUs = Math.min(b.medianUs, samples[Math.floor(samples.length / 2)] as number);
      b.cpuUs = Math.min(b.cpuUs, (cpu.user + cpu.system) / samples.length);
    }
  }
  return best;
}

async function inject200(app: FastifyInstance, url: string, headers: Record<string, string>): Promise<void> {
  const res = await app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
}

export async function runLayers(dialect: Dialect, pgUrl: string | undefined, seconds: number): Promise<string> {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  const env = { DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) };
  const config = loadConfig(env);
  const base = connect({ databaseUrl: config.databaseUrl, dataDir: bdb.dataDir });
  // Counts the statements each step sends, so the table says how many without guessing.
  let statements = 0;
  const counter: KyselyPlugin = { transformQuery: (a) => (statements++, a.node), transformResult: async (a) => a.result };
  const connection = { ...base, db: base.db.withPlugin(counter) };
  let raw: RawDb | undefined;
  const apps: FastifyInstance[] = [];
  try {
    await migrateToLatest(connection.db);
    const logged = await buildApp({
      config,
      connection,
      logger: { level: 'info', stream: bufferedLogStream(`${bdb.dataDir}/layers.log`) },
    });
    const quiet = await buildApp({ config, connection, logger: false });
    const ctx: AppContext = quiet.ctx;
    const fixture = await buildFixture(ctx);
    if (dialect === 'postgres') await sql`analyze`.execute(connection.db);
    raw = bdb.databaseUrl ? rawPostgres(bdb.databaseUrl) : rawSqlite(sqliteFile(bdb.dataDir));
    const bare = Fastify({ logger: false });
    benchCases['scoped-list']?.registerBare(bare, { db: raw, scopeRootId: fixture.scopeRootId });
    apps.push(logged, quiet, bare);
    await Promise.all(apps.map((a) => a.ready()));

    const login = await quiet.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: BENCH_USERNAME, password: BENCH_PASSWORD },
    });
    const token = login.cookies.find((c) => c.name === 'zg_sid')?.value;
    if (login.statusCode !== 200 || !token) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const cookie = { cookie: `zg_sid=${token}` };
    const info = { ip: '127.0.0.1', userAgent: 'bench', requestId: 'bench' };
    const check = await authenticate(ctx, token, info);
    if (!check.ok) throw new Error('authenticate failed');
    const principal = check.principal;
    const scope = await resolveScope(ctx.db, principal, 'user:read');
    const rawDb = raw;

    const steps = {
      fullLogged: () => inject200(logged, '/api/v1/users?page=1&pageSize=20', cookie),
      full: () => inject200(quiet, '/api/v1/users?page=1&pageSize=20', cookie),
      auth: () => authenticate(ctx, token, info),
      scope: () => resolveScope(ctx.db, principal, 'user:read'),
      service: () => listUsers(ctx, scope, { page: 1, pageSize: 20 }),
      bareFull: () => inject200(bare, '/bare/users?page=1&pageSize=20', {}),
      bareSql: () => bareUserPage(rawDb, fixture.scopeRootId, 1, 20),
    };
    const n = {} as Record<keyof typeof steps, number>;
    for (const k of Object.keys(steps) as (keyof typeof steps)[]) {
      statements = 0;
      await steps[k]();
      n[k] = statements;
    }
    const t = await timeAll(steps, seconds);
    const f = (x: Timing) => `${x.medianUs.toFixed(0)} | ${x.cpuUs.toFixed(0)}`;
    const rest = (whole: Timing, parts: Timing[]) => ({
      medianUs: whole.medianUs - parts.reduce((n, p) => n + p.medianUs, 0),
      cpuUs: whole.cpuUs - parts.reduce((n, p) => n + p.cpuUs, 0),
    });
    const share = (x: Timing) => pct(x.cpuUs, t.full.cpuUs);
    const pipeline = rest(t.full, [t.auth, t.scope, t.service]);
    const barePipeline = rest(t.bareFull, [t.bareSql]);
    return [
      `#### Layers of one scoped-list request on ${dialect} (µs per call, calls one after another, app.inject — no socket)`,
      '',
      '| layer | wall µs (median) | CPU µs (this process) | share of platform CPU |',
      '|---|---:|---:|---:|',
      `| platform request, request log on (as main.ts runs it) | ${f(t.fullLogged)} | ${share(t.fullLogged)} |`,
      `| platform request, request log off (${st(n.full)}) | ${f(t.full)} | 100% |`,
      `| · session lookup — authenticate() (${st(n.auth)}) | ${f(t.auth)} | ${share(t.auth)} |`,
      `| · scope resolution — resolveScope() (${st(n.scope)}) | ${f(t.scope)} | ${share(t.scope)} |`,
      `| · list service — listUsers() (${st(n.service)}, Kysely) + presenter | ${f(t.service)} | ${share(t.service)} |`,
      `| · Fastify pipeline: routing, helmet, cookie, guard, validation, serialisation, inject (remainder) | ${f(pipeline)} | ${share(pipeline)} |`,
      `| bare request | ${f(t.bareFull)} | ${share(t.bareFull)} |`,
      `| · the list's statements, raw driver, + mapping | ${f(t.bareSql)} | ${share(t.bareSql)} |`,
      `| · bare Fastify pipeline, inject (remainder) | ${f(barePipeline)} | ${share(barePipeline)} |`,
      '',
      `Each step timed ${seconds} s in 7 interleaved rounds, the least-disturbed round kept; load average ${os.loadavg()[0]?.toFixed(1)} when done.`,
      '',
    ].join('\n');
  } finally {
    await Promise.allSettled(apps.map((a) => a.close()));
    await raw?.close();
    await base.close();
    await bdb.drop();
  }
}

const st = (n: number) => `${n} statement${n === 1 ? '' : 's'}`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
