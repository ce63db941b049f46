import { lastDayOfMonth, monthsOfQuarter } from './dates.ts';
import type { Frequency, MeetingKind, MeetingsValue } from './rules.ts';

/** One period of a meeting kind's compliance: a month, a quarter or a year, and what was held in it. */
export interface PeriodCompliance {
  readonly period: string;
  readonly required: number;
  readonly held: number;
  readonly met: boolean;
  /** The period has ended (met or not) — a future or running period counts as "not yet". */
  readonly closed: boolean;
}

export interface KindCompliance {
  readonly kind: MeetingKind;
  readonly frequency: Frequency;
  readonly periods: PeriodCompliance[];
  readonly required: number;
  readonly held: number;
  readonly met: boolean;
}

export interface QuarterCompliance {
  readonly quarter: string;
  readonly kinds: KindCompliance[];
  /** Periods met of all periods in the quarter, in percent rounded down; the quarter's compliance figure. */
  readonly rate: number;
  readonly met: boolean;
}

/**
 * A branch's compliance with the required frequency of 三会一课 and 主题党日 for one quarter:
 * a monthly kind needs its count in each of the quarter's three months, a quarterly kind in the
 * quarter; a yearly kind counts the quarter's share only when held (it is judged by the year).
 * Only meetings held (not planned, not cancelled) count, by the date they were held.
 */
export function quarterCompliance(
  rules: MeetingsValue,
  quarter: string,
  heldMeetings: readonly { kind: string; heldOn: string }[],
  today: string,
): QuarterCompliance {
  const months = monthsOfQuarter(quarter);
  const quarterEnd = lastDayOfMonth(months[2]!);
  const count = (kind: string, prefixes: readonly string[]) =>
    heldMeetings.filter((m) => m.kind === kind && prefixes.some((p) => m.heldOn.startsWith(p))).length;
  const kinds = rules.kinds
    .filter((k) => k.frequency !== 'yearly')
    .map((k): KindCompliance => {
      const periods: PeriodCompliance[] =
        k.frequency === 'monthly'
          ? months.map((m) => {
              const held = count(k.kind, [m]);
              return { period: m, required: k.minCount, held, met: held >= k.minCount, closed: today > lastDayOfMonth(m) };
            })
          : [
              (() => {
                const held = count(k.kind, months);
                return { period: quarter, required: k.minCount, held, met: held >= k.minCount, closed: today > quarterEnd };
              })(),
            ];
      const required = periods.reduce((s, p) => s + p.required, 0);
      const held = periods.reduce((s, p) => s + Math.min(p.held, p.required), 0);
      return { kind: k.kind, frequency: k.frequency, periods, required, held, met: periods.every((p) => p.met) };
    });
  const all = kinds.flatMap((k) => k.periods);
  const metCount = all.filter((p) => p.met).length;
  return { quarter, kinds, rate: all.length === 0 ? 100 : Math.floor((metCount * 100) / all.length), met: metCount === all.length };
}

/** A meeting kind still owed in the running period, with the period's last day; for reminders. */
export interface MeetingDue {
  readonly kind: MeetingKind;
  readonly period: string;
  readonly dueBy: string;
}

/** Kinds owed in the period that contains `today`, once `remindDaysBefore` days or fewer remain. */
export function meetingsDue(rules: MeetingsValue, heldMeetings: readonly { kind: string; heldOn: string }[], today: string): MeetingDue[] {
  const month = today.slice(0, 7);
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const quarter = `${today.slice(0, 4)}Q${q}`;
  const out: MeetingDue[] = [];
  for (const k of rules.kinds) {
    const prefixes = k.frequency === 'monthly' ? [month] : k.frequency === 'quarterly' ? monthsOfQuarter(quarter) : [today.slice(0, 4)];
    const dueBy =
      k.frequency === 'monthly'
        ? lastDayOfMonth(month)
        : k.frequency === 'quarterly'
          ? lastDayOfMonth(monthsOfQuarter(quarter)[2]!)
          : `${today.slice(0, 4)}-12-31`;
    const held = heldMeetings.filter((m) => m.kind === k.kind && prefixes.some((p) => m.heldOn.startsWith(p))).length;
    const daysLeft = Math.round((Date.parse(`${dueBy}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    if (held < k.minCount && daysLeft <= rules.remindDaysBefore) {
      out.push({
        kind: k.kind,
        period: k.frequency === 'monthly' ? month : k.frequency === 'quarterly' ? quarter : today.slice(0, 4),
        dueBy,
      });
    }
  }
  return out;
}
