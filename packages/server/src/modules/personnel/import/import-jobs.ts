import type { MappedColumn } from '@zhenggong/core/personnel/roster-columns';
import type { AppContext } from '../../../platform/context.ts';
import { findImportReport, saveImportReport } from '../../../platform/jobs/import-reports.ts';
import type { ImportNote, ImportProblem } from './roster-validator.ts';

/**
 * Finished imports, kept so their error report can be downloaded — in the database through the
 * platform's import reports, so any node of a multi-node deployment serves the report and a
 * restart forgets nothing. Problems quote the cells the user uploaded: reports are encrypted,
 * expire after an hour and are visible to their owner only.
 */
export interface ImportJob {
  readonly jobId: string;
  readonly ownerId: string;
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly committed: boolean;
  readonly inserted: number;
  readonly totalRows: number;
  readonly validRows: number;
  readonly skippedRows: { readonly blank: number; readonly totals: number; readonly example: number };
  readonly columns: readonly MappedColumn[];
  readonly ignoredColumns: readonly { readonly letter: string; readonly header: string }[];
  readonly problemCount: number;
  /** Sorted by row and column; at most MAX_KEPT_PROBLEMS (problemCount says how many there were). */
  readonly problems: readonly ImportProblem[];
  /** Notes on rows imported all the same, by row; at most MAX_KEPT_PROBLEMS (noteCount says how many). Absent in reports kept before notes existed. */
  readonly noteCount?: number;
  readonly notes?: readonly ImportNote[];
  readonly finishedAt: number;
}

export const MAX_KEPT_PROBLEMS = 50_000;
const KIND = 'personnel.roster';

export function rememberJob(ctx: AppContext, job: ImportJob): Promise<void> {
  return saveImportReport(ctx, { id: job.jobId, ownerId: job.ownerId, kind: KIND, payload: job });
}

export async function findJob(ctx: AppContext, jobId: string, ownerId: string): Promise<ImportJob | undefined> {
  // Written by rememberJob above from an ImportJob; the row is encrypted, so only this code wrote it.
  return (await findImportReport(ctx, jobId, ownerId, KIND)) as ImportJob | undefined;
}
