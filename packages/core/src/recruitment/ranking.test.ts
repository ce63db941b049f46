import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultWeights, gatePassed, GATE_PASS, rankApplicants, weightedTotal, weightsValid, type RecruitScores } from './ranking.ts';
import { maskName } from './mask.ts';

const s = (
  written: number | null,
  interview: number | null,
  physical: number | null = 100,
  background: number | null = 100,
): RecruitScores => ({ written, interview, physical, background });

describe('weighted ranking', () => {
  it('validates weights: non-gate items add to 100, gates weigh 0', () => {
    expect(weightsValid(defaultWeights)).toBe(true);
    expect(weightsValid({ ...defaultWeights, physical: 10 })).toBe(false);
    expect(weightsValid({ written: 40, interview: 30, physical: 30, background: 0, physicalGate: false, backgroundGate: true })).toBe(true);
  });

  it('computes totals to 2 decimals; a failed gate or a missing score is ineligible', () => {
    expect(weightedTotal(s(81.5, 77.25), defaultWeights)).toEqual({ eligible: true, total: 79.8 });
    expect(weightedTotal(s(90, 90, 59), defaultWeights)).toMatchObject({ eligible: false, reason: 'gate_failed' });
    expect(weightedTotal(s(90, null), defaultWeights)).toMatchObject({ eligible: false, reason: 'missing', total: null });
  });

  it('says whether a gate was passed by the ranking rule, and nothing for a weighted or unscored item', () => {
    const w = { ...defaultWeights, written: 50, interview: 30, background: 20, backgroundGate: false };
    expect(gatePassed(s(80, 80, GATE_PASS, 40), w, 'physical')).toBe(true);
    expect(gatePassed(s(80, 80, GATE_PASS - 0.5, 40), w, 'physical')).toBe(false);
    expect(gatePassed(s(80, 80, null, 40), w, 'physical')).toBeNull();
    expect(gatePassed(s(80, 80, 100, 40), w, 'background')).toBeNull();
    // A failed gate is exactly what makes the ranking call an applicant ineligible.
    expect(weightedTotal(s(80, 80, 59, 40), w)).toMatchObject({ eligible: false, reason: 'gate_failed' });
  });

  it('shares ranks on ties (1, 1, 3) and orders a tie by written score then ticket', () => {
    const w = { ...defaultWeights, written: 50, interview: 50 };
    const out = rankApplicants(
      [
        { id: 'a', ticketNumber: '3', scores: s(80, 90) },
        { id: 'b', ticketNumber: '2', scores: s(90, 80) },
        { id: 'c', ticketNumber: '1', scores: s(70, 70) },
        { id: 'd', ticketNumber: '4', scores: s(99, 99, 0) },
      ],
      w,
    );
    expect(out.map((r) => [r.entry.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 1],
      ['c', 3],
      ['d', null],
    ]);
  });

  it('never ranks a lower total above a higher one, and ranks are 1-based competition ranks', () => {
    const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.record({ w: score, i: score, p: score }), { maxLength: 30 }), (rows) => {
        const out = rankApplicants(
          rows.map((r, n) => ({ id: String(n), ticketNumber: String(n).padStart(3, '0'), scores: s(r.w, r.i, r.p) })),
          defaultWeights,
        );
        const ranked = out.filter((r) => r.eligible);
        ranked.forEach((r, i) => {
          if (i === 0) expect(r.rank).toBe(1);
          else {
            const prev = ranked[i - 1]!;
            expect(r.total!).toBeLessThanOrEqual(prev.total!);
            expect(r.rank).toBe(r.total === prev.total ? prev.rank : i + 1);
          }
        });
        expect(out.slice(ranked.length).every((r) => r.rank === null)).toBe(true);
      }),
    );
  });

  it('masks names for the publicity list', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('欧阳小明')).toBe('欧**明');
  });
});
