/**
 * Roster import benchmark: a generated roster of N rows (default 100,000) is checked (dry run)
 * and committed by the platform's importer, each in its own process, timed and with its peak
 * RSS; beside it, in the same run, the baselines: ExcelJS's bare streaming read of the same
 * file, and the same rows written by a bare loop of prepared INSERTs (bare-insert.ts).
 *
 *   node --import tsx bench/import/import-bench.ts [--rows 100000] [--db sqlite|postgres|all] [--cpu-prof]
 *
 * Writes bench/results/import.{json,md}. PostgreSQL runs when --db says so or when
 * BENCH_DATABASE_URL / TEST_DATABASE_URL is set and --db is not given.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '@zhenggong/server/db/connect';
import { connect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { loadConfig } from '@zhenggong/server/config';
import { systemClock } from '@zhenggong/server/platform/clock';
import { serverNodeFlags } from '@zhenggong/server/node-flags';
import { ensureDataDir } from '@zhenggong/server/platform/data-dir';
import { fieldCryptoFromFile } from '@zhenggong/server/platform/field-crypto';
import { writeRosterXlsx } from '@zhenggong/server/modules/personnel/import/roster-fixture';
import { createBenchDatabase, type BenchDatabase } from '../db.ts';
import { benchOutputDir } from '../output-dir.ts';
import { BENCH_HEADERS, benchRows, buildBenchOrgTree } from './roster-gen.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = benchOutputDir;
const cpuProfile = process.argv.includes('--cpu-prof');

interface Measured {
  seconds: number;
  peakRssMiB: number;
  rows: number;
  [key: string]: unknown;
}
export interface ResultRow {
  name: string;
  db: Dialect;
  metric: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
}

/** Runs one measurement in a fresh process and returns what it reports. */
function measure(mode: string, env: Record<string, string>): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'import-child.ts'), [], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', BENCH_MODE: mode, ...env },
      // --cpu-prof: each measurement writes a V8 CPU profile (results/profiles/, not committed).
      execArgv: [
        ...serverNodeFlags,
        '--import',
        'tsx',
        ...(cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(resultsDir, 'profiles', `import-${mode}`)}`] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m: { type: string; result?: Measured; message?: string }) => {
      if (m.type === 'ready') child.send({ type: 'run' });
      else if (m.type === 'result' && m.result) resolve(m.result);
      else if (m.type === 'error') reject(new Error(`${mode}: ${m.message}`));
    });
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} exited with ${code}`))));
  });
}

