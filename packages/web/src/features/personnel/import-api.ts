import { downloadFile } from '../../shared/api/download';
import { uploadWithProgress } from '../../shared/api/ndjson-upload';
import type { PersonKind } from './types';

/** Roster import, /api/v1/personnel/import (core `personnel/roster-import-api.ts`). */
const BASE = '/api/v1/personnel/import';

export interface ImportProgress {
  phase: 'validating' | 'inserting' | 'committing';
  processedRows: number;
  totalRows: number | null;
  percent: number;
}

export interface ImportProblemView {
  /** Sheet row number as Excel shows it. */
  row: number;
  /** Column letter; '' when the file has no column for the field. */
  column: string;
  header: string;
  field: string;
  code: string;
  value: string;
  /** Localised by the server. */
  message: string;
}

export interface ImportResult {
  jobId: string;
  fileName: string;
  dryRun: boolean;
  committed: boolean;
  inserted: number;
  totalRows: number;
  validRows: number;
  skippedRows: { blank: number; totals: number; example: number };
  columns: { letter: string; header: string; field: string }[];
  ignoredColumns: { letter: string; header: string }[];
  problemCount: number;
  /** The first 200; the report has them all. */
  problems: ImportProblemView[];
  /** Notes on rows imported all the same (a 15-digit ID upgraded, a rank outside its grade's band). */
  noteCount: number;
  notes: ImportProblemView[];
}

export const downloadTemplate = () => downloadFile(`${BASE}/template`, {}, 'personnel-import-template.xlsx');
export const downloadReport = (jobId: string) => downloadFile(`${BASE}/report`, { jobId }, 'import-problems.xlsx');

/**
 * Uploads the roster for a dry run (check only) or a commit (all or nothing) and follows the
 * NDJSON answer: progress lines while the server reads and inserts, then one result or error line.
 */
export async function runImport(
  mode: 'dry-run' | 'commit',
  file: File,
  defaultKind: PersonKind | undefined,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const query = defaultKind ? `?defaultKind=${defaultKind}` : '';
  return uploadWithProgress<ImportProgress, ImportResult>(`${BASE}/${mode}${query}`, file, onProgress, signal);
}
