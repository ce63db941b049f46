import fs from 'node:fs';
import type { ResolvedScope } from '../../../platform/access/data-scope.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../../platform/access/db-errors.ts';
import { appendAudit, auditAlone, type AuditActor } from '../../../platform/audit/audit-service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { today } from '../person-rows.ts';
import type { PersonTable } from '../tables.ts';
import { MAX_KEPT_PROBLEMS, rememberJob, type ImportJob } from './import-jobs.ts';
import { insertPeople } from './import-queries.ts';
import { createSpool, readSpool } from './row-spool.ts';
import { databaseDuplicates, validateRoster, type ImportNote, type ImportProblem, type ValidationTotals } from './roster-validator.ts';
import { openSheet, type SheetLimits } from '../../../platform/files/xlsx-reader.ts';

/** Upload and parsing bounds (SECURITY.md finding 6): file size, entries, inflated bytes, rows. */
export const importLimits: SheetLimits & { readonly maxUploadBytes: number } = {
  maxUploadBytes: 30 * 1_048_576,
  maxEntries: 1000,
  maxInflatedBytes: 512 * 1_048_576,
  maxSharedStringsBytes: 96 * 1_048_576,
  maxRows: 200_000,
  maxColumns: 100,
};

export type ImportPhase = 'validating' | 'inserting' | 'committing';
export interface ImportProgress {
  readonly phase: ImportPhase;
  readonly processedRows: number;
  /** Known once the file has been read through (during inserting); null while validating. */
  readonly totalRows: number | null;
  /** Whole job, 0–100: a dry run is all validating; a commit validates (0–60), inserts (60–95), commits. */
  readonly percent: number;
}

export interface ImportRequest {
  /** The uploaded file, already on disk (DATA_DIR/tmp, mode 0600); the caller deletes it. */
  readonly file: string;
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly defaultKind?: 'officer' | 'auxiliary' | undefined;
  readonly ownerId: string;
}

/** Imports running in this process; each holds a file's shared strings and a key set per row. */
const MAX_RUNNING = 2;
let running = 0;

/** Reserves a slot before the upload is read, so a busy server refuses early. */
export function acquireImportSlot(): () => void {
  if (running >= MAX_RUNNING) throw new AppError('IMPORT_BUSY');
  running++;
  let released = false;
  return () => {
    if (!released) running--;
    released = true;
  };
}

class RejectedInTransaction extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import rejected inside the transaction');
  }
}

const freshTotals = (): ValidationTotals => ({
  mapping: undefined,
  totalRows: 0,
  problemRows: new Set(),
  skipped: { blank: 0, totals: 0, example: 0 },
});
/** History rows need a full date; a month-precision 入警时间 (1985.03) starts on the 1st. */
const historyStart = (ctx: AppContext) => (row: PersonTable) =>
  row.police_start_date ? row.police_start_date.padEnd(10, '-01').slice(0, 10) : today(ctx);

/**
 * Checks a roster and, unless it is a dry run, imports it all or nothing. The checking pass reads
 * and validates everything outside any transaction (a failing file never locks the database) and
 * spools the finished rows; then ONE transaction re-checks the database for each batch (IDs and
 * police numbers registered meanwhile) and inserts it. A kill at any point leaves no row of the
 * file behind: the transaction never committed.
 */
