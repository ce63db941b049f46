/**
 * Person search latency one request at a time, as one user sees it: the whole platform request
 * (session, scope, search, presenter, schema) through app.inject on a database seeded by the
 * benchmark fixture (for instance kept from `bench/export/export-bench.ts --reuse` or seeded by
 * the same fixture), no concurrent load from the harness. The load benchmark (`--case search`)
 * queues 10 connections on one server, so on a shared machine its latency is mostly queueing.
 *
 *   node --import tsx bench/search-latency.ts <DATA_DIR> [DATABASE_URL] [--requests 300]
 */
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { percentile } from './children.ts';
import { BENCH_PASSWORD, BENCH_USERNAME } from './fixture.ts';

const [dataDir, databaseUrl] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--requests');
if (!dataDir) throw new Error('usage: search-latency.ts <DATA_DIR> [DATABASE_URL] [--requests N]');
const i = process.argv.indexOf('--requests');
const requests = i >= 0 ? Number(process.argv[i + 1]) : 300;

const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
await migrateToLatest(connection.db);
const app = await buildApp({ config, connection, logger: false });
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { username: BENCH_USERNAME, password: BENCH_PASSWORD },
});
const cookie = login.cookies.find((c) => c.name === 'zg_sid');
if (login.statusCode !== 200 || !cookie) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
const branch = (await connection.db.selectFrom('org').select('id').where('name', '=', '示例市公安局第1分局').executeTakeFirstOrThrow()).id;
const urls = {
  'person-search': '/api/v1/personnel/people?keyword=zw&page=1&pageSize=20',
  'person-filter': `/api/v1/personnel/people?orgId=${branch}&ageMin=30&ageMax=40&sort=name&page=1&pageSize=20`,
};
const load = os.loadavg()[0] ?? 0;
for (const [name, url] of Object.entries(urls)) {
  const times: number[] = [];
  let total = 0;
  for (let n = 0; n < requests + 20; n++) {
    const started = performance.now();
    const res = await app.inject({ method: 'GET', url, cookies: { zg_sid: cookie.value } });
    const ms = performance.now() - started;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    total = (JSON.parse(res.body) as { total: number }).total;
    if (n >= 20) times.push(ms); // the first 20 warm the code and caches
  }
  const sorted = Float64Array.from(times).sort();
  console.log(
    `| ${name} | ${connection.dialect} | ${total} | ${requests} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${sorted[sorted.length - 1]?.toFixed(1)} | ${load.toFixed(1)} |`,
  );
}
await app.close();
await connection.close();
