/**
 * Month arithmetic on ISO dates. As-of dates are month ends; a window `nm` is the last n
 * complete months ending at the as-of date, so its first day is the 1st of month (as-of − n + 1).
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** Months since 0000-01 of a YYYY-MM or YYYY-MM-DD string. */
export const ewMonthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

export const monthOfIndex = (i: number): string => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;

/** The last day of the month with this index (leap years included). */
export function monthEndOfIndex(i: number): string {
  const y = Math.floor(i / 12);
  const m = (i % 12) + 1;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m)}-${pad(days)}`;
}

export const isMonthEnd = (date: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(date) && monthEndOfIndex(ewMonthIndex(date)) === date;

/** First day of a window of `months` complete months ending with the month of `asOf`. */
export const windowStart = (asOf: string, months: number): string => `${monthOfIndex(ewMonthIndex(asOf) - months + 1)}-01`;

/** The month end `n` months after (or before, when negative) the month of `date`. */
export const addMonthEnds = (date: string, n: number): string => monthEndOfIndex(ewMonthIndex(date) + n);

/** Calendar quarter of a date: 2026Q3. */
export const ewQuarterOf = (date: string): string => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
