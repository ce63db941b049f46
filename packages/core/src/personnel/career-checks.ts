import { rankOutsideBand } from './rank-bands.ts';

/**
 * Plausibility of a career against the birth date and the person's kind (issue: a person born
 * 2012 who "joined the police in 2020" was accepted). Minimum ages: work from 16 (劳动法 Art. 15
 * forbids employing anyone under 16), police service and party membership from 18 (人民警察法
 * Art. 26: 年满十八岁; 党章 Art. 1: 年满十八岁). Dates may be month-precision (YYYY-MM): an age is
 * refused only when it is too young on every day of that month.
 */
export type CareerProblemCode =
  | 'work_start_too_young'
  | 'police_start_too_young'
  | 'party_join_too_young'
  | 'police_start_before_work_start'
  | 'level_date_before_work_start'
  | 'auxiliary_police_field';

export type CareerWarningCode = 'rank_outside_band';

export interface CareerInput {
  readonly kind?: 'officer' | 'auxiliary' | undefined;
  readonly birthDate?: string | undefined;
  readonly workStartDate?: string | undefined;
  readonly policeStartDate?: string | undefined;
  readonly partyJoinDate?: string | undefined;
  /** 职级任职时间: a civil-service grade is held only once in work. */
  readonly levelDate?: string | undefined;
  /** Resolved codes. */
  readonly rank?: string | undefined;
  readonly officerLevel?: string | undefined;
  readonly policeNumber?: string | undefined;
}

export interface CareerFinding<C extends string> {
  readonly field: string;
  readonly code: C;
  readonly value?: string;
}

/** Last day of a YYYY-MM (or the day itself for YYYY-MM-DD). */
function latestDay(date: string): string {
  if (date.length === 10) return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Full years from `birth` to `date` (YYYY-MM-DD both). */
function yearsBetween(birth: string, date: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const minimumAges = [
  ['workStartDate', 16, 'work_start_too_young'],
  ['policeStartDate', 18, 'police_start_too_young'],
  ['partyJoinDate', 18, 'party_join_too_young'],
] as const;

export function careerProblems(input: CareerInput): CareerFinding<CareerProblemCode>[] {
  const problems: CareerFinding<CareerProblemCode>[] = [];
  if (input.birthDate) {
    for (const [field, age, code] of minimumAges) {
      const value = input[field];
      if (value && yearsBetween(input.birthDate, latestDay(value)) < age) problems.push({ field, code, value });
    }
  }
  const work = input.workStartDate;
  const police = input.policeStartDate;
  // Compared at the coarser of the two precisions: 2008-07 and 2008-07-15 are the same month.
  const before = (a: string, b: string) => {
    const n = Math.min(a.length, b.length);
    return a.slice(0, n) < b.slice(0, n);
  };
  if (work && police && before(police, work))
    problems.push({ field: 'policeStartDate', code: 'police_start_before_work_start', value: police });
  // 职级任职时间 may precede 入警 (a civil servant transferred in keeps the time of an equivalent grade), never 参加工作.
  const level = input.levelDate;
  if (work && level && before(level, work)) problems.push({ field: 'levelDate', code: 'level_date_before_work_start', value: level });
  // 辅警 are not people's police: no 警衔, no 警员职级, no 警号 (警务辅助人员管理办法; 人民警察警衔条例 Art. 2).
  if (input.kind === 'auxiliary') {
    for (const field of ['rank', 'officerLevel', 'policeNumber'] as const) {
      const value = input[field];
      if (value) problems.push({ field, code: 'auxiliary_police_field', value });
    }
  }
  return problems;
}

/** What is flagged but not refused: a 警衔 outside the band of the 职级 (rank.bands data) on `today`. */
export function careerWarnings(input: CareerInput, today: string): CareerFinding<CareerWarningCode>[] {
  if (input.kind === 'auxiliary' || !input.rank || !input.officerLevel) return [];
  return rankOutsideBand(input.officerLevel, input.rank, today) ? [{ field: 'rank', code: 'rank_outside_band', value: input.rank }] : [];
}
