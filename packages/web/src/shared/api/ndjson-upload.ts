import i18n from 'i18next';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './api-error';
import { buildHeaders, toApiError } from './client';

/** Lines of the platform's import protocol: progress while the server works, then one result or error line. */
type Line<P, R> =
  | ({ type: 'progress' } & P)
  | ({ type: 'result' } & R)
  | { type: 'error'; error: { code: string; message: string; details?: Record<string, unknown> } };

/**
 * Uploads one file as multipart (field `file`) and follows an NDJSON answer (the personnel roster
 * import and the question import speak it). Sent with fetch directly because the JSON client
 * cannot stream; errors become the same ApiError the client throws.
 */
export async function uploadWithProgress<P, R>(
  url: string,
  file: File,
  onProgress: (progress: P) => void,
  signal?: AbortSignal,
): Promise<R> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    // No Content-Type: the browser writes the multipart boundary itself.
    response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: buildHeaders('POST', false), body, signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  if (!response.body) throw new ApiError(response.status, UNEXPECTED_RESPONSE, i18n.t('errors.unexpected', { status: response.status }));

  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let result: R | undefined;
  const handle = (text: string) => {
    if (!text.trim()) return;
    // why: each line is one JSON object of the documented NDJSON protocol
    const line = JSON.parse(text) as Line<P, R>;
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
