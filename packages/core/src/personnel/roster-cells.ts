import { normalizeDate } from './date-normalizer.ts';
import { isYearMonthNumber, yearMonthFromNumber, type YearMonthHint } from './year-month-number.ts';

/**
 * Cell values as a spreadsheet reader delivers them, and their normalisation for roster import:
 * full-width digits and letters folded (NFKC), stray spaces removed, Excel's habits undone where
 * that is safe — and refused where it is not (an ID number Excel stored as a number has already
 * lost its last digits; nothing can bring them back).
 */
export type RosterCell = string | number | boolean | Date | null;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Text of a cell for free-text fields: NFKC, trimmed, inner runs of spaces collapsed to one. */
export function cellText(cell: RosterCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoDay(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Text of a cell for compact values (names, codes, numbers, units): every whitespace removed —
 * rosters pad two-character names with a full-width space (U+3000) to line them up.
 */
export function cellCompact(cell: RosterCell): string {
  return cellText(cell).replace(/\s+/gu, '');
}

export function isBlankCell(cell: RosterCell): boolean {
  return cellCompact(cell) === '';
}

/** "3.30102E+17": what Excel shows, and what people copy, once an ID number became a number. */
const SCIENTIFIC = /^\d+(\.\d+)?e\+?\d+$/i;

export type IdCellResult = { ok: true; value: string } | { ok: false; problem: 'id_number_as_number' };

/**
 * An ID-number cell. Any number cell is refused: GB 11643 numbers have 18 digits and a double
 * keeps 15–17, so Excel has already replaced the tail with zeros (or shows 3.30102E+17).
 */
export function idCell(cell: RosterCell): IdCellResult {
  if (typeof cell === 'number') return { ok: false, problem: 'id_number_as_number' };
  const text = cellCompact(cell);
  if (SCIENTIFIC.test(text)) return { ok: false, problem: 'id_number_as_number' };
  return { ok: true, value: text.toUpperCase() };
}

export type DateCellResult =
  | { ok: true; value: string; precision: 'month' | 'day' }
  | { ok: false; problem: 'date_unrecognised' | 'date_impossible' | 'date_needs_month' | 'date_month_ambiguous' };

/**
 * A date cell in any of the roster spellings (see date-normalizer.ts) or an Excel date cell.
 * Month precision is kept ("1985.03" stays 1985-03, not 1 March); a bare year is too vague for a
 * personnel record and is refused. A number cell from 1900 to 2100 is a year-month typed as a
 * number (1985.03), read with the cell's number format and the hint (see year-month-number.ts).
 */
export function dateCell(cell: RosterCell, numFmt?: string, hint?: YearMonthHint): DateCellResult | undefined {
  if (isBlankCell(cell)) return undefined;
  if (typeof cell === 'number' && isYearMonthNumber(cell)) {
    const ym = yearMonthFromNumber(cell, numFmt, hint);
    if (!ym.ok) return { ok: false, problem: ym.problem };
    if (ym.precision === 'year') return { ok: false, problem: 'date_needs_month' };
    return { ok: true, value: ym.value, precision: 'month' };
  }
  const input = typeof cell === 'string' ? cellCompact(cell) : typeof cell === 'boolean' ? String(cell) : cell;
  const r = normalizeDate(input);
  if (!r.ok) return { ok: false, problem: r.problem === 'impossible' ? 'date_impossible' : 'date_unrecognised' };
  if (r.date.precision === 'year') return { ok: false, problem: 'date_needs_month' };
  return { ok: true, value: r.date.value, precision: r.date.precision };
}

/** 民警 / 辅警 and the ways rosters spell them. */
const kinds: Readonly<Record<string, 'officer' | 'auxiliary'>> = {
  民警: 'officer',
  警察: 'officer',
  人民警察: 'officer',
  在编民警: 'officer',
  officer: 'officer',
  辅警: 'auxiliary',
  警务辅助人员: 'auxiliary',
  辅助警力: 'auxiliary',
  协警: 'auxiliary',
  auxiliary: 'auxiliary',
};

export function kindCell(cell: RosterCell): 'officer' | 'auxiliary' | undefined {
  return kinds[cellCompact(cell).toLowerCase()];
}

/**
 * A phone cell: spaces removed; a mobile number written in groups ("138-0013-8000") loses its
 * dashes, a landline keeps the one after the area code.
 */
export function phoneCell(cell: RosterCell): string {
  const text = cellCompact(cell);
  const digits = text.replace(/-/g, '');
  return /^1\d{10}$/.test(digits) ? digits : text;
}

export type PoliceNumberCellResult = { ok: true; value: string } | { ok: false; problem: 'police_number_lost_zero'; value: string };

/**
 * A police-number cell. A number cell that fits the pattern only with leading zeros put back has
 * lost them to Excel; the zeros are not guessed back, the row is reported.
 */
export function policeNumberCell(cell: RosterCell, pattern: RegExp): PoliceNumberCellResult {
  const text = cellCompact(cell);
  if (typeof cell === 'number' && !pattern.test(text)) {
    for (let width = text.length + 1; width <= 8; width++) {
      if (pattern.test(text.padStart(width, '0'))) return { ok: false, problem: 'police_number_lost_zero', value: text };
    }
  }
  return { ok: true, value: text.toUpperCase() };
}

/** Former names (曾用名) separated by 、 , ; or spaces. */
export function namesCell(cell: RosterCell): string[] {
  return cellText(cell)
    .split(/[、,;，；\s]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Totals rows (合计 / 总计 / 小计 / 共计) that rosters put under the data. */
const TOTALS = /^(合计|总计|小计|共计)/;
/** The template's example row, marked 示例 in its first column. */
const EXAMPLE = /^(示例|样例|例)$/;

/**
 * Rows to skip without a problem: blank rows, totals rows (one of the first three cells starts
 * with 合计/总计/小计/共计) and the template's example row. `cells` are 1-based like sheet columns.
 */
export function skippableRow(cells: readonly RosterCell[], dataColumns: readonly number[]): 'blank' | 'totals' | 'example' | undefined {
  if (dataColumns.every((i) => isBlankCell(cells[i] ?? null))) return 'blank';
  const firstTexts = cells
    .slice(1)
    .map(cellCompact)
    .filter((t) => t !== '')
    .slice(0, 3);
  if (firstTexts.some((t) => TOTALS.test(t))) return 'totals';
  if (firstTexts[0] !== undefined && EXAMPLE.test(firstTexts[0])) return 'example';
  return undefined;
}
