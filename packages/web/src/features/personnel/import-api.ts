import i18n from 'i18next';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../../shared/api/api-error';
import { buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
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
}

type ImportLine =
  | ({ type: 'progress' } & ImportProgress)
  | ({ type: 'result' } & ImportResult)
  | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> } };

export const downloadTemplate = () => downloadFile(`${BASE}/template`, {}, 'personnel-import-template.xlsx');
export const downloadReport = (jobId: string) => downloadFile(`${BASE}/report`, { jobId }, 'import-problems.xlsx');

/**
 * Uploads the roster for a dry run (check only) or a commit (all or nothing) and follows the
 * NDJSON answer: progress lines while the server reads and inserts, then one result or error line.
 * Sent with fetch directly because the shared client only speaks JSON bodies.
 */
export async function runImport(
  mode: 'dry-run' | 'commit',
  file: File,
  defaultKind: PersonKind | undefined,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    const query = defaultKind ? `?defaultKind=${defaultKind}` : '';
    // No Content-Type: the browser writes the multipart boundary itself.
    response = await fetch(`${BASE}/${mode}${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: buildHeaders('POST', false),
      body,
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  if (!response.body) throw new ApiError(response.status, UNEXPECTED_RESPONSE, i18n.t('errors.unexpected', { status: response.status }));

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let result: ImportResult | undefined;
  const handle = (text: string) => {
    if (!text.trim()) return;
    // why: each line is one JSON object of the documented NDJSON protocol
    const line = JSON.parse(text) as ImportLine;
    if (line.type === 'progress') onProgress(line);
    else if (line.type === 'error') throw new ApiError(response.status, line.error.code, line.error.message, line.error.details ?? {});
    else result = line;
  };
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(handle);
    if (done) break;
  }
  handle(buffered);
  if (!result) throw new ApiError(response.status, UNEXPECTED_RESPONSE, i18n.t('errors.unexpected', { status: response.status }));
  return result;
}
