/** Score statistics of an exam (参考率, 平均分, 及格率, 分数分布). */

const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export interface ScoreSummary {
  readonly examinees: number;
  readonly participated: number;
  /** participated ÷ examinees, 0–1. */
  readonly participationRate: number;
  /** Over participants; null when nobody took part. */
  readonly average: number | null;
  /** Share of participants at or above the pass score, 0–1; null when nobody took part. */
  readonly passRate: number | null;
  readonly max: number | null;
  readonly min: number | null;
}

export interface ExamineeScore {
  /** Started at least one attempt. */
  readonly participated: boolean;
  /** Final score of the best graded attempt; null when absent or still waiting for a grader. */
  readonly score: number | null;
}

/**
 * One entry per examinee. Participation counts everyone who started; averages, pass rate and
 * extremes cover the final scores known so far.
 */
export function summariseScores(examinees: readonly ExamineeScore[], passScore: number): ScoreSummary {
  const taken = examinees.map((e) => e.score).filter((s): s is number => s !== null);
  const n = taken.length;
  const participated = examinees.filter((e) => e.participated).length;
  return {
    examinees: examinees.length,
    participated,
    participationRate: examinees.length === 0 ? 0 : round(participated / examinees.length, 4),
    average: n === 0 ? null : round(taken.reduce((a, b) => a + b, 0) / n),
    passRate: n === 0 ? null : round(taken.filter((s) => s >= passScore).length / n, 4),
    max: n === 0 ? null : Math.max(...taken),
    min: n === 0 ? null : Math.min(...taken),
  };
}

export interface Band {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * `bands` equal bands over 0…totalScore; each band is [from, to) except the last, which also
 * holds the full score, so every score in range falls in exactly one band.
 */
export function scoreDistribution(scores: readonly number[], totalScore: number, bands = 10): Band[] {
  const width = totalScore > 0 ? totalScore / bands : 1;
  const out = Array.from({ length: bands }, (_, i) => ({ from: round(i * width), to: round((i + 1) * width), count: 0 }));
  for (const s of scores) {
    const i = Math.min(bands - 1, Math.max(0, Math.floor(s / width)));
    out[i] = { ...out[i]!, count: out[i]!.count + 1 }; // i is clamped into range
  }
  return out;
}

/** Population variance (divide by n), the form KR-20 and α are defined with. */
export function variance(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length;
}

/** Pearson correlation; null when either side does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2 || ys.length !== n) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
