import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../http/app-error.ts';
import { CellAddressFiller } from './cell-addresses.ts';
import { assertDeclaredBounds, openEntry, readZipDirectory, type InflateBudget, type ZipEntry, type ZipLimits } from './zip-entries.ts';

/**
 * Streams the rows of the first worksheet of an uploaded xlsx through ExcelJS's streaming
 * WorkbookReader (never `workbook.xlsx.load()`, SECURITY.md finding 6).
 *
 * ExcelJS is not given the upload itself. Excel writes the worksheet *before* the shared strings,
 * and in that order ExcelJS spools the whole inflated sheet to an unnamed file in the OS temp
 * directory (via `tmp`), outside our control and left behind when the import stops early. So the
 * reader is fed a re-ordered zip stream instead: workbook, relationships, styles, shared strings,
 * then only the sheet being imported, each entry inflated here (counted, capped) and passed on
 * stored. ExcelJS then parses the sheet as it streams, in memory bounded by the row it is on.
 * The sheet passes through CellAddressFiller (cells without the optional `r` attribute) and so
 * changes length: it is passed with a data descriptor (APPNOTE 4.3.9) instead of sizes up front.
 */
/** A cell's plain value: text, number, boolean, a date (date-formatted numbers) or empty. */
export type SheetCell = string | number | boolean | Date | null;

export interface SheetRow {
  /** Row number in the sheet (1-based, as Excel shows it). */
  readonly number: number;
  /** Cell values by 1-based column; index 0 unused. */
  readonly cells: readonly SheetCell[];
  /**
   * Number format of each cell (same index as cells), e.g. 'General', '0.00', 'yyyy-mm-dd';
   * undefined when the cell has none. Lets a reader tell `1990.10` typed as a number from text.
   */
  readonly formats: readonly (string | undefined)[];
}

export interface SheetLimits extends ZipLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  /** ExcelJS keeps every shared string in memory: its part is capped on its own. */
  readonly maxSharedStringsBytes: number;
}

export interface SheetReader {
  readonly rows: AsyncIterable<SheetRow>;
  /** Share of the sheet's bytes read so far (0–1), for progress before the row count is known. */
  fraction(): number;
  /** Stops reading; resolves once every file handle of the reader is closed. */
  close(): Promise<void>;
}

const PARTS_BEFORE_SHEET = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
/** Bytes no XML parser accepts: pushed into the stream when our side fails, so ExcelJS stops instead of waiting forever. */
const POISON = Buffer.from([0x00, 0x3c, 0x00]);
const SMALL_PART_LIMIT = 4 * 1_048_576;

const attrs = (tag: string): Map<string, string> =>
  new Map([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));

async function readSmall(file: string, entry: ZipEntry, budget: InflateBudget): Promise<string> {
  if (entry.uncompressedSize > SMALL_PART_LIMIT) throw new AppError('IMPORT_NOT_XLSX', { reason: `${entry.name} too large` });
  const chunks: Buffer[] = [];
  for await (const chunk of await openEntry(file, entry, budget)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The part of the first visible worksheet in tab order (workbook.xml), resolved through the relationships. */
async function firstSheetPart(file: string, byName: Map<string, ZipEntry>, budget: InflateBudget): Promise<ZipEntry> {
  const wb = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) throw new AppError('IMPORT_NOT_XLSX', { reason: 'no workbook' });
  const targets = new Map<string, string>();
  for (const m of (await readSmall(file, rels, budget)).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    const target = (a.get('Target') ?? '').replace(/^\/?(xl\/)?/, 'xl/');
    if (a.get('Id')) targets.set(a.get('Id') as string, target);
  }
  for (const m of (await readSmall(file, wb, budget)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.get('state') === 'hidden' || a.get('state') === 'veryHidden') continue;
    const rid = [...a].find(([k]) => k.endsWith(':id'))?.[1];
    const entry = rid ? byName.get(targets.get(rid) ?? '') : undefined;
    if (entry) return entry;
  }
  throw new AppError('IMPORT_NOT_XLSX', { reason: 'no worksheet' });
}

/** A stored entry's local header; with `size` undefined the sizes follow the data in a descriptor. */
function localHeader(name: string, size: number | undefined, crc: number): Buffer {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(size === undefined ? 0x0808 : 0x0800, 6); // UTF-8 names; bit 3: data descriptor follows
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(size ?? 0, 18);
  h.writeUInt32LE(size ?? 0, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n]);
}

function dataDescriptor(crc: number, size: number): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(crc >>> 0, 4);
  d.writeUInt32LE(size >>> 0, 8);
  d.writeUInt32LE(size >>> 0, 12);
  return d;
}

type Part = { readonly name: string; readonly entry: ZipEntry } | { readonly name: string; readonly data: Buffer };

