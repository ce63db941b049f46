import type { WeightsBody } from './schemas.ts';

export type ScoreItem = 'written' | 'interview' | 'physical' | 'background';
export const scoreItems: readonly ScoreItem[] = ['written', 'interview', 'physical', 'background'];
export type RecruitScores = Record<ScoreItem, number | null>;
export type Weights = WeightsBody;

/** A gate item (合格/不合格) passes at this score. */
export const GATE_PASS = 60;

export const defaultWeights: Weights = { written: 60, interview: 40, physical: 0, background: 0, physicalGate: true, backgroundGate: true };

const isGate = (w: Weights, item: ScoreItem): boolean =>
  (item === 'physical' && w.physicalGate) || (item === 'background' && w.backgroundGate);

/** Non-gate weights add up to 100; gate items weigh 0. */
export function weightsValid(w: Weights): boolean {
  let sum = 0;
  for (const item of scoreItems) {
    if (isGate(w, item)) {
      if (w[item] !== 0) return false;
    } else sum += w[item];
  }
  return sum === 100;
}

/** The two items that may be pass/fail gates instead of weighted scores. */
export type GateItem = 'physical' | 'background';

/**
 * Whether a gate item (体能 or 政审 as 合格/不合格) was passed: true or false once scored, null when
 * the item is a weighted score rather than a gate, or not scored yet. The same rule as the ranking.
 */
export function gatePassed(scores: RecruitScores, w: Weights, item: GateItem): boolean | null {
  const s = scores[item];
  if (!isGate(w, item) || s === null) return null;
  return s >= GATE_PASS;
}

export type Total = { eligible: true; total: number } | { eligible: false; total: number | null; reason: 'missing' | 'gate_failed' };

/** Weighted total of one applicant, 2 decimals; a missing weighted score or a failed gate makes it ineligible. */
export function weightedTotal(scores: RecruitScores, w: Weights): Total {
  let sum = 0;
  let missing = false;
  let failed = false;
  for (const item of scoreItems) {
    const s = scores[item];
    if (isGate(w, item)) {
      if (s === null) missing = true;
      else if (s < GATE_PASS) failed = true;
    } else if (w[item] > 0) {
      if (s === null) missing = true;
      else sum += w[item] * s;
    }
  }
  const total = Math.round(sum) / 100;
  if (failed) return { eligible: false, total, reason: 'gate_failed' };
  if (missing) return { eligible: false, total: null, reason: 'missing' };
  return { eligible: true, total };
}

export interface RankInput {
  readonly id: string;
  readonly scores: RecruitScores;
  /** Tie display order only (never changes a rank). */
  readonly ticketNumber: string | null;
}
export interface RecruitRankedEntry<T extends RankInput> {
  readonly entry: T;
  readonly rank: number | null;
  readonly total: number | null;
  readonly eligible: boolean;
}

/**
 * Ranks one post's applicants by weighted total, highest first. Equal totals share a rank
 * (standard competition ranking 1, 2, 2, 4); within a tie the higher written score, then the
 * ticket number, decide only the display order. Ineligible applicants follow, unranked. Advice
 * only: staff choose the shortlist.
 */
export function rankApplicants<T extends RankInput>(items: readonly T[], w: Weights): RecruitRankedEntry<T>[] {
  const withTotals = items.map((entry) => ({ entry, t: weightedTotal(entry.scores, w) }));
  const eligible = withTotals.filter((x) => x.t.eligible);
  const ineligible = withTotals.filter((x) => !x.t.eligible);
  const byDisplay = (a: (typeof withTotals)[number], b: (typeof withTotals)[number]) =>
    (b.t.total ?? -1) - (a.t.total ?? -1) ||
    (b.entry.scores.written ?? -1) - (a.entry.scores.written ?? -1) ||
    (a.entry.ticketNumber ?? '').localeCompare(b.entry.ticketNumber ?? '');
  eligible.sort(byDisplay);
  ineligible.sort(byDisplay);
  const out: RecruitRankedEntry<T>[] = [];
  eligible.forEach((x, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.total === x.t.total ? (prev.rank as number) : i + 1;
    out.push({ entry: x.entry, rank, total: x.t.total, eligible: true });
  });
  for (const x of ineligible) out.push({ entry: x.entry, rank: null, total: x.t.total, eligible: false });
  return out;
}
