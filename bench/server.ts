/**
 * One server under load, in its own process (started by run.ts through `fork`), so the load
 * generator and the server each get a core of their own on a 2-core machine and the peak RSS
 * measured is the server's alone.
 *
 * Environment: BENCH_TARGET = platform | bare, BENCH_CASE, DATA_DIR, DATABASE_URL (PostgreSQL
 * only), BENCH_SCOPE_ROOT (bare), BENCH_LOG = info | off (platform request log, to a file),
 * BENCH_COUNT_QUERIES = 1 to count the SQL statements each request sends.
 * IPC: sends { type: 'ready', port, rssKb }; answers 'usage' with { cpuUs, maxRssKb, queries }; on 'stop'
 * answers the same as 'stopped', then exits; 'profile-start' / 'profile-stop' { file } take a CPU profile.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import type { Connection } from '@zhenggong/server/db/connect';
import type { RawDb } from './bare.ts';

const env = process.env;
const target = env.BENCH_TARGET;
const dataDir = env.DATA_DIR;
if (!dataDir || (target !== 'platform' && target !== 'bare')) throw new Error('bench/server.ts: bad environment');

/** Counts the statements the platform sends (profiling only: BENCH_COUNT_QUERIES=1). */
const queryLog = { count: 0 };
const countingPlugin: KyselyPlugin = {
  transformQuery: (args) => {
    queryLog.count++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

let app: FastifyInstance;
let close: () => Promise<void>;
// Each side loads only its own code, so the bare server's memory holds no platform modules.
if (target === 'platform') {
  const { buildApp } = await import('@zhenggong/server/app');
  const { loadConfig } = await import('@zhenggong/server/config');
  const { connect } = await import('@zhenggong/server/db/connect');
  // No scheduled jobs: on a freshly seeded database every job's current slot is due at the first
  // tick, so the daily account sweep would disable the fixture's accounts one transaction at a
  // time (they last logged in in 2024) and the monthly warning run would go through every person,
  // all during the measured rounds. A live instance does that work at night, once a slot.
  const config = loadConfig({ ...env, DATA_DIR: dataDir, JOB_TICK_MS: '0' });
  const base = connect({ databaseUrl: config.databaseUrl, dataDir });
  const connection: Connection = env.BENCH_COUNT_QUERIES === '1' ? { ...base, db: base.db.withPlugin(countingPlugin) } : base;
  const { bufferedLogStream } = await import('@zhenggong/server/platform/http/log-stream');
  // As main.ts logs, but to a file.
  const logger = env.BENCH_LOG === 'off' ? false : { level: 'info', stream: bufferedLogStream(path.join(dataDir, 'platform.log')) };
  app = await buildApp({ config, connection, logger });
  close = async () => {
    await app.close();
    await base.close();
  };
} else {
  const { default: Fastify } = await import('fastify');
  const { benchCases, rawPostgres, rawSqlite } = await import('./bare.ts');
  const { extraBareRoutes } = await import('./bare-extra.ts');
  const register = benchCases[env.BENCH_CASE ?? '']?.registerBare ?? extraBareRoutes[env.BENCH_CASE ?? ''];
  if (!register) throw new Error(`bench/server.ts: unknown case ${env.BENCH_CASE}`);
  const db: RawDb = env.DATABASE_URL ? rawPostgres(env.DATABASE_URL) : rawSqlite(path.join(dataDir, 'zhenggong.db'));
  app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  register(app, { db, scopeRootId: env.BENCH_SCOPE_ROOT ?? '' });
  close = async () => {
    await app.close();
    await db.close();
  };
}

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no TCP address');

const usage = () => {
  const u = process.resourceUsage();
  return { cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS, queries: queryLog.count };
};
// CPU profile of the measured window only (run.ts --profile): no start-up, no warm-up.
let profiler: Session | undefined;
async function profileStart(): Promise<void> {
  profiler = new Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.post('Profiler.start');
}
async function profileStop(file: string): Promise<void> {
  if (!profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  fs.writeFileSync(file, JSON.stringify(profile));
  profiler.disconnect();
  profiler = undefined;
}

process.on('message', (message: { type: string; file?: string }) => {
  if (message.type === 'usage') {
    process.send?.({ type: 'usage', ...usage() });
  } else if (message.type === 'profile-start') {
    void profileStart().then(() => process.send?.({ type: 'profiling' }));
  } else if (message.type === 'profile-stop') {
    void profileStop(message.file ?? path.join(dataDir, `${target}.cpuprofile`)).then(() => process.send?.({ type: 'profiled' }));
  } else if (message.type === 'stop') {
    process.send?.({ type: 'stopped', ...usage() }, () => {
      void close().finally(() => process.exit(0));
    });
  }
});
process.send?.({ type: 'ready', port: address.port, rssKb: Math.round(process.memoryUsage().rss / 1024) });
