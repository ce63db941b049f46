import { Type } from '@sinclair/typebox';

/**
 * The 学时 ledger (学时台账): one line per credit on a person's record, from any source, in
 * hours with one decimal (a 3.5-hour session is 3.5). Training completions, approved study and
 * clerk-entered lines all write it, so an annual requirement (e.g. 90 学时) counts every source.
 */
export const hoursSources = ['training', 'study', 'other'] as const;
export type HoursSource = (typeof hoursSources)[number];
export const HoursSource = Type.Union(hoursSources.map((s) => Type.Literal(s)));

/** 学时 with one decimal place; the validator compares multiples with a precision, so 0.3 passes. */
export const DecimalHours = (max: number) => Type.Number({ minimum: 0.1, maximum: max, multipleOf: 0.1 });

/** Rounds to the ledger's one decimal (floating sums of 0.1 steps drift by 1e-16). */
export const roundHours = (h: number): number => Math.round(h * 10) / 10;

/** Sums ledger hours exactly by counting tenths. */
export function sumHours(lines: readonly { hours: number }[]): number {
  return lines.reduce((tenths, l) => tenths + Math.round(l.hours * 10), 0) / 10;
}