/** A migrated database with the demo org tree and its instance key. */
async function prepare(dialect: Dialect, pgUrl: string | undefined): Promise<BenchDatabase> {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  const config = loadConfig({ DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(connection.db);
  const ctx = {
    db: connection.db,
    dialect,
    config,
    clock: systemClock,
    fieldCrypto: fieldCryptoFromFile(ensureDataDir(config.dataDir).secretKeyFile),
  };
  await buildBenchOrgTree(ctx);
  await connection.close();
  return bdb;
}

const row = (name: string, db: Dialect, metric: string, value: number, unit: string, baseline: number): ResultRow => ({
  name,
  db,
  metric,
  value: Number(value.toFixed(2)),
  unit,
  baseline: Number(baseline.toFixed(2)),
  ratio: Number((value / baseline).toFixed(2)),
});

export async function runImportBench(opts: { rows: number; dialects: Dialect[]; pgUrl: string | undefined }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-import-bench-'));
  const file = path.join(work, 'roster.xlsx');
  const genStart = performance.now();
  await writeRosterXlsx(file, {
    above: [['示例市公安局人员花名册（基准测试合成数据）']],
    headers: BENCH_HEADERS,
    rows: benchRows(opts.rows),
  });
  const fileInfo = {
    rows: opts.rows,
    megabytes: Number((fs.statSync(file).size / 1_048_576).toFixed(1)),
    generateSeconds: Number(((performance.now() - genStart) / 1000).toFixed(1)),
  };
  console.log(`import bench: ${opts.rows} rows, ${fileInfo.megabytes} MB xlsx`);
  const rows: ResultRow[] = [];
  const details: Record<string, unknown>[] = [];
  try {
    const read = await measure('bare-read', { BENCH_FILE: file });
    for (const dialect of opts.dialects) {
      const target = await prepare(dialect, opts.pgUrl);
      const bare = await prepare(dialect, opts.pgUrl);
      try {
        const env = (b: BenchDatabase) => ({
          DATA_DIR: b.dataDir,
          BENCH_FILE: file,
          BENCH_ROWS: String(opts.rows),
          ...(b.databaseUrl ? { DATABASE_URL: b.databaseUrl } : {}),
        });
        const dry = await measure('dry-run', env(target));
        const commit = await measure('commit', env(target));
        const insert = await measure('bare-insert', env(bare));
        if (dry.problems !== 0 || commit.inserted !== opts.rows || insert.rows !== opts.rows) {
          throw new Error(
            `unexpected counts: ${JSON.stringify({ dry: dry.problems, first: dry.firstProblems, commit: commit.inserted, bare: insert.rows })}`,
          );
        }
        rows.push(
          row('import-dry-run', dialect, 'duration', dry.seconds, 's', read.seconds),
          row('import-dry-run', dialect, 'peak_rss', dry.peakRssMiB, 'MiB', read.peakRssMiB),
          row('import-commit', dialect, 'duration', commit.seconds, 's', read.seconds + insert.seconds),
          row('import-commit', dialect, 'throughput', opts.rows / commit.seconds, 'rows/s', opts.rows / (read.seconds + insert.seconds)),
          row('import-commit', dialect, 'peak_rss', commit.peakRssMiB, 'MiB', Math.max(read.peakRssMiB, insert.peakRssMiB)),
          row(
            'import-commit-transaction',
            dialect,
            'duration',
            Number(commit.insertSeconds) + Number(commit.commitSeconds),
            's',
            insert.seconds,
          ),
        );
        details.push({ db: dialect, bareRead: read, dryRun: dry, commit, bareInsert: insert });
        console.log(
          `${dialect}: dry run ${dry.seconds.toFixed(1)} s / ${dry.peakRssMiB.toFixed(0)} MiB; commit ${commit.seconds.toFixed(1)} s / ${commit.peakRssMiB.toFixed(0)} MiB; bare read ${read.seconds.toFixed(1)} s, bare insert ${insert.seconds.toFixed(1)} s`,
        );
      } finally {
        await target.drop();
        await bare.drop();
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { file: fileInfo, rows, details };
}

function markdown(rows: ResultRow[], file: { rows: number; megabytes: number }, load: number): string {
  const lines = [
    `### roster import: ${file.rows} rows (${file.megabytes} MB xlsx)`,
    '',
    '| name | db | metric | value | baseline | ratio |',
    '|---|---|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.db} | ${r.metric} | ${r.value} ${r.unit} | ${r.baseline} ${r.unit} | **${r.ratio}** |`),
    '',
    'Baselines: dry run vs ExcelJS streaming read of the file alone; commit vs that read plus the same rows through a bare loop of prepared INSERTs in one transaction (raw driver);',
    'import-commit-transaction: the importer’s time inside its transaction (read the spooled rows, re-check the database, insert, commit) vs the bare INSERT loop. Peak RSS is each process’s VmHWM.',
    `Load average at start: ${load.toFixed(2)} (2 cores).`,
  ];
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const arg = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
  const db = arg('--db');
  const dialects: Dialect[] =
    db === 'all' ? ['sqlite', 'postgres'] : db === 'sqlite' || db === 'postgres' ? [db] : pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const rowCount = Number(arg('--rows') ?? 100_000);
  // Taken before the run, which lasts minutes: the load and date at its end are not its start.
  const loadAverageAtStart = os.loadavg()[0];
  const date = new Date().toISOString();
  const result = await runImportBench({ rows: rowCount, dialects, pgUrl });
  const git = (a: string[]) => execFileSync('git', a, { encoding: 'utf8' }).trim();
  const out = {
    machine: {
      cpus: { model: os.cpus()[0]?.model ?? '?', count: os.cpus().length },
      memoryBytes: os.totalmem(),
      node: process.version,
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      loadAverageAtStart,
    },
    date,
    commit: git(['rev-parse', 'HEAD']),
    dirty: git(['status', '--porcelain']) !== '',
    ...result,
  };
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'import.json'), `${JSON.stringify(out, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'import.md'), markdown(result.rows, result.file, out.machine.loadAverageAtStart ?? 0));
  console.log(markdown(result.rows, result.file, out.machine.loadAverageAtStart ?? 0));
}
