import { sendRequest } from './client';
import type { QueryParams } from './query-string';

/** Reads `filename*=UTF-8''…` (RFC 6266 / 5987) first, then plain `filename="…"`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed escape: use the plain name below.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * GET a file through fetch rather than a plain link so an error (403, 400) is shown as a
 * localised message instead of navigating the tab to a JSON error page.
 */
export async function downloadFile(path: string, query: QueryParams, fallbackName: string): Promise<void> {
  const response = await sendRequest('GET', path, { query });
  const blob = await response.blob();
  saveBlob(blob, filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
}
