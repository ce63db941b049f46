/**
 * Peer normalisation (design §A4): a value is read against people in similar posts. The peer key
 * falls back from the finest grouping to coarser ones until a group has at least MIN_PEERS
 * people; the key actually used and its size are stored with the value so an explanation can
 * say "与同类岗位 214 人相比". Percentile = share of peers with a lower value (ties do not push a
 * value up, so in a group where most have 0 complaints, 0 sits at the bottom); robust z =
 * (x − median) / (1.4826 · MAD), null when MAD = 0.
 */
export const MIN_PEERS = 20;

export interface PeerMember {
  readonly personId: string;
  /** Keys from finest to coarsest, e.g. [民警|派出所|社区民警, 民警|派出所, 民警]. */
  readonly keys: readonly string[];
}

/** The peer key each person is compared within: the finest key whose group has at least `min` members. */
export function choosePeerKeys(members: readonly PeerMember[], min = MIN_PEERS): Map<string, string> {
  const sizes = new Map<string, number>();
  for (const m of members) for (const k of m.keys) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const m of members) {
    const key = m.keys.find((k) => (sizes.get(k) ?? 0) >= min) ?? m.keys.at(-1) ?? '';
    out.set(m.personId, key);
  }
  return out;
}

export interface PeerStat {
  readonly n: number;
  readonly pct: number;
  readonly z: number | null;
  readonly median: number;
}

const median = (sorted: readonly number[]): number => {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Lower bound: how many of the sorted values are strictly below x. */
function below(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Percentile and robust z of each present value within its peer group; missing values are in no group. */
export function normaliseWithinPeers(
  values: ReadonlyMap<string, number | null>,
  peerKeyOf: ReadonlyMap<string, string>,
): Map<string, PeerStat> {
  const groups = new Map<string, number[]>();
  for (const [personId, v] of values) {
    if (v === null) continue;
    const key = peerKeyOf.get(personId) ?? '';
    const g = groups.get(key);
    if (g) g.push(v);
    else groups.set(key, [v]);
  }
  const summary = new Map<string, { sorted: number[]; med: number; mad: number }>();
  for (const [key, g] of groups) {
    const sorted = [...g].sort((a, b) => a - b);
    const med = median(sorted);
    const mad = median(sorted.map((x) => Math.abs(x - med)).sort((a, b) => a - b));
    summary.set(key, { sorted, med, mad });
  }
  const out = new Map<string, PeerStat>();
  for (const [personId, v] of values) {
    if (v === null) continue;
    const s = summary.get(peerKeyOf.get(personId) ?? '');
    if (!s) continue;
    out.set(personId, {
      n: s.sorted.length,
      pct: below(s.sorted, v) / s.sorted.length,
      z: s.mad > 0 ? (v - s.med) / (1.4826 * s.mad) : null,
      median: s.med,
    });
  }
  return out;
}
