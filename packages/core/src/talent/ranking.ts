/**
 * Rankings of competition items (比武竞赛排名) and unit totals.
 *
 * Rule, stated once and shown to users: standard competition ranking ("1224"). Entries with equal
 * scores share the better place and the next place is skipped (two firsts, then a third). Scores
 * are compared at three decimals, so 12.3 and 12.300000001 tie. Entries without a score are not
 * ranked and come last. Direction: `higher` (points) or `lower` (time, penalties).
 *
 * Unit totals (团体总分): each ranked entry earns its unit the points of its place
 * (7-5-4-3-2-1 for places 1–6, the usual track-and-field table). Tied entries share the points of
 * the places they occupy (two firsts take (7 + 5) / 2 = 6 each, as athletics scoring does), so a
 * tie never creates points. Units are ranked by total points with the same tie rule.
 */
export type ScoreDirection = 'higher' | 'lower';

export interface ScoredEntry {
  readonly id: string;
  readonly score: number | null;
}

export interface RankedEntry<T extends ScoredEntry> {
  readonly entry: T;
  readonly rank: number | null;
  readonly points: number;
}

export const PLACE_POINTS: readonly number[] = [7, 5, 4, 3, 2, 1];
export const pointsForPlace = (rank: number | null): number => (rank === null ? 0 : (PLACE_POINTS[rank - 1] ?? 0));

/** Rounded to thousandths as an integer key, so float noise never splits a tie. */
const key = (score: number): number => Math.round(score * 1000);

export function rankEntries<T extends ScoredEntry>(entries: readonly T[], direction: ScoreDirection): RankedEntry<T>[] {
  const scored = entries.filter((e) => e.score !== null && Number.isFinite(e.score));
  const unscored = entries.filter((e) => !(e.score !== null && Number.isFinite(e.score)));
  const sign = direction === 'higher' ? -1 : 1;
  // Stable order inside a tie: by id, so the list does not shuffle between requests.
  const sorted = [...scored].sort((a, b) => sign * (key(a.score as number) - key(b.score as number)) || a.id.localeCompare(b.id));
  const ranked: RankedEntry<T>[] = [];
  for (let i = 0; i < sorted.length;) {
    // A tie group occupies places i+1 … i+n and shares their points.
    let n = 1;
    while (i + n < sorted.length && key(sorted[i + n]?.score as number) === key(sorted[i]?.score as number)) n++;
    let sum = 0;
    for (let place = i + 1; place <= i + n; place++) sum += pointsForPlace(place);
    const points = Math.round((sum / n) * 100) / 100;
    for (const entry of sorted.slice(i, i + n)) ranked.push({ entry, rank: i + 1, points });
    i += n;
  }
  return [...ranked, ...unscored.sort((a, b) => a.id.localeCompare(b.id)).map((entry) => ({ entry, rank: null, points: 0 }))];
}

export interface UnitPoints {
  readonly orgId: string;
  readonly points: number;
}

export interface UnitTotal {
  readonly orgId: string;
  readonly points: number;
  readonly rank: number;
  readonly medals: { readonly first: number; readonly second: number; readonly third: number };
}

/** Sums points per unit; `places` are every ranked entry of every item, with the points rankEntries gave it (else its place's points). */
export function unitTotals(
  places: readonly { readonly orgId: string; readonly rank: number | null; readonly points?: number }[],
): UnitTotal[] {
  const byUnit = new Map<string, { points: number; first: number; second: number; third: number }>();
  for (const p of places) {
    const u = byUnit.get(p.orgId) ?? { points: 0, first: 0, second: 0, third: 0 };
    u.points = Math.round((u.points + (p.points ?? pointsForPlace(p.rank))) * 100) / 100;
    if (p.rank === 1) u.first++;
    if (p.rank === 2) u.second++;
    if (p.rank === 3) u.third++;
    byUnit.set(p.orgId, u);
  }
  const ranked = rankEntries(
    [...byUnit].map(([orgId, u]) => ({ id: orgId, score: u.points })),
    'higher',
  );
  return ranked.map((r) => {
    const u = byUnit.get(r.entry.id) as { points: number; first: number; second: number; third: number }; // built from byUnit
    return { orgId: r.entry.id, points: u.points, rank: r.rank as number, medals: { first: u.first, second: u.second, third: u.third } };
  });
}

export type ScoreParse = { ok: true; value: number | null } | { ok: false; code: 'score_format' | 'score_negative' };

/**
 * A score as typed in the grid or a sheet: a number ("86.5"), or a time "m:ss.xx" / "h:mm:ss"
 * turned into seconds (lower-better items are usually times). Empty means no score.
 */
export function parseScore(raw: unknown): ScoreParse {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? raw < 0
        ? { ok: false, code: 'score_negative' }
        : { ok: true, value: raw }
      : { ok: false, code: 'score_format' };
  if (typeof raw !== 'string') return { ok: false, code: 'score_format' };
  // Full-width digits and colons typed on Chinese keyboards (NFKC folds them to ASCII).
  const text = raw.normalize('NFKC').trim();
  if (/^-/.test(text)) return { ok: false, code: 'score_negative' };
  if (/^\d+(\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(text);
  if (m && Number(m[3]) < 60 && (m[1] === undefined || Number(m[2]) < 60)) {
    return { ok: true, value: Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) };
  }
  return { ok: false, code: 'score_format' };
}

/**
 * The per-unit cap on counted entrants (每单位每项计分人数): in each item only a unit's best
 * `cap` placed entries earn unit points; the others keep their place but add nothing. Null: no cap.
 */
export function capCountedPerUnit<P extends { readonly itemId: string; readonly orgId: string; readonly rank: number | null }>(
  places: readonly P[],
  cap: number | null,
): P[] {
  if (cap === null) return [...places];
  const used = new Map<string, number>();
  return [...places]
    .filter((p) => p.rank !== null)
    .sort((a, b) => (a.rank as number) - (b.rank as number)) // filtered to ranked above
    .filter((p) => {
      const key = `${p.itemId}|${p.orgId}`;
      const n = used.get(key) ?? 0;
      used.set(key, n + 1);
      return n < cap;
    });
}
