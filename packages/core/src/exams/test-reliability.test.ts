import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DrawnItem } from '../question-bank/drawn-paper.ts';
import { analyseItems, type AnalysedAttempt } from './item-analysis.ts';
import { cronbachAlpha, summarizeTest, SMALL_SAMPLE } from './test-reliability.ts';

const item = (qv: string, score = 1): DrawnItem => ({
  no: 1,
  questionId: `q-${qv}`,
  questionVersionId: qv,
  type: 'single',
  stem: `stem ${qv}`,
  options: [
    { key: 'A', text: 'a' },
    { key: 'B', text: 'b' },
  ],
  key: { kind: 'choice', correct: ['A'] },
  score,
  partialCredit: 0,
});

/** Attempts from a 0/1 (or points) matrix, one row per examinee. */
const fromMatrix = (rows: number[][], scores?: number[]): AnalysedAttempt[] =>
  rows.map((row) => ({
    total: row.reduce((s, x) => s + x, 0),
    answers: row.map((x, j) => ({ item: item(`v${j}`, scores?.[j] ?? 1), response: { choice: [x > 0 ? 'A' : 'B'] }, awarded: x })),
  }));

describe('whole-test reliability and point-biserial', () => {
  // A Guttman pattern worked by hand: totals 4,3,2,1,0 (variance 2); p = .8,.6,.4,.2, Σpq = .8;
  // KR-20 = 4/3 × (1 − .8/2) = 0.8.
  const guttman = [
    [1, 1, 1, 1],
    [1, 1, 1, 0],
    [1, 1, 0, 0],
    [1, 0, 0, 0],
    [0, 0, 0, 0],
  ];

  it('computes KR-20 on right/wrong items, with SD, SEM and the small-sample warning', () => {
    const s = summarizeTest(fromMatrix(guttman));
    expect(s).toMatchObject({ attempts: 5, mean: 2, commonItems: 4, reliabilityKind: 'kr20', reliability: 0.8, smallSample: true });
    expect(s.sd).toBeCloseTo(Math.SQRT2, 4);
    expect(s.sem).toBeCloseTo(Math.SQRT2 * Math.sqrt(0.2), 3);
  });

  it("calls it Cronbach's α when items carry partial points, and warns only below the sample size", () => {
    const rows = Array.from({ length: SMALL_SAMPLE }, (_, i) => [i % 3, (i * 7) % 4, i % 2 === 0 ? 2 : 1]);
    const s = summarizeTest(fromMatrix(rows, [2, 3, 2]));
    expect(s.reliabilityKind).toBe('alpha');
    expect(s.smallSample).toBe(false);
    expect(s.reliability).toBeCloseTo(cronbachAlpha(rows)!, 4);
  });

  it('gives the item–rest point-biserial (item 1 of the Guttman set: 1.2 / √5.44)', () => {
    const [first] = analyseItems(fromMatrix(guttman));
    expect(first!.pointBiserial).toBeCloseTo(1.2 / Math.sqrt(5.44), 4);
  });

  it('leaves α out when there is no spread or fewer than two shared items', () => {
    expect(
      summarizeTest(
        fromMatrix([
          [1, 1],
          [1, 1],
        ]),
      ).reliability,
    ).toBeNull();
    expect(summarizeTest(fromMatrix([[1], [0]])).reliabilityKind).toBeNull();
  });

  it('keeps α at most 1 and the point-biserial within −1…1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const s = summarizeTest(fromMatrix(rows));
          if (s.reliability !== null) expect(s.reliability).toBeLessThanOrEqual(1 + 1e-9);
          for (const r of analyseItems(fromMatrix(rows)))
            if (r.pointBiserial !== null) expect(Math.abs(r.pointBiserial)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
