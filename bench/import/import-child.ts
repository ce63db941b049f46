/**
 * One measurement of the import benchmark, alone in its process (forked by import-bench.ts), so
 * the peak RSS it reports (VmHWM) belongs to that measurement only.
 *
 * BENCH_MODE: dry-run | commit (the platform's importer) | bare-read (ExcelJS streaming reader on
 * the file, rows counted, nothing else) | bare-insert (the same person and history rows through
 * prepared INSERT statements in one transaction, driver only; rows are built outside the timer).
 * Environment: DATA_DIR, DATABASE_URL (PostgreSQL), BENCH_FILE, BENCH_ROWS. Answers over IPC.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { ImportPhase } from '@zhenggong/server/modules/personnel/import/import-service';

const mode = process.env.BENCH_MODE;
const file = process.env.BENCH_FILE ?? '';
const rowCount = Number(process.env.BENCH_ROWS ?? 0);

/** Peak resident set of this process so far (Linux VmHWM; maxRSS elsewhere), in MiB. */
function peakRssMiB(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '');
  return (m ? Number(m[1]) : process.resourceUsage().maxRSS) / 1024;
}

async function bareRead() {
  const started = performance.now();
  let rows = 0;
  for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })) {
    for await (const row of ws) rows += row.hasValues ? 1 : 0;
    break;
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}

async function openCtx() {
  const { loadConfig } = await import('@zhenggong/server/config');
  const { connect } = await import('@zhenggong/server/db/connect');
  const { ensureDataDir } = await import('@zhenggong/server/platform/data-dir');
  const { fieldCryptoFromFile } = await import('@zhenggong/server/platform/field-crypto');
  const { systemClock } = await import('@zhenggong/server/platform/clock');
  const config = loadConfig(process.env);
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { secretKeyFile } = ensureDataDir(config.dataDir);
  return {
    connection,
    ctx: { db: connection.db, dialect: connection.dialect, config, clock: systemClock, fieldCrypto: fieldCryptoFromFile(secretKeyFile) },
  };
}

async function platformImport(dryRun: boolean) {
  const { runImport } = await import('@zhenggong/server/modules/personnel/import/import-service');
  const { systemActor } = await import('@zhenggong/server/platform/audit/audit-service');
  const { connection, ctx } = await openCtx();
  const phaseStart = new Map<ImportPhase, number>();
  const started = performance.now();
  const job = await runImport(ctx, { all: true }, systemActor, { file, fileName: 'bench.xlsx', dryRun, ownerId: 'bench' }, (p) => {
    if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now());
  });
  const ended = performance.now();
  await connection.close();
  const at = (p: ImportPhase) => phaseStart.get(p) ?? ended;
  return {
    seconds: (ended - started) / 1000,
    validateSeconds: (at('inserting') - started) / 1000,
    insertSeconds: dryRun ? 0 : (at('committing') - at('inserting')) / 1000,
    commitSeconds: dryRun ? 0 : (ended - at('committing')) / 1000,
    rows: job.totalRows,
    inserted: job.inserted,
    problems: job.problemCount,
    firstProblems: job.problems.slice(0, 3),
  };
}

process.once('message', (m: { type: string }) => {
  if (m.type !== 'run') return;
  const work =
    mode === 'bare-read'
      ? bareRead()
      : mode === 'dry-run'
        ? platformImport(true)
        : mode === 'commit'
          ? platformImport(false)
          : mode === 'bare-insert'
            ? import('./bare-insert.ts').then((b) => b.bareInsert(file, rowCount))
            : Promise.reject(new Error(`unknown BENCH_MODE ${mode}`));
  work.then(
    (result) => process.send?.({ type: 'result', result: { ...result, peakRssMiB: peakRssMiB() } }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () =>
        process.exit(1),
      ),
  );
});
process.send?.({ type: 'ready' });
