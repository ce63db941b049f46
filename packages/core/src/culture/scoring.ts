import { rankEntries } from '../talent/ranking.ts';

/**
 * A contest entry's score from its judges' scores (tenths of a point, 0–1000): the mean; with five
 * judges or more the single highest and the single lowest are dropped first (去掉一个最高分和一个
 * 最低分, the common rule of 评选 panels). Rounded to hundredths of a point; null with no score.
 */
export function entryScore(judgeTenths: readonly number[]): number | null {
  if (judgeTenths.length === 0) return null;
  const sorted = [...judgeTenths].sort((a, b) => a - b);
  const counted = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
  const mean = counted.reduce((s, x) => s + x, 0) / counted.length / 10;
  return Math.round(mean * 100) / 100;
}

export interface ContestPlace<T> {
  readonly entry: T;
  readonly score: number | null;
  readonly rank: number | null;
}

/**
 * Places entries by score with the competitions module's ranking rule (core `rankEntries`): equal
 * scores share a place and the next place is skipped (1, 1, 3); unscored entries are not ranked.
 */
export function rankContest<T extends { id: string; scores: readonly number[] }>(entries: readonly T[]): ContestPlace<T>[] {
  const scored = entries.map((e) => ({ id: e.id, score: entryScore(e.scores), entry: e }));
  return rankEntries(scored, 'higher').map((r) => ({ entry: r.entry.entry, score: r.entry.score, rank: r.rank }));
}

/** Whether an attendance of a programme kind records an amount: hours for reading, kilometres for fitness. */
export const measureOf = (kind: string): 'hours' | 'km' | null => (kind === 'reading' ? 'hours' : kind === 'fitness' ? 'km' : null);
