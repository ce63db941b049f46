import { isWorkingDay, nextDay, type WorkCalendar } from '../workflow/working-days.ts';

/**
 * Leave rules (请休假), pure functions over rule values that live as dated data (rule sets
 * `leave.*`, DOMAIN-RULES.md §3). Nothing here hard-codes a day count: the defaults shipped in
 * `defaultWelfareRules` are editable versions with their evidence tags.
 */

export interface AnnualLeaveRule {
  /** Days by cumulative work years (职工带薪年休假条例 Art. 3): the band with the highest minYears ≤ years applies. */
  readonly bands: readonly { readonly minYears: number; readonly days: number }[];
  /** Sick leave that cancels the year's leave, by the same years bands (Art. 4(3)–(5)). */
  readonly sickExclusion: readonly { readonly minYears: number; readonly sickMonths: number }[];
  /** How many calendar days of sick leave make one month for the exclusion (an editable convention). */
  readonly daysPerSickMonth: number;
  /** Personal leave (事假) of this many days or more without pay deducted cancels the year's leave (Art. 4(2)). */
  readonly personalLeaveDays: number;
  /** 机关事业单位: the higher entitlement starts the month after a threshold is reached. */
  readonly organMonthAfter: boolean;
  /** Someone who took this year's leave and then meets an exclusion loses next year's leave. */
  readonly clawBack: boolean;
}

export type AnnualExclusion = 'NOT_ELIGIBLE' | 'EXCL_SICK' | 'EXCL_PERSONAL' | 'CLAWBACK';

/** What the ledger knows about a person's year: leave taken and the absences that matter for exclusions. */
export interface LeaveYearFacts {
  /** Calendar days of sick leave in the year (up to the date asked about). */
  readonly sickDays: number;
  /** Working days of personal leave without pay deducted in the year. */
  readonly personalDaysUnpaidNotDeducted: number;
  /** Annual-leave days taken in the year. */
  readonly annualTaken: number;
}

export interface AnnualEntitlement {
  readonly years: number;
  readonly days: number;
  readonly exclusion: AnnualExclusion | null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Whole years from `from` to `to` (a birthday-style count: the anniversary day completes a year). */
export function completedYears(from: string, to: string): number {
  if (!DATE_RE.test(from) || !DATE_RE.test(to)) throw new RangeError('dates must be YYYY-MM-DD');
  if (to < from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return Math.max(0, years);
}

/** The last day of the month before `date`'s month. */
export function endOfPreviousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}

const bandOf = <T extends { minYears: number }>(bands: readonly T[], years: number): T | undefined =>
  [...bands].sort((a, b) => b.minYears - a.minYears).find((b) => years >= b.minYears);

/** Years counted on `asOf`: under the month-after rule, those reached by the end of the previous month. */
export function countedYears(rule: AnnualLeaveRule, workStart: string, asOf: string): number {
  return completedYears(workStart, rule.organMonthAfter ? endOfPreviousMonth(asOf) : asOf);
}

/**
 * Annual-leave entitlement (带薪年休假) of one year as it stands on `asOf` (a date in that year):
 * the band by cumulative work years, cancelled by the Art. 4 exclusions met so far this year, or
 * by the claw-back when last year's leave was taken and an exclusion was met afterwards.
 */
export function annualEntitlement(
  rule: AnnualLeaveRule,
  workStart: string,
  asOf: string,
  thisYear: LeaveYearFacts,
  lastYear?: LeaveYearFacts & { readonly yearEnd: string },
): AnnualEntitlement {
  const years = countedYears(rule, workStart, asOf);
  const band = bandOf(rule.bands, years);
  if (!band || band.days <= 0) return { years, days: 0, exclusion: 'NOT_ELIGIBLE' };
  const excluded = (facts: LeaveYearFacts, y: number): AnnualExclusion | null => {
    const sick = bandOf(rule.sickExclusion, y);
    if (sick && facts.sickDays >= sick.sickMonths * rule.daysPerSickMonth) return 'EXCL_SICK';
    if (facts.personalDaysUnpaidNotDeducted >= rule.personalLeaveDays) return 'EXCL_PERSONAL';
    return null;
  };
  const now = excluded(thisYear, years);
  if (now) return { years, days: 0, exclusion: now };
  if (rule.clawBack && lastYear && lastYear.annualTaken > 0) {
    const before = excluded(lastYear, countedYears(rule, workStart, lastYear.yearEnd));
    if (before) return { years, days: 0, exclusion: 'CLAWBACK' };
  }
  return { years, days: band.days, exclusion: null };
}

export interface HomeVisitRule {
  /** Minimum years of work before any home-visit leave (国务院关于职工探亲待遇的规定 Art. 2). */
  readonly minYears: number;
  readonly options: readonly HomeVisitOption[];
}
export type HomeVisitRelation = 'spouse' | 'parents_unmarried' | 'parents_married';
export interface HomeVisitOption {
  readonly code: string;
  readonly relation: HomeVisitRelation;
  /** Calendar days, rest days and holidays included. */
  readonly days: number;
  /** Once every N years. */
  readonly everyYears: number;
}
export interface HomeVisitTaken {
  readonly relation: HomeVisitRelation;
  readonly year: number;
}
export interface HomeVisitAnswer {
  readonly allowed: boolean;
  readonly days: number;
  /** The first year the option can be used again (this year when allowed). */
  readonly nextYear: number;
  readonly reason: 'OK' | 'NOT_ELIGIBLE' | 'CYCLE';
}

/**
 * Home-visit leave (探亲假) for one option in `year`: an option every N years is open when no visit
 * of the same relation was taken in the N − 1 years before or in this one.
 */
export function homeVisitEntitlement(
  rule: HomeVisitRule,
  optionCode: string,
  workStart: string,
  asOf: string,
  taken: readonly HomeVisitTaken[],
): HomeVisitAnswer {
  const option = rule.options.find((o) => o.code === optionCode);
  const year = Number(asOf.slice(0, 4));
  if (!option || completedYears(workStart, asOf) < rule.minYears)
    return { allowed: false, days: 0, nextYear: year, reason: 'NOT_ELIGIBLE' };
  const last = Math.max(-Infinity, ...taken.filter((t) => t.relation === option.relation).map((t) => t.year));
  const nextYear = Number.isFinite(last) ? Math.max(year, last + option.everyYears) : year;
  return nextYear <= year
    ? { allowed: true, days: option.days, nextYear: year, reason: 'OK' }
    : { allowed: false, days: 0, nextYear, reason: 'CYCLE' };
}

/** How a kind of leave counts its days: working days skip rest days and holidays; calendar days count all. */
export type LeaveCounting = 'working' | 'calendar';

/** The days of [start, end] that a leave of this counting uses, in order. */
export function leaveDayList(cal: WorkCalendar, counting: LeaveCounting, start: string, end: string): string[] {
  if (!DATE_RE.test(start) || !DATE_RE.test(end) || end < start) throw new RangeError('leave dates must be an ordered YYYY-MM-DD range');
  const days: string[] = [];
  for (let d = start; d <= end; d = nextDay(d)) if (counting === 'calendar' || isWorkingDay(cal, d)) days.push(d);
  return days;
}

export const leaveDays = (cal: WorkCalendar, counting: LeaveCounting, start: string, end: string): number =>
  leaveDayList(cal, counting, start, end).length;
