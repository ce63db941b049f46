/**
 * The optional transparent model (design §A6): ridge logistic regression fitted by Newton's
 * method (IRLS) on standardised features, intercept unpenalised. It only orders people within a
 * review capacity; its contribution per feature, w·(x − μ)/σ, is exact for a linear model and is
 * what the explanation shows. One form per indicator (raw or peer percentile), never both.
 */
export interface ModelFeature {
  readonly indicator: string;
  /** value: as computed; pct: peer percentile; z: robust z within the peer group (magnitude kept, peer level removed). */
  readonly form: 'value' | 'pct' | 'z';
}

export interface FittedModel {
  readonly features: readonly ModelFeature[];
  readonly mu: readonly number[];
  readonly sd: readonly number[];
  readonly coef: readonly number[];
  readonly intercept: number;
}

export interface TrainingRow {
  readonly x: readonly (number | null)[];
  readonly y: 0 | 1;
}

/** Solves A·x = b by Gauss–Jordan elimination with partial pivoting (A is small: features + 1). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    [m[c], m[p]] = [m[p] ?? [], m[c] ?? []];
    const pivot = m[c] ?? [];
    for (let r = 0; r < n; r++) {
      const row = m[r] ?? [];
      if (r === c || (pivot[c] ?? 0) === 0) continue;
      const f = (row[c] ?? 0) / (pivot[c] ?? 1);
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - f * (pivot[k] ?? 0);
    }
  }
  return m.map((row, i) => ((row[i] ?? 0) === 0 ? 0 : (row[n] ?? 0) / (row[i] ?? 1)));
}

/** Missing values are imputed with the training mean, so they contribute nothing. */
const valueAt = (x: readonly (number | null)[], j: number, mu: readonly number[]) => x[j] ?? mu[j] ?? 0;

export function fitRidgeLogistic(
  rows: readonly TrainingRow[],
  features: readonly ModelFeature[],
  lambda = 1,
  iterations = 12,
): FittedModel {
  const d = features.length;
  const mu: number[] = [];
  const sd: number[] = [];
  for (let j = 0; j < d; j++) {
    const present = rows.map((r) => r.x[j]).filter((v): v is number => v !== null && v !== undefined);
    const m = present.length ? present.reduce((s, v) => s + v, 0) / present.length : 0;
    const v = present.length ? present.reduce((s, x) => s + (x - m) ** 2, 0) / present.length : 0;
    mu.push(m);
    sd.push(Math.sqrt(v) || 1);
  }
  const X = rows.map((r) => [1, ...features.map((_, j) => (valueAt(r.x, j, mu) - (mu[j] ?? 0)) / (sd[j] ?? 1))]);
  const y = rows.map((r) => r.y);
  const rate = y.length ? y.reduce<number>((s, v) => s + v, 0) / y.length : 0.5;
  let beta = new Array<number>(d + 1).fill(0);
  beta[0] = Math.log((rate + 1e-9) / (1 - rate + 1e-9));
  for (let it = 0; it < iterations; it++) {
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    const g = new Array<number>(d + 1).fill(0);
    for (let i = 0; i < X.length; i++) {
      const xi = X[i] ?? [];
      let z = 0;
      for (let j = 0; j <= d; j++) z += (beta[j] ?? 0) * (xi[j] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = p * (1 - p);
      const e = (y[i] ?? 0) - p;
      for (let a = 0; a <= d; a++) {
        g[a] = (g[a] ?? 0) + e * (xi[a] ?? 0);
        const wa = w * (xi[a] ?? 0);
        const Ha = H[a] ?? [];
        for (let c = a; c <= d; c++) Ha[c] = (Ha[c] ?? 0) + wa * (xi[c] ?? 0);
      }
    }
    for (let a = 0; a <= d; a++) {
      const Ha = H[a] ?? [];
      for (let c = 0; c < a; c++) Ha[c] = H[c]?.[a] ?? 0;
      if (a > 0) {
        Ha[a] = (Ha[a] ?? 0) + lambda;
        g[a] = (g[a] ?? 0) - lambda * (beta[a] ?? 0);
      }
    }
    const step = solve(H, g);
    beta = beta.map((v, j) => v + (step[j] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return { features, mu, sd, coef: beta.slice(1), intercept: beta[0] ?? 0 };
}

/** Per-feature contributions to the log-odds. */
export const contributions = (m: FittedModel, x: readonly (number | null)[]): number[] =>
  m.features.map((_, j) => ((m.coef[j] ?? 0) * (valueAt(x, j, m.mu) - (m.mu[j] ?? 0))) / (m.sd[j] ?? 1));

export const modelScore = (m: FittedModel, x: readonly (number | null)[]): number =>
  1 / (1 + Math.exp(-(m.intercept + contributions(m, x).reduce((s, c) => s + c, 0))));