export async function openSheet(file: string, limits: SheetLimits): Promise<SheetReader> {
  const entries = await readZipDirectory(file, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget: InflateBudget = { max: limits.maxInflatedBytes, used: 0, maxRatio: limits.maxRatio };
  const sheet = await firstSheetPart(file, byName, budget);
  const sst = byName.get('xl/sharedStrings.xml');
  if (sst && sst.uncompressedSize > limits.maxSharedStringsBytes)
    throw new AppError('IMPORT_XLSX_TOO_LARGE', { maxMb: Math.round(limits.maxSharedStringsBytes / 1_048_576) });
  assertDeclaredBounds([sheet, ...(sst ? [sst] : [])], limits);
  const parts: Part[] = [];
  for (const name of PARTS_BEFORE_SHEET) {
    const entry = byName.get(name);
    if (entry) parts.push({ name, entry });
    // Without shared strings ExcelJS would spool the sheet to the OS temp dir (see above).
    else if (name === 'xl/sharedStrings.xml') parts.push({ name, data: EMPTY_SST });
  }
  // Renamed to sheet1: ExcelJS only recognises xl/worksheets/sheetN.xml, whatever the workbook calls it.
  parts.push({ name: 'xl/worksheets/sheet1.xml', entry: sheet });

  let sheetBytes = 0;
  const state: { failure?: unknown } = {};
  const open = new Set<Readable>();
  const track = (stream: Readable): Readable => {
    open.add(stream);
    stream.once('close', () => open.delete(stream));
    return stream;
  };
  const close = async (): Promise<void> => {
    source.destroy();
    await Promise.all(
      [...open].map((s) => new Promise<void>((resolve) => (s.closed ? resolve() : s.once('close', () => resolve()).destroy()))),
    );
  };
  async function* orderedZip(): AsyncGenerator<Buffer> {
    let inDescribedEntry = false;
    try {
      for (const part of parts) {
        if ('data' in part) {
          yield localHeader(part.name, part.data.length, zlib.crc32(part.data));
          yield part.data;
        } else if (part.entry !== sheet) {
          yield localHeader(part.name, part.entry.uncompressedSize, part.entry.crc32);
          for await (const chunk of track(await openEntry(file, part.entry, budget))) yield chunk as Buffer;
        } else {
          yield localHeader(part.name, undefined, 0);
          inDescribedEntry = true;
          let crc = 0;
          let size = 0;
          const inflated = track(await openEntry(file, part.entry, budget, (n) => (sheetBytes += n)));
          const filled = new CellAddressFiller();
          // pipe() does not forward errors: a refused bomb must end the loop below, not stall it.
          inflated.once('error', (error) => filled.destroy(error));
          filled.once('close', () => inflated.destroy());
          inflated.pipe(filled);
          for await (const chunk of track(filled)) {
            crc = zlib.crc32(chunk as Buffer, crc);
            size += (chunk as Buffer).length;
            yield chunk as Buffer;
          }
          yield dataDescriptor(crc, size);
          inDescribedEntry = false;
        }
      }
      const eocd = Buffer.alloc(22);
      eocd.writeUInt32LE(0x06054b50, 0);
      yield eocd;
    } catch (error) {
      state.failure = error;
      yield POISON;
      // An entry of unknown length only ends at its descriptor: without one the unzipper would wait.
      if (inDescribedEntry) yield dataDescriptor(0, 0);
    }
  }
  const source = Readable.from(orderedZip(), { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  async function* rows(): AsyncGenerator<SheetRow> {
    let count = 0;
    try {
      for await (const worksheet of reader) {
        for await (const row of worksheet) {
          if (++count > limits.maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: limits.maxRows });
          const cells = rowCells(row.values, limits.maxColumns);
          yield { number: row.number, cells, formats: cells.map((_, i) => (i === 0 ? undefined : formatOf(row, i))) };
        }
        break; // only the one sheet was passed in
      }
    } catch (error) {
      throw (
        state.failure ??
        (error instanceof AppError
          ? error
          : new AppError('IMPORT_NOT_XLSX', { reason: error instanceof Error ? error.message : String(error) }))
      );
    } finally {
      await close();
    }
  }
  return { rows: rows(), fraction: () => (sheet.uncompressedSize === 0 ? 1 : sheetBytes / sheet.uncompressedSize), close };
}

function rowCells(values: ExcelJS.CellValue[] | { [key: string]: ExcelJS.CellValue }, maxColumns: number): SheetCell[] {
  const list = Array.isArray(values) ? values : [];
  const cells: SheetCell[] = [null];
  for (let i = 1; i < Math.min(list.length, maxColumns + 1); i++) cells.push(toCell(list[i]));
  return cells;
}

/** The cell's number format; ExcelJS resolves it from styles.xml (cellXfs → numFmts or a built-in id). */
function formatOf(row: ExcelJS.Row, column: number): string | undefined {
  const format: unknown = row.getCell(column).numFmt;
  return typeof format === 'string' ? format : undefined;
}

/** ExcelJS cell values → plain values: rich text joined, formulas by their cached result, errors as text. */
function toCell(v: ExcelJS.CellValue): SheetCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : toCell(v.result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : null;
  return null;
}
