import { saveBlob } from '../api/download';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A cell starting with = + - @ (or tab/CR) is prefixed with ' so spreadsheet programs do not run it
 * as a formula (OWASP "CSV injection").
 */
function escapeCell(cell: CsvCell): string {
  let text = cell === null || cell === undefined ? '' : String(cell);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(escapeCell).join(',')).join('\r\n');
}

/** UTF-8 with BOM so Excel (the usual reader here) detects the encoding of Chinese text. */
export function downloadCsv(filename: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  saveBlob(new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}
