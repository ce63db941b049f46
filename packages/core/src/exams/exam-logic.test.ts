import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DrawnItem } from '../question-bank/drawn-paper.ts';
import { examStatusAt, isPastDeadline, isWindowOpen, sessionDeadline } from './deadline.ts';
import { analyseItems, extremeGroupSize, type AnalysedAttempt } from './item-analysis.ts';
import { scoreDistribution, summariseScores } from './statistics.ts';

describe('session deadline', () => {
  it('is the start plus the duration when that comes first, else the end of the window', () => {
    expect(sessionDeadline('2026-06-01T10:00:00.000Z', '2026-06-01T08:00:00.000Z', 30)).toBe('2026-06-01T08:30:00.000Z');
    expect(sessionDeadline('2026-06-01T10:00:00.000Z', '2026-06-01T09:50:00.000Z', 30)).toBe('2026-06-01T10:00:00.000Z');
  });
  it('never lies after the window end nor after start + duration (property)', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 1440 }),
        (end, start, minutes) => {
          const endsAt = new Date(t0 + end).toISOString();
          const startedAt = new Date(t0 + start).toISOString();
          const d = Date.parse(sessionDeadline(endsAt, startedAt, minutes));
          expect(d).toBeLessThanOrEqual(Date.parse(endsAt));
          expect(d).toBeLessThanOrEqual(Date.parse(startedAt) + minutes * 60_000);
          expect(d === Date.parse(endsAt) || d === Date.parse(startedAt) + minutes * 60_000).toBe(true);
        },
      ),
    );
  });
  it('treats the deadline instant itself as late', () => {
    const d = '2026-06-01T08:30:00.000Z';
    expect(isPastDeadline(d, new Date('2026-06-01T08:29:59.999Z'))).toBe(false);
    expect(isPastDeadline(d, new Date(d))).toBe(true);
  });
  it('derives closed from scheduled after the window and opens the window half-open', () => {
    const now = new Date('2026-06-01T10:00:00.000Z');
    expect(examStatusAt('scheduled', '2026-06-01T10:00:00.000Z', now)).toBe('closed');
    expect(examStatusAt('scheduled', '2026-06-01T10:00:00.001Z', now)).toBe('scheduled');
    expect(examStatusAt('draft', '2026-06-01T09:00:00.000Z', now)).toBe('draft');
    expect(isWindowOpen('2026-06-01T10:00:00.000Z', '2026-06-01T11:00:00.000Z', now)).toBe(true);
    expect(isWindowOpen('2026-06-01T09:00:00.000Z', '2026-06-01T10:00:00.000Z', now)).toBe(false);
  });
});

describe('score statistics', () => {
  it('computes participation, average, pass rate, max and min over participants', () => {
    const s = summariseScores(
      [90, 60, 59, null].map((score) => ({ participated: score !== null, score })),
      60,
    );
    expect(s).toEqual({ examinees: 4, participated: 3, participationRate: 0.75, average: 69.67, passRate: 0.6667, max: 90, min: 59 });
    expect(summariseScores([{ participated: true, score: null }], 60)).toMatchObject({
      participated: 1,
      participationRate: 1,
      average: null,
      passRate: null,
    });
  });
  it('puts every score in exactly one band, the full score in the last (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 })), (scores) => {
        const bands = scoreDistribution(scores, 100);
        expect(bands).toHaveLength(10);
        expect(bands.reduce((s, b) => s + b.count, 0)).toBe(scores.length);
      }),
    );
    expect(scoreDistribution([0, 9.99, 10, 100], 100).map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

const choice = (qv: string, correct: string[], keys = ['A', 'B', 'C', 'D']): DrawnItem => ({
  no: 1,
  questionId: `q-${qv}`,
  questionVersionId: qv,
  type: 'single',
  stem: `stem ${qv}`,
  options: keys.map((k) => ({ key: k, text: `opt ${k}` })),
  key: { kind: 'choice', correct },
  score: 10,
  partialCredit: 0,
});

describe('item analysis', () => {
  it('uses 27 % extreme groups, at least one attempt each', () => {
    expect(extremeGroupSize(0)).toBe(0);
    expect(extremeGroupSize(2)).toBe(1);
    expect(extremeGroupSize(10)).toBe(3);
    expect(extremeGroupSize(100)).toBe(27);
  });

  it('computes difficulty, discrimination, option counts and flags on a known set', () => {
    // Ten attempts; q1 separates the strong from the weak, q2 is answered right by all,
    // q3 is answered right only by the weak (a miskeyed question).
    const q1 = choice('v1', ['A']);
    const q2 = choice('v2', ['B']);
    const q3 = choice('v3', ['C']);
    const attempts: AnalysedAttempt[] = Array.from({ length: 10 }, (_, i) => {
      const strong = i < 5;
      const a1 = strong ? 'A' : 'B';
      const a3 = strong ? 'D' : 'C';
      const answers = [
        { item: q1, response: { choice: [a1] }, awarded: a1 === 'A' ? 10 : 0 },
        { item: q2, response: { choice: ['B'] }, awarded: 10 },
        { item: q3, response: { choice: [a3] }, awarded: a3 === 'C' ? 10 : 0 },
      ];
      return { total: answers.reduce((s, a) => s + a.awarded, 0) + (strong ? 10 - i : 0), answers };
    });
    const [r1, r2, r3] = analyseItems(attempts);
    expect(r1).toMatchObject({ questionVersionId: 'v1', presented: 10, answered: 10, difficulty: 0.5, discrimination: 1 });
    expect(r1!.options).toEqual([
      { key: 'A', text: 'opt A', correct: true, count: 5 },
      { key: 'B', text: 'opt B', correct: false, count: 5 },
      { key: 'C', text: 'opt C', correct: false, count: 0 },
      { key: 'D', text: 'opt D', correct: false, count: 0 },
    ]);
    expect(r1!.flags).toEqual(['distractor_unused']);
    expect(r2).toMatchObject({ difficulty: 1, discrimination: 0 });
    expect(r2!.flags).toEqual(['too_easy', 'low_discrimination', 'distractor_unused']);
    expect(r3).toMatchObject({ difficulty: 0.5, discrimination: -1 });
    expect(r3!.flags).toContain('negative_discrimination');
  });

  it('keeps difficulty within 0–1 and discrimination within −1…1 (property)', () => {
    const item = choice('v', ['A']);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 0, max: 90 })), { minLength: 1, maxLength: 60 }),
        (rows) => {
          const attempts = rows.map(([c, rest]) => ({
            total: rest + (c === 'A' ? 10 : 0),
            answers: [{ item, response: { choice: [c] }, awarded: c === 'A' ? 10 : 0 }],
          }));
          const [r] = analyseItems(attempts);
          expect(r!.difficulty).toBeGreaterThanOrEqual(0);
          expect(r!.difficulty).toBeLessThanOrEqual(1);
          expect(Math.abs(r!.discrimination ?? 0)).toBeLessThanOrEqual(1);
          expect(r!.options.reduce((s, o) => s + o.count, 0)).toBe(rows.length);
        },
      ),
    );
  });
});
