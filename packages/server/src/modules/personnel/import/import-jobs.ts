import type { MappedColumn } from '@zhenggong/core/personnel/roster-columns';
import type { ImportProblem } from './roster-validator.ts';

/**
 * Finished imports, kept so their error report can be downloaded. Per process and in memory:
 * on a multi-node deployment the report must be fetched from the node that ran the import
 * (sticky sessions), and a restart forgets them — the user simply runs the check again. Problems
 * quote the cells the user uploaded, so results expire and are visible to their owner only.
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
  readonly finishedAt: number;
}

export const MAX_KEPT_PROBLEMS = 50_000;
const TTL_MS = 60 * 60 * 1000;
const MAX_JOBS = 50;

const jobs = new Map<string, ImportJob>();

export function rememberJob(job: ImportJob): void {
  const now = Date.now();
  for (const [id, j] of jobs) if (now - j.finishedAt > TTL_MS) jobs.delete(id);
  // Map iteration is insertion order: the first key is the oldest job.
  while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value as string);
  jobs.set(job.jobId, job);
}

export function findJob(jobId: string, ownerId: string): ImportJob | undefined {
  const job = jobs.get(jobId);
  if (!job || job.ownerId !== ownerId || Date.now() - job.finishedAt > TTL_MS) return undefined;
  return job;
}
