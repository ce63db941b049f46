import type { AnalysedAttempt } from './item-analysis.ts';
import { variance } from './statistics.ts';

/**
 * Whole-test statistics in the manner of Moodle's quiz statistics: attempts, mean, standard
 * deviation, internal consistency (Cronbach's α; equal to KR-20 when every item scores 0 or
 * full), the standard error of measurement, and a warning when too few attempts make the
 * figures unstable. Computed over first attempts only (a retake has seen the paper).
 */
export interface TestSummary {
  readonly attempts: number;
  readonly mean: number | null;
  readonly sd: number | null;
  /** Items every attempt was given (random papers: only the shared ones enter α). */
  readonly commonItems: number;
  /** 'kr20' when all common items are right/wrong, else 'alpha'; null when α cannot be computed. */
  readonly reliabilityKind: 'kr20' | 'alpha' | null;
  readonly reliability: number | null;
  /** SEM = SD × √(1 − α). */
  readonly sem: number | null;
  /** Fewer attempts than SMALL_SAMPLE: read every figure as a hint only. */
  readonly smallSample: boolean;
}

/** Below this many attempts classical statistics are unstable (Moodle warns on small samples too). */
export const SMALL_SAMPLE = 30;

const round = (n: number): number => Math.round(n * 10000) / 10000;

/** Cronbach's α from an attempts × items score matrix; null with fewer than 2 items or no spread. */
export function cronbachAlpha(matrix: readonly (readonly number[])[]): number | null {
  const k = matrix[0]?.length ?? 0;
  if (matrix.length < 2 || k < 2) return null;
  const totals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  const totalVar = variance(totals);
  if (totalVar === 0) return null;
  let itemVar = 0;
  for (let j = 0; j < k; j++) itemVar += variance(matrix.map((row) => row[j]!));
  return (k / (k - 1)) * (1 - itemVar / totalVar);
}

export function summarizeTest(attempts: readonly AnalysedAttempt[]): TestSummary {
  const n = attempts.length;
  const totals = attempts.map((a) => a.total);
  const mean = n === 0 ? null : round(totals.reduce((s, x) => s + x, 0) / n);
  const sd = n === 0 ? null : round(Math.sqrt(variance(totals)));
  // Items every attempt was given and graded, in a fixed order.
  const counts = new Map<string, number>();
  for (const a of attempts)
    for (const x of a.answers)
      if (x.awarded !== null) counts.set(x.item.questionVersionId, (counts.get(x.item.questionVersionId) ?? 0) + 1);
  const common = [...counts]
    .filter(([, c]) => c === n)
    .map(([id]) => id)
    .sort();
  const matrix = attempts.map((a) => {
    const byId = new Map(a.answers.map((x) => [x.item.questionVersionId, x]));
    return common.map((id) => byId.get(id)!.awarded as number); // every common item is graded in every attempt
  });
  const alpha = cronbachAlpha(matrix);
  const dichotomous = attempts.every((a) =>
    a.answers.filter((x) => common.includes(x.item.questionVersionId)).every((x) => x.awarded === 0 || x.awarded === x.item.score),
  );
  return {
    attempts: n,
    mean,
    sd,
    commonItems: common.length,
    reliabilityKind: alpha === null ? null : dichotomous ? 'kr20' : 'alpha',
    reliability: alpha === null ? null : round(alpha),
    sem: alpha === null || sd === null ? null : round(sd * Math.sqrt(Math.max(0, 1 - alpha))),
    smallSample: n < SMALL_SAMPLE,
  };
}
