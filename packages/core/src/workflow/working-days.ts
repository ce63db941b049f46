/**
 * Working-day arithmetic on the official calendar (国务院办公厅 holiday notices): a day is a
 * working day when it is a make-up workday (调休上班), or a Monday–Friday that is not a holiday.
 * Pure functions on `YYYY-MM-DD` strings; no time zones are involved.
 */
export interface WorkCalendar {
  /** Statutory holidays and the days off moved next to them (放假). */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班). */
  readonly workdays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function toUtcMs(date: string): number {
  if (!DATE_RE.test(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return ms;
}
const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The next calendar day. */
export const nextDay = (date: string): string => fromUtcMs(toUtcMs(date) + DAY_MS);

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(toUtcMs(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The n-th working day after `from` (not counting `from` itself): a notice published on `from`
 * for n working days runs to the returned day inclusive. n = 0 returns `from`.
 */
export function addWorkingDays(cal: WorkCalendar, from: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = from;
  toUtcMs(day);
  for (let left = n; left > 0;) {
    day = nextDay(day);
    if (isWorkingDay(cal, day)) left -= 1;
  }
  return day;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workingDaysBetween(cal: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let day = from; day < to;) {
    day = nextDay(day);
    if (isWorkingDay(cal, day)) count += 1;
  }
  return count;
}

export const calendarOf = (holidays: Iterable<string>, workdays: Iterable<string>): WorkCalendar => ({
  holidays: new Set(holidays),
  workdays: new Set(workdays),
});
