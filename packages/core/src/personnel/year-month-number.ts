/**
 * Clerks type career dates as numbers: 1985.03 in a number cell means March 1985, not Excel day
 * 1985 (1905-06-07). Excel keeps the number, not the typing, so 1990.10 is stored as 1990.1 —
 * the same as a lazily typed 1990.1 for January. The cell's number format tells them apart when
 * it shows two decimals ("0.00"); otherwise a hint (the month from the ID number, for 出生年月)
 * may; what stays ambiguous is reported, never guessed.
 */
export type YearMonthNumber =
  | { readonly ok: true; readonly value: string; readonly precision: 'year' | 'month' }
  | { readonly ok: false; readonly problem: 'date_month_ambiguous' | 'date_unrecognised' };

export interface YearMonthHint {
  /** The month the value must have if it is right (1–12), e.g. the birth month of the ID number. */
  readonly month?: number | undefined;
}

/** Numbers in this range are years (with a month after the point); as Excel day serials they would be dates in 1905, never a career date. */
export const isYearMonthNumber = (value: number): boolean => Number.isFinite(value) && value >= 1900 && value < 2101;

const pad = (n: number) => String(n).padStart(2, '0');

/** Decimals a number format shows: "0.00" → 2, "#,##0.0" → 1, "General" or none → undefined. */
function shownDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const m = /[0#]\.(0+)(?![0#])/.exec(numFmt);
  return m ? (m[1] as string).length : undefined;
}

export function yearMonthFromNumber(value: number, numFmt?: string, hint: YearMonthHint = {}): YearMonthNumber {
  if (!isYearMonthNumber(value)) return { ok: false, problem: 'date_unrecognised' };
  const year = Math.floor(value);
  const decimals = shownDecimals(numFmt);
  // The digits after the point as the sheet shows them (a fixed format) or as typed (General).
  const fraction = decimals !== undefined && decimals >= 2 ? value.toFixed(decimals).split('.')[1] : (String(value).split('.')[1] ?? '');
  if (decimals !== undefined && decimals >= 2 && /^0+$/.test(fraction ?? '')) return { ok: true, value: String(year), precision: 'year' };
  if (fraction === '' || fraction === undefined) return { ok: true, value: String(year), precision: 'year' };
  const digits = decimals !== undefined && decimals > 2 ? fraction.replace(/0+$/, '').padEnd(2, '0') : fraction;
  if (digits.length === 2) {
    const month = Number(digits);
    return month >= 1 && month <= 12
      ? { ok: true, value: `${year}-${pad(month)}`, precision: 'month' }
      : { ok: false, problem: 'date_unrecognised' };
  }
  if (digits.length !== 1) return { ok: false, problem: 'date_unrecognised' };
  const month = Number(digits);
  if (month === 0) return { ok: false, problem: 'date_unrecognised' };
  if (month !== 1) return { ok: true, value: `${year}-${pad(month)}`, precision: 'month' };
  // "x.1": January typed short, or October with its zero dropped by Excel.
  if (hint.month === 1 || hint.month === 10) return { ok: true, value: `${year}-${pad(hint.month)}`, precision: 'month' };
  return { ok: false, problem: 'date_month_ambiguous' };
}
