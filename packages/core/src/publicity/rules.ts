import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../schemas/common.ts';

/** Kinds of publicity output (宣传稿件) and the level of the outlet that carried it. */
export const outputKinds = ['article', 'photo', 'video', 'new_media'] as const;
export type OutputKind = (typeof outputKinds)[number];
export const OutputKindSchema = Type.Union(outputKinds.map((k) => Type.Literal(k)));
export const outletLevels = ['central', 'provincial', 'municipal', 'own'] as const;
export type OutletLevel = (typeof outletLevels)[number];
export const OutletLevelSchema = Type.Union(outletLevels.map((k) => Type.Literal(k)));

const Points = Type.Integer({ minimum: 0, maximum: 1000 });
/**
 * Scoring rule (宣传计分): points per outlet level and output kind, a bonus for a lead placement
 * (头版/头条) and the share the credited unit receives. Every city sets its own; the shipped values
 * are an editable example (evidence U).
 */
export const ScoringValue = Strict({
  points: Strict({
    central: Strict({ article: Points, photo: Points, video: Points, new_media: Points }),
    provincial: Strict({ article: Points, photo: Points, video: Points, new_media: Points }),
    municipal: Strict({ article: Points, photo: Points, video: Points, new_media: Points }),
    own: Strict({ article: Points, photo: Points, video: Points, new_media: Points }),
  }),
  /** Extra percent for a lead placement: 50 → ×1.5. */
  leadBonusPercent: Type.Integer({ minimum: 0, maximum: 500 }),
});
export type ScoringValue = Static<typeof ScoringValue>;

export const defaultScoring: ScoringValue = {
  points: {
    central: { article: 30, photo: 15, video: 40, new_media: 20 },
    provincial: { article: 15, photo: 8, video: 20, new_media: 10 },
    municipal: { article: 6, photo: 3, video: 8, new_media: 4 },
    own: { article: 2, photo: 1, video: 3, new_media: 1 },
  },
  leadBonusPercent: 50,
};

/** Points of one verified output, in tenths (integers, so rankings never drift by float sums). */
export function scoreOutput(rule: ScoringValue, o: { kind: OutputKind; level: OutletLevel; lead: boolean }): number {
  const base = rule.points[o.level][o.kind] * 10;
  return o.lead ? Math.round((base * (100 + rule.leadBonusPercent)) / 100) : base;
}

export interface RankRow {
  readonly key: string;
  readonly name: string;
  readonly points: number;
  readonly outputs: number;
  readonly rank: number;
}

/**
 * Rankings over verified outputs: points summed per key, highest first; equal points share a rank
 * and the next rank skips (1, 2, 2, 4 — competition ranking), ties listed by name.
 */
export function rankBy(rows: readonly { key: string; name: string; points: number }[]): RankRow[] {
  const sums = new Map<string, { key: string; name: string; points: number; outputs: number }>();
  for (const r of rows) {
    const s = sums.get(r.key) ?? { key: r.key, name: r.name, points: 0, outputs: 0 };
    s.points += r.points;
    s.outputs += 1;
    sums.set(r.key, s);
  }
  const sorted = [...sums.values()].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || s.points !== sorted[i - 1]!.points) rank = i + 1;
    return { ...s, rank };
  });
}

/**
 * Publication in step with a major incident (舆情处置"三同步"): the first authoritative release
 * within a number of hours of the incident, then an update at least every so many hours until the
 * closing release. Defaults follow the widely cited "5 小时内发布权威信息、24 小时内举行发布会"
 * guidance (evidence S); a city sets its own.
 */
export const SyncValue = Strict({
  firstReleaseHours: Type.Integer({ minimum: 1, maximum: 72 }),
  updateEveryHours: Type.Integer({ minimum: 1, maximum: 168 }),
});
export type SyncValue = Static<typeof SyncValue>;
export const defaultSync: SyncValue = { firstReleaseHours: 5, updateEveryHours: 24 };

export interface SyncCheck {
  readonly firstReleaseOnTime: boolean | null;
  /** Gaps between consecutive releases longer than the update interval (hours, rounded down). */
  readonly lateGaps: number[];
  readonly closed: boolean;
  readonly inStep: boolean;
}

/** Whether the releases of an incident kept in step: first in time, no gap too long, then a closure. */
export function checkSync(
  rule: SyncValue,
  occurredAt: string,
  releases: readonly { kind: 'first' | 'update' | 'closure'; at: string }[],
): SyncCheck {
  const sorted = [...releases].sort((a, b) => a.at.localeCompare(b.at));
  const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
  const first = sorted.find((r) => r.kind === 'first');
  const firstReleaseOnTime = first ? hours(occurredAt, first.at) <= rule.firstReleaseHours : null;
  const lateGaps: number[] = [];
  for (let i = 1; i < sorted.length; i += 1) {
    const gap = hours(sorted[i - 1]!.at, sorted[i]!.at);
    if (gap > rule.updateEveryHours) lateGaps.push(Math.floor(gap));
  }
  const closed = sorted.some((r) => r.kind === 'closure');
  return { firstReleaseOnTime, lateGaps, closed, inStep: firstReleaseOnTime === true && lateGaps.length === 0 };
}
