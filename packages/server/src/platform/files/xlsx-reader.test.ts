import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { writeRosterXlsx } from '../../modules/personnel/import/roster-fixture.ts';
import { writeXlsxBomb, writeXlsxWithoutAddresses } from './hostile-files.ts';
import { openSheet, type SheetLimits, type SheetRow } from './xlsx-reader.ts';
import { readZipDirectory } from './zip-entries.ts';

const limits: SheetLimits = {
  maxEntries: 100,
  maxInflatedBytes: 64 * 1_048_576,
  maxSharedStringsBytes: 16 * 1_048_576,
  maxRows: 10_000,
  maxColumns: 50,
};
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-xlsx-'));
let sample: string;

async function readAll(file: string, l: SheetLimits = limits): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const r of (await openSheet(file, l)).rows) rows.push(r);
  return rows;
}
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
const openFds = () => fs.readdirSync('/proc/self/fd').length;

/** A copy of the sample with the bytes at `at` (from the entry's data start, or the CD record) replaced. */
async function patched(name: string, patch: (buf: Buffer, entry: { dataStart: number; cdRecord: number }) => void): Promise<string> {
  return patchedFile(sample, name, patch);
}
async function patchedFile(
  source: string,
  name: string,
  patch: (buf: Buffer, entry: { dataStart: number; cdRecord: number }) => void,
): Promise<string> {
  const buf = fs.readFileSync(source);
  const entry = (await readZipDirectory(source, limits)).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const dataStart =
    entry.localHeaderOffset + 30 + buf.readUInt16LE(entry.localHeaderOffset + 26) + buf.readUInt16LE(entry.localHeaderOffset + 28);
  const cdRecord = buf.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02])]), buf.lastIndexOf(Buffer.from(name)) - 46);
  patch(buf, { dataStart, cdRecord });
  const out = path.join(dir, `patched-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(out, buf);
  return out;
}

describe('streaming xlsx reader', () => {
  beforeAll(async () => {
    sample = path.join(dir, 'sample.xlsx');
    await writeRosterXlsx(sample, {
      hiddenFirstSheet: true,
      headers: ['姓名', '身份证号', '单位'],
      rows: Array.from({ length: 3000 }, (_, i) => [`人员${i}`, `ID${i}`, new Date(Date.UTC(2000, 0, 1 + i))]),
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => {
    delete process.env.TMPDIR;
  });

  it('reads the first visible sheet, with Excel date cells as dates', async () => {
    const rows = await readAll(sample);
    expect(rows).toHaveLength(3001);
    expect(rows[0]?.cells).toEqual([null, '姓名', '身份证号', '单位']);
    expect(rows[1]).toMatchObject({ number: 2, cells: [null, '人员0', 'ID0', new Date(Date.UTC(2000, 0, 1))] });
    // The number format travels with the value, so a reader can tell a typed date or decimal from text.
    expect(rows[1]?.formats[3]).toMatch(/y/i);
    expect(rows[1]?.formats[1]).toBeUndefined();
  });

  it('reads cells without the optional r attribute (ECMA-376 18.3.1.4)', async () => {
    const file = path.join(dir, 'no-r.xlsx');
    writeXlsxWithoutAddresses(file, [
      ['姓名', '身份证号'],
      ['张三', 1990.1],
      ['李四', '110101199003070011'],
    ]);
    const rows = await readAll(file);
    expect(rows.map((r) => [r.number, ...r.cells.slice(1)])).toEqual([
      [1, '姓名', '身份证号'],
      [2, '张三', 1990.1],
      [3, '李四', '110101199003070011'],
    ]);
  });

  it('refuses a well-formed sheet inflating to 450 MB within a second, by its ratio, while inflating', async () => {
    const bomb = path.join(dir, 'bomb.xlsx');
    const made = writeXlsxBomb(bomb, 450 * 1_048_576);
    expect(made.inflatedBytes).toBeGreaterThanOrEqual(450 * 1_048_576);
    expect(made.fileBytes).toBeLessThan(2 * 1_048_576);
    const started = Date.now();
    expect(await codeOf(readAll(bomb, { ...limits, maxInflatedBytes: 512 * 1_048_576 }))).toBe('IMPORT_XLSX_RATIO');
    expect(Date.now() - started).toBeLessThan(1000);
    // A bomb whose directory hides its size is stopped by what inflation really produces.
    const hidden = await patchedFile(bomb, 'xl/worksheets/sheet1.xml', (buf, at) => buf.writeUInt32LE(1000, at.cdRecord + 24));
    expect(await codeOf(readAll(hidden, { ...limits, maxInflatedBytes: 512 * 1_048_576 }))).toMatch(/IMPORT_XLSX_RATIO|IMPORT_NOT_XLSX/);
  });

  it('never spools the sheet to the OS temp directory, as plain ExcelJS does for Excel-ordered files', async () => {
    const spy = fs.mkdtempSync(path.join(dir, 'tmpdir-'));
    process.env.TMPDIR = spy; // os.tmpdir(), which ExcelJS's `tmp` asks on every file it makes
    const names = (await readZipDirectory(sample, limits)).map((e) => e.name);
    expect(names.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml')); // Excel's order
    // Control: ExcelJS given the file itself writes the sheet to a temp file while reading it.
    let controlSaw = 0;
    for await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(sample, {})) {
      for await (const _ of ws) {
        controlSaw = Math.max(controlSaw, fs.readdirSync(spy).length);
        break;
      }
      break;
    }
    expect(controlSaw).toBeGreaterThan(0);
    for (const f of fs.readdirSync(spy)) fs.rmSync(path.join(spy, f), { force: true });
    let ourSaw = 0;
    for await (const _ of (await openSheet(sample, limits)).rows) ourSaw = Math.max(ourSaw, fs.readdirSync(spy).length);
    expect(ourSaw).toBe(0);
  });

  it('caps the rows and stops reading there, closing the file', async () => {
    const before = openFds();
    expect(await codeOf(readAll(sample, { ...limits, maxRows: 100 }))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(openFds()).toBe(before);
  });

  it('caps the bytes a file really inflates to, and refuses entries that lie about their size', async () => {
    expect(await codeOf(readAll(sample, { ...limits, maxInflatedBytes: 50_000 }))).toBe('IMPORT_XLSX_TOO_LARGE');
    const lying = await patched('xl/worksheets/sheet2.xml', (buf, at) => buf.writeUInt32LE(1000, at.cdRecord + 24));
    expect(await codeOf(readAll(lying))).toBe('IMPORT_NOT_XLSX');
    const shared = await patched('xl/sharedStrings.xml', (buf, at) => buf.writeUInt32LE(64 * 1_048_576, at.cdRecord + 24));
    expect(await codeOf(readAll(shared))).toBe('IMPORT_XLSX_TOO_LARGE');
  });

  it('fails cleanly (no hang) on corrupt compressed data, and refuses files that are not zips', async () => {
    const corrupt = await patched('xl/worksheets/sheet2.xml', (buf, at) => buf.fill(0xff, at.dataStart, at.dataStart + 64));
    expect(await codeOf(readAll(corrupt))).toBe('IMPORT_NOT_XLSX');
    const ole = path.join(dir, 'old.xls');
    fs.writeFileSync(ole, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]));
    expect(await codeOf(readAll(ole))).toBe('IMPORT_NOT_XLSX');
  });
});
