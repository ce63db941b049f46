import i18n from 'i18next';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../../shared/api/api-error';
import { buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import { BASE } from './api';
import type { ImportProgress, ImportResult } from './types';

/** Lines of the NDJSON answer of /import/dry-run and /import/commit. */
type ImportLine =
  | ({ type: 'progress' } & ImportProgress)
  | ({ type: 'result' } & ImportResult)
  | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> } };

export const downloadTemplate = () => downloadFile(`${BASE}/import/template`, {}, 'question-import-template.xlsx');

/**
 * Question import (试题导入): uploads the sheet for a dry run (check only) or a commit (all or
 * nothing) and follows the NDJSON answer: progress lines while the server reads and inserts, then one result or error line.
 * Sent with fetch directly because the shared client only speaks JSON bodies.
 */
export async function runImport(
  mode: 'dry-run' | 'commit',
  file: File,
  bankId: string,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    // No Content-Type: the browser writes the multipart boundary itself.
    response = await fetch(`${BASE}/import/${mode}?bankId=${encodeURIComponent(bankId)}`, {
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
