/**
 * Disparity report (design §A11, after Aequitas): per group, the flag rate and, where outcomes
 * exist, FPR / FNR / FDR; each as a ratio to a reference group with the 0.8–1.25 band; Wilson 95 %
 * intervals for a person to read; verdicts suppressed ("数据不足") for small groups.
 */
export interface AuditRow {
  readonly group: string;
  readonly flagged: boolean;
  /** The outcome, when known (null before the label window has closed). */
  readonly outcome: boolean | null;
}

export interface Interval {
  readonly rate: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

export interface GroupMetrics {
  readonly group: string;
  readonly n: number;
  readonly flagged: number;
  readonly positives: number;
  readonly flagRate: Interval;
  readonly fpr: Interval;
  readonly fnr: Interval;
  readonly fdr: Interval;
  readonly prevalence: Interval;
  readonly flagRateRatio: number | null;
  readonly fprRatio: number | null;
  readonly fnrRatio: number | null;
  readonly fdrRatio: number | null;
  /** fair: every ratio inside the band; outside: some ratio outside; insufficient: too small to judge. */
  readonly verdict: 'reference' | 'fair' | 'outside' | 'insufficient';
}

export const FAIR_LOW = 0.8;
export const FAIR_HIGH = 1.25;
const MIN_GROUP = 30;
const MIN_COUNT = 5;

/** Wilson score interval at 95 %. */
export function wilson(successes: number, n: number, z = 1.959964): Interval {
  if (n === 0) return { rate: null, low: null, high: null };
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
const inBand = (r: number | null) => r === null || (r >= FAIR_LOW && r <= FAIR_HIGH);

/** Group metrics with ratios to `reference` (default: the largest group). */
export function disparity(rows: readonly AuditRow[], reference?: string): GroupMetrics[] {
  const counts = new Map<string, { n: number; tp: number; fp: number; fn: number; tn: number; flagged: number }>();
  for (const r of rows) {
    const c = counts.get(r.group) ?? { n: 0, tp: 0, fp: 0, fn: 0, tn: 0, flagged: 0 };
    c.n++;
    if (r.flagged) c.flagged++;
    if (r.outcome === true) {
      if (r.flagged) c.tp++;
      else c.fn++;
    }
    if (r.outcome === false) {
      if (r.flagged) c.fp++;
      else c.tn++;
    }
    counts.set(r.group, c);
  }
  const base = [...counts.entries()].map(([group, c]) => ({
    group,
    c,
    flagRate: wilson(c.flagged, c.n),
    fpr: wilson(c.fp, c.fp + c.tn),
    fnr: wilson(c.fn, c.fn + c.tp),
    fdr: wilson(c.fp, c.fp + c.tp),
    prevalence: wilson(c.tp + c.fn, c.tp + c.fn + c.fp + c.tn),
  }));
  const ref = base.find((b) => b.group === reference) ?? [...base].sort((a, b) => b.c.n - a.c.n || (a.group < b.group ? -1 : 1))[0];
  return base
    .map((b) => {
      const fprRatio = ratio(b.fpr.rate, ref?.fpr.rate ?? null);
      const fnrRatio = ratio(b.fnr.rate, ref?.fnr.rate ?? null);
      const fdrRatio = ratio(b.fdr.rate, ref?.fdr.rate ?? null);
      const flagRateRatio = ratio(b.flagRate.rate, ref?.flagRate.rate ?? null);
      const small = b.c.n < MIN_GROUP || b.c.flagged < MIN_COUNT;
      const verdict: GroupMetrics['verdict'] =
        b.group === ref?.group
          ? 'reference'
          : small
            ? 'insufficient'
            : [fprRatio, fnrRatio, fdrRatio, flagRateRatio].every(inBand)
              ? 'fair'
              : 'outside';
      return {
        group: b.group,
        n: b.c.n,
        flagged: b.c.flagged,
        positives: b.c.tp + b.c.fn,
        flagRate: b.flagRate,
        fpr: b.fpr,
        fnr: b.fnr,
        fdr: b.fdr,
        prevalence: b.prevalence,
        flagRateRatio,
        fprRatio,
        fnrRatio,
        fdrRatio,
        verdict,
      };
    })
    .sort((a, b) => b.n - a.n || (a.group < b.group ? -1 : 1));
}

/** Age band of a birth date on a day: ≤30, 31–45, >45. */
export function ageBand(birthDate: string, on: string): string {
  const age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);
  return age <= 30 ? '30岁及以下' : age <= 45 ? '31-45岁' : '46岁及以上';
}
