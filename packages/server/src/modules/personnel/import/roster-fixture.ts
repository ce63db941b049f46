import fs from 'node:fs';
import type { RosterCell } from '@zhenggong/core/personnel/roster-cells';
import ExcelJS from 'exceljs';

/**
 * Builds real xlsx rosters for tests, the crash test and the benchmark, the way Excel lays them
 * out: shared strings written after the sheet, optional title rows above the header, number and
 * date cells where a user's Excel would have put them.
 */
export interface RosterSheet {
  /** Rows above the header (titles, notes); each row is its cells from column A. */
  readonly above?: readonly (readonly RosterCell[])[];
  readonly headers: readonly string[];
  /** Data rows, cells from column A; generated lazily for large files. */
  readonly rows: Iterable<readonly RosterCell[]>;
  /** Extra worksheets before the roster (hidden, to test sheet choice). */
  readonly hiddenFirstSheet?: boolean;
  /** Number formats of number cells by 0-based column (e.g. { 10: '0.00' } for 入警时间 typed as 2007.10). */
  readonly numFmts?: Readonly<Record<number, string>>;
}

export async function writeRosterXlsx(file: string, sheet: RosterSheet): Promise<void> {
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
  // Shared strings on, as Excel does: ExcelJS then writes them after the sheet, like Excel.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  if (sheet.hiddenFirstSheet) {
    const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
    hidden.addRow(['姓名', '身份证号', '单位', '这不是名册']).commit();
    hidden.commit();
  }
  const ws = wb.addWorksheet('人员名册');
  for (const r of sheet.above ?? []) ws.addRow([...r]).commit();
  ws.addRow([...sheet.headers]).commit();
  for (const r of sheet.rows) {
    const row = ws.addRow([...r]);
    r.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      else if (typeof v === 'number' && sheet.numFmts?.[i]) row.getCell(i + 1).numFmt = sheet.numFmts[i];
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  await done;
}