export async function runImport(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  req: ImportRequest,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportJob> {
  const jobId = newId();
  const totals = freshTotals();
  const kept: ImportProblem[] = [];
  let problemCount = 0;
  const keptNotes: ImportNote[] = [];
  let noteCount = 0;
  const share = req.dryRun ? 100 : 60;
  const progress = throttle(onProgress);
  // A dry run never stores its rows, so it skips encrypting them; blind indexes stay real, they find duplicates.
  const checkCtx: AppContext = req.dryRun ? { ...ctx, fieldCrypto: { ...ctx.fieldCrypto, encrypt: () => '' } } : ctx;
  const spool = req.dryRun ? undefined : createSpool(`${req.file}.rows`);
  try {
    const sheet = await openSheet(req.file, importLimits);
    try {
      progress({ phase: 'validating', processedRows: 0, totalRows: null, percent: 0 }, true);
      for await (const batch of validateRoster(checkCtx, ctx.db, scope, sheet, totals, { defaultKind: req.defaultKind })) {
        problemCount += batch.problems.length;
        for (const p of batch.problems) if (kept.length < MAX_KEPT_PROBLEMS) kept.push(p);
        noteCount += batch.notes.length;
        for (const n of batch.notes) if (keptNotes.length < MAX_KEPT_PROBLEMS) keptNotes.push(n);
        // Once a row has failed nothing will be inserted, so the spool is not worth writing.
        if (problemCount === 0) await spool?.add(batch.rows);
        progress({
          phase: 'validating',
          processedRows: batch.processedRows,
          totalRows: null,
          percent: Math.floor(sheet.fraction() * share),
        });
      }
    } finally {
      await sheet.close();
      await spool?.finish();
    }
    if (totals.totalRows === 0) throw new AppError('IMPORT_NO_ROWS');
    const finish = async (committed: boolean, inserted: number, problems: ImportProblem[], count: number): Promise<ImportJob> => {
      const job: ImportJob = {
        jobId,
        ownerId: req.ownerId,
        fileName: req.fileName,
        dryRun: req.dryRun,
        committed,
        inserted,
        totalRows: totals.totalRows,
        validRows: totals.totalRows - totals.problemRows.size,
        skippedRows: totals.skipped,
        columns: totals.mapping?.columns ?? [],
        ignoredColumns: totals.mapping?.ignored ?? [],
        problemCount: count,
        problems: [...problems].sort(byCell),
        noteCount,
        notes: [...keptNotes].sort(byCell),
        finishedAt: Date.now(),
      };
      await rememberJob(ctx, job);
      return job;
    };
    const audited = (outcome: 'success' | 'failure', extra: Record<string, unknown>) =>
      ({
        eventType: req.dryRun ? 'person.import.check' : 'person.import',
        objectType: 'import',
        objectId: jobId,
        outcome,
        // Counts and the file name only; the rows themselves never go into the audit log.
        detail: { fileName: req.fileName, totalRows: totals.totalRows, skippedRows: totals.skipped, ...extra },
      }) as const;

    if (!spool || problemCount > 0) {
      await auditAlone(
        ctx.db,
        ctx.clock,
        actor,
        audited(problemCount > 0 && !req.dryRun ? 'failure' : 'success', {
          problemCount,
          validRows: totals.totalRows - totals.problemRows.size,
        }),
      );
      progress({ phase: 'validating', processedRows: totals.totalRows, totalRows: totals.totalRows, percent: share }, true);
      return finish(false, 0, kept, problemCount);
    }
    const columnOf = new Map((totals.mapping?.columns ?? []).map((c) => [c.field, c]));
    const expected = totals.totalRows;
    let inserted = 0;
    try {
      await ctx.db.transaction().execute(async (trx) => {
        progress({ phase: 'inserting', processedRows: 0, totalRows: expected, percent: share }, true);
        for await (const batch of readSpool(spool.path, 500)) {
          // Re-checked inside the transaction: someone may have registered one of these people since the check.
          const taken = await databaseDuplicates(
            trx,
            columnOf,
            batch.map((b) => ({ row: b.row, bidx: b.person.id_number_bidx, policeNumber: b.person.police_number ?? undefined })),
          );
          if (taken.length > 0) throw new RejectedInTransaction(taken);
          await insertPeople(
            trx,
            batch.map((b) => b.person),
            historyStart(ctx),
          );
          inserted += batch.length;
          progress(
            {
              phase: 'inserting',
              processedRows: inserted,
              totalRows: expected,
              percent: share + Math.floor((inserted / expected) * (95 - share)),
            },
            inserted === batch.length,
          );
        }
        if (inserted !== expected) throw new Error(`spool held ${inserted} of ${expected} rows`);
        progress({ phase: 'committing', processedRows: inserted, totalRows: expected, percent: 95 }, true);
        await appendAudit(trx, ctx.clock, actor, audited('success', { inserted }));
      });
    } catch (error) {
      // Someone registered one of these people between the check and the transaction: nothing was written.
      if (error instanceof RejectedInTransaction) {
        for (const p of error.problems) totals.problemRows.add(p.row);
        return finish(false, 0, error.problems, error.problems.length);
      }
      // A unit deleted meanwhile (foreign key), or a duplicate the unique indexes caught before our re-check.
      if (isUniqueViolation(error) || isForeignKeyViolation(error)) throw new AppError('IMPORT_CONFLICT');
      throw error;
    }
    return finish(true, inserted, [], 0);
  } finally {
    if (spool) {
      await spool.finish().catch(() => {}); // a write error was already reported where it happened
      await fs.promises.rm(spool.path, { force: true });
    }
  }
}

/** Sheet order: by row, then by column letter (A … Z, AA …). */
const byCell = (a: { row: number; column: string }, b: { row: number; column: string }): number =>
  a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column);

/** At most one progress report per 200 ms, except the ones that must be seen (phase changes). */
function throttle(report: (p: ImportProgress) => void): (p: ImportProgress, force?: boolean) => void {
  let last = 0;
  return (p, force = false) => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    report(p);
  };
}
