/**
 * List export benchmark: the personnel list of N people (default 200,000, the export's cap)
 * written as xlsx by the platform's exporter (planListExport + writeListXlsx, scope "all", the
 * default columns), timed at every quarter of the rows, so linear time shows as four equal
 * quarters; beside it, in the same run, a bare baseline: the same rows read by one statement
 * through the raw driver and written by the same ExcelJS streaming writer.
 *
 *   node --import tsx bench/export/export-bench.ts [--people 200000] [--db sqlite|postgres|all]
 *     [--reuse <DATA_DIR>[,<DATABASE_URL>]]   an already seeded database (bench fixture + people)
 *
 * Writes bench/.artifacts/export.{json,md} (`npm run bench:accept` keeps them in bench/results). Seeding 200,000 people takes minutes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { systemActor } from '@zhenggong/server/platform/audit/audit-service';
import { accountPrincipal } from '@zhenggong/server/platform/access/principal';
import { planListExport, writeListXlsx } from '@zhenggong/server/modules/personnel/export/list-export';
import { watermarkOf } from '@zhenggong/server/modules/personnel/export/watermark';
import { createBenchDatabase } from '../db.ts';
import { buildFixture, seedPeople } from '../fixture.ts';
import { benchOutputDir } from '../output-dir.ts';

const resultsDir = benchOutputDir;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const people = Number(arg('people') ?? 200_000);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbArg = arg('db');
const dialects: Dialect[] = dbArg === 'sqlite' || dbArg === 'postgres' ? [dbArg] : pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const reuse = arg('reuse');
const log = (m: string) => console.log(`[export-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Counts bytes and drops them: the benchmark measures producing the file, not a disk. */
class ByteCounter extends Writable {
  bytes = 0;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.bytes += chunk.length;
    done();
  }
}

const exporter = accountPrincipal({ userId: 'bench-exporter', username: 'bench-exporter', displayName: '基准测试', orgId: '' }, [
  'personnel:export',
]);

async function seed(dataDir: string, databaseUrl: string | undefined, dialect: Dialect): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const fixture = await buildFixture(app.ctx, { branches: 12, stationsPerBranch: 5, users: 0 });
    log(`${dialect}: seeding ${people} people ...`);
    await seedPeople(app.ctx, fixture, people);
    await app.close();
    if (dialect === 'postgres') await sql`vacuum (analyze)`.execute(connection.db);
  } finally {
    await connection.close();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;

async function measure(dialect: Dialect, dataDir: string, databaseUrl: string | undefined) {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const mark = watermarkOf(exporter, new Date());
    const scope = { all: true } as const;

    // Platform: plan (count, audit) and write, with the time at each quarter of the rows.
    const started = performance.now();
    const plan = await planListExport(app.ctx, {
      principal: exporter,
      actor: systemActor,
      scope,
      revealScope: async () => scope,
      query: {},
      mark,
    });
    const quarters: number[] = [];
    let seen = 0;
    const timed = {
      ...plan,
      rows: (async function* () {
        for await (const batch of plan.rows) {
          yield batch;
          seen += batch.length;
          while (quarters.length < 4 && seen >= (plan.total * (quarters.length + 1)) / 4)
            quarters.push((performance.now() - started) / 1000);
        }
      })(),
    };
    const out = new ByteCounter();
    const rows = await writeListXlsx(out, timed, mark);
    const seconds = (performance.now() - started) / 1000;
    const quarterSeconds = quarters.map((q, i) => Number((q - (quarters[i - 1] ?? 0)).toFixed(2)));
    log(
      `${dialect}: platform ${rows} rows in ${seconds.toFixed(1)} s (${(out.bytes / 1048576).toFixed(1)} MiB); quarters ${quarterSeconds.join(' / ')} s`,
    );
    await app.close();

    // Bare: one statement, every row, the same writer, the same 13 columns as raw values (no code
    // names, no masking logic).
    const bareStarted = performance.now();
    const all = await connection.db
      .selectFrom('person as p')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .selectAll('p')
      .select('o.name as org_name')
      .orderBy('p.name_pinyin')
      .orderBy('p.id')
      .execute();
    const bareOut = new ByteCounter();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: bareOut, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('人员名单');
    sheet.columns = plan.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    for (const r of all)
      sheet
        .addRow([
          r.name,
          r.sex,
          r.birth_date,
          r.ethnicity,
          r.political_status,
          r.education,
          r.id_number_masked,
          r.police_number,
          r.org_name,
          r.post,
          r.rank,
          r.officer_level,
          r.status,
        ])
        .commit();
    sheet.commit();
    await workbook.commit();
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    log(`${dialect}: bare ${all.length} rows in ${bareSeconds.toFixed(1)} s (${(bareOut.bytes / 1048576).toFixed(1)} MiB)`);
    return {
      db: dialect,
      rows,
      seconds,
      quarterSeconds,
      bytes: out.bytes,
      bare: { rows: all.length, seconds: bareSeconds, bytes: bareOut.bytes },
      ratio: seconds / bareSeconds,
    };
  } finally {
    await connection.close();
  }
}

const loadAtStart = os.loadavg()[0] ?? 0;
const results: Measured[] = [];
for (const dialect of dialects) {
  if (reuse) {
    const [dataDir, databaseUrl] = reuse.split(',') as [string, string | undefined];
    results.push(await measure(dialect, dataDir, databaseUrl));
    continue;
  }
  const bdb = await createBenchDatabase(dialect, pgUrl);
  try {
    await seed(bdb.dataDir, bdb.databaseUrl, dialect);
    results.push(await measure(dialect, bdb.dataDir, bdb.databaseUrl));
  } finally {
    await bdb.drop();
  }
}

// A run on one database keeps the other database's earlier figures (each entry has its own date and load).
fs.mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, 'export.json');
type Entry = Measured & { date: string; loadAverageAtStart: number };
const earlier: Entry[] = fs.existsSync(resultsFile)
  ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { results: Entry[] }).results
  : [];
const entries: Entry[] = [
  ...earlier.filter((e) => !results.some((r) => r.db === e.db)),
  ...results.map((r) => ({ ...r, date: new Date().toISOString(), loadAverageAtStart: loadAtStart })),
].sort((a, b) => a.db.localeCompare(b.db));
fs.writeFileSync(resultsFile, `${JSON.stringify({ people, results: entries }, null, 2)}\n`);
const md = [
  `# List export benchmark (${new Date().toISOString().slice(0, 10)})`,
  '',
  `The personnel list of ${people} people as xlsx (default columns, scope all) through planListExport + writeListXlsx, in process; bare = the same rows by one raw statement through the same ExcelJS streaming writer. Quarters: seconds spent on each quarter of the rows (equal quarters = time linear in the rows). Load: the 1-minute load average at the start of each run (2 cores).`,
  '',
  '| db | rows | platform s | quarters s | bare s | ratio (time, lower is better) | file MiB | date | load |',
  '|---|---:|---:|---|---:|---:|---:|---|---:|',
  ...entries.map(
    (r) =>
      `| ${r.db} | ${r.rows} | ${r.seconds.toFixed(1)} | ${r.quarterSeconds.join(' / ')} | ${r.bare.seconds.toFixed(1)} | ${r.ratio.toFixed(2)} | ${(r.bytes / 1048576).toFixed(1)} | ${r.date.slice(0, 16)} | ${r.loadAverageAtStart.toFixed(1)} |`,
  ),
  '',
].join('\n');
fs.writeFileSync(path.join(resultsDir, 'export.md'), md);
console.log(md);
process.exit(0);
