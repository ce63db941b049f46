/**
 * Cadres benchmark: the monthly due list (every officer's grade, technical and rank eligibility
 * with reasons and quotas) and the 2019 套改 what-if over 10,000 and 200,000 people, beside a
 * bare baseline in the same run — one SQL statement computing months in the current grade. Each
 * operation runs in its own child process (seconds and its own peak RSS).
 *
 *   node --import tsx bench/cadres/cadres-bench.ts [--people 10000,200000] [--db sqlite|postgres|all] [--quick]
 *   npm run bench -- --case cadres [--quick]
 *
 * --quick: 1,000 people, SQLite only unless --db says otherwise. Writes bench/.artifacts/cadres.{json,md}.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { buildApp } from '@zhenggong/server/app';
import { makeOrg } from '@zhenggong/server/test-support/factories';
import { seedDemoPeople } from '@zhenggong/server/modules/personnel/demo/demo-people';
import { allPeople } from '@zhenggong/server/modules/personnel/people';
import { seedCareerHistory } from '@zhenggong/server/modules/cadres/cadre-history-demo';
import { createBenchDatabase } from '../db.ts';
import { benchOutputDir } from '../output-dir.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const sizes = (arg('people') ?? (quick ? '1000' : '10000,200000')).split(',').map(Number);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbArg = arg('db');
const dialects: Dialect[] =
  dbArg === 'sqlite' || dbArg === 'postgres' ? [dbArg] : dbArg === 'all' || (!quick && pgUrl) ? ['sqlite', 'postgres'] : ['sqlite'];
const log = (m: string) => console.log(`[cadres-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

interface Row {
  dialect: Dialect;
  people: number;
  op: string;
  seconds: number;
  maxRssMiB: number;
  rows: number;
  ratio: number;
}

const rows: Row[] = [];
for (const dialect of dialects) {
  for (const people of sizes) {
    const bdb = await createBenchDatabase(dialect, pgUrl);
    try {
      const config = loadConfig({ DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) });
      const connection = await connect(config);
      await migrateToLatest(connection.db);
      const app = await buildApp({ config, connection, logger: false });
      const ctx = app.ctx;
      const t0 = performance.now();
      const root = await makeOrg(ctx, null, '示例市公安局', { type: 'city_bureau' });
      for (let b = 1; b <= 12; b++) {
        const branch = await makeOrg(ctx, root, `第${b}分局`);
        for (let s = 1; s <= 5; s++) await makeOrg(ctx, branch, `第${b}分局${s}所`, { type: 'station' });
      }
      await seedDemoPeople(ctx, { people });
      const officers = await ctx.db
        .selectFrom(allPeople(ctx.db).as('p'))
        .select(['p.id', 'p.police_start_date'])
        .where('p.kind', '=', 'officer')
        .execute();
      for (let i = 0; i < officers.length; i += 20_000)
        await seedCareerHistory(ctx, officers.slice(i, i + 20_000), Number(month.slice(0, 4)), 14 + i);
      if (dialect === 'postgres') await sql`analyze`.execute(connection.db);
      log(`${dialect} ${people} people (${officers.length} officers) seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await app.close();
      await connection.close();
      const measured: Record<string, { seconds: number; maxRssMiB: number; rows: number }> = {};
      for (const op of ['bare', 'due', 'simulate']) {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', path.join(import.meta.dirname, 'cadres-child.ts'), op, bdb.dataDir, bdb.databaseUrl ?? '', month],
          { encoding: 'utf8' },
        );
        measured[op] = JSON.parse(out.trim().split('\n').at(-1) as string);
        log(
          `${dialect} ${people} ${op}: ${measured[op]!.seconds.toFixed(2)} s, peak RSS ${measured[op]!.maxRssMiB} MiB, ${measured[op]!.rows} rows`,
        );
      }
      for (const op of ['bare', 'due', 'simulate'])
        rows.push({ dialect, people, op, ...measured[op]!, ratio: measured[op]!.seconds / measured.bare!.seconds });
    } finally {
      await bdb.drop();
    }
  }
}

fs.mkdirSync(benchOutputDir, { recursive: true });
const name = quick ? 'quick-cadres' : 'cadres';
const load = os1();
fs.writeFileSync(
  path.join(benchOutputDir, `${name}.json`),
  JSON.stringify({ at: new Date().toISOString(), month, loadAverage1m: load, rows }, null, 2),
);
const md = [
  `# Cadres: due list and 套改 what-if (${new Date().toISOString().slice(0, 10)}, load ${load.toFixed(2)})`,
  '',
  '| db | people | operation | seconds | × bare | peak RSS MiB | rows |',
  '|---|---:|---|---:|---:|---:|---:|',
  ...rows.map(
    (r) => `| ${r.dialect} | ${r.people} | ${r.op} | ${r.seconds.toFixed(2)} | ${r.ratio.toFixed(1)} | ${r.maxRssMiB} | ${r.rows} |`,
  ),
  '',
].join('\n');
fs.writeFileSync(path.join(benchOutputDir, `${name}.md`), md);
console.log(md);

function os1(): number {
  return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
