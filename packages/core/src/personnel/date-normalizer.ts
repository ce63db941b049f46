/**
 * Dates as rosters really write them: 1985.03, 1985年3月, 1985-03-15, 1985/3/15, 198503, 19850315,
 * 1985年3月15日, 1985, Excel date cells (a Date, or the serial number when the cell lost its format).
 * A month-only date keeps its precision, so "joined 1985.03" is not turned into 1 March.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD, by precision. */
  readonly value: string;
  readonly precision: DatePrecision;
}

export type DateProblem = 'empty' | 'unrecognised' | 'impossible';

const pad = (n: number) => String(n).padStart(2, '0');

function build(
  y: number,
  m: number | undefined,
  d: number | undefined,
): { ok: true; date: PartialDate } | { ok: false; problem: DateProblem } {
  if (y < 1900 || y > 2100) return { ok: false, problem: 'impossible' };
  if (m === undefined) return { ok: true, date: { value: String(y), precision: 'year' } };
  if (m < 1 || m > 12) return { ok: false, problem: 'impossible' };
  if (d === undefined) return { ok: true, date: { value: `${y}-${pad(m)}`, precision: 'month' } };
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return { ok: false, problem: 'impossible' };
  return { ok: true, date: { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' } };
}

/** Excel's serial day 1 is 1900-01-01 and it counts a 29 February 1900 that never was (serial 60). */
export function excelSerialToDate(serial: number): Date {
  const days = Math.floor(serial);
  return new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000);
}

export function normalizeDate(
  input: string | number | Date | null | undefined,
): { ok: true; date: PartialDate } | { ok: false; problem: DateProblem } {
  if (input === null || input === undefined || input === '') return { ok: false, problem: 'empty' };
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, problem: 'impossible' };
    return build(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate());
  }
  if (typeof input === 'number') {
    // A bare number: an Excel serial (dates 1900–2100 are serials 1–73050) or yyyymm / yyyymmdd typed as digits.
    if (Number.isInteger(input) && input >= 190001 && input <= 21001231) return normalizeDate(String(input));
    if (input >= 1 && input < 73051) return normalizeDate(excelSerialToDate(input));
    return { ok: false, problem: 'unrecognised' };
  }
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  if (text === '') return { ok: false, problem: 'empty' };
  let m = /^(\d{4})$/.exec(text);
  if (m) return build(Number(m[1]), undefined, undefined);
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), undefined);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[.\-/年](\d{1,2})(?:月)?$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), undefined);
  m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})(?:日)?$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})年$/.exec(text);
  if (m) return build(Number(m[1]), undefined, undefined);
  // ISO timestamps from other systems: keep the calendar date as written.
  m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  return { ok: false, problem: 'unrecognised' };
}
