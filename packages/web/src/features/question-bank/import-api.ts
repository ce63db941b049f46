import { downloadFile } from '../../shared/api/download';
import { uploadWithProgress } from '../../shared/api/ndjson-upload';
import { BASE } from './api';
import type { ImportProgress, ImportResult } from './types';

export const downloadTemplate = () => downloadFile(`${BASE}/import/template`, {}, 'question-import-template.xlsx');

/**
 * Question import (试题导入): uploads the sheet for a dry run (check only) or a commit (all or
 * nothing) and follows the NDJSON answer: progress lines while the server reads and inserts, then one result or error line.
 */
export async function runImport(
  mode: 'dry-run' | 'commit',
  file: File,
  bankId: string,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  return uploadWithProgress<ImportProgress, ImportResult>(
    `${BASE}/import/${mode}?bankId=${encodeURIComponent(bankId)}`,
    file,
    onProgress,
    signal,
  );
}
