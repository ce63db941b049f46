import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScore, rankEntries, unitTotals } from './ranking.ts';

const e = (id: string, score: number | null) => ({ id, score });

describe('rankEntries', () => {
  it("gives tied scores the same place, skips the next (1224) and shares the places' points", () => {
    const r = rankEntries([e('a', 90), e('b', 95), e('c', 95), e('d', 80), e('e', null)], 'higher');
    expect(r.map((x) => [x.entry.id, x.rank, x.points])).toEqual([
      ['b', 1, 6],
      ['c', 1, 6],
      ['a', 3, 4],
      ['d', 4, 3],
      ['e', null, 0],
    ]);
  });

  it('ranks lower-better items (times) ascending, ties included', () => {
    const r = rankEntries([e('a', 12.31), e('b', 11.9), e('c', 12.31), e('d', 13)], 'lower');
    expect(r.map((x) => [x.entry.id, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('treats float noise below a thousandth as a tie', () => {
    const r = rankEntries([e('a', 0.1 + 0.2), e('b', 0.3)], 'higher');
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('never creates points through a tie: the points handed out are those of the places taken', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), { maxLength: 12 }), (scores) => {
        const r = rankEntries(
          scores.map((s, i) => e(`p${i}`, s)),
          'higher',
        );
        const ranked = scores.filter((s) => s !== null).length;
        const expected = Array.from({ length: ranked }, (_, i) => [7, 5, 4, 3, 2, 1][i] ?? 0).reduce((a, b) => a + b, 0);
        expect(r.reduce((a, x) => a + x.points, 0)).toBeCloseTo(expected, 1);
      }),
    );
    // Three tied for fifth share places 5–7: (2 + 1 + 0) / 3 = 1 each.
    const tail = rankEntries([e('a', 9), e('b', 8), e('c', 7), e('d', 6), e('x', 1), e('y', 1), e('z', 1)], 'higher');
    expect(tail.map((x) => x.points)).toEqual([7, 5, 4, 3, 1, 1, 1]);
  });

  it('gives no points past sixth place', () => {
    const r = rankEntries(
      Array.from({ length: 8 }, (_, i) => e(`p${i}`, 100 - i)),
      'higher',
    );
    expect(r.map((x) => x.points)).toEqual([7, 5, 4, 3, 2, 1, 0, 0]);
  });
});

describe('unitTotals', () => {
  it('sums place points per unit and ranks units with the same tie rule', () => {
    const totals = unitTotals([
      { orgId: 'u1', rank: 1 },
      { orgId: 'u2', rank: 2 },
      { orgId: 'u3', rank: 3 },
      { orgId: 'u2', rank: 3 },
      { orgId: 'u1', rank: null },
      { orgId: 'u3', rank: 2 },
    ]);
    expect(totals).toEqual([
      { orgId: 'u2', points: 9, rank: 1, medals: { first: 0, second: 1, third: 1 } },
      { orgId: 'u3', points: 9, rank: 1, medals: { first: 0, second: 1, third: 1 } },
      { orgId: 'u1', points: 7, rank: 3, medals: { first: 1, second: 0, third: 0 } },
    ]);
  });
});

describe('parseScore', () => {
  it('reads numbers, times and full-width input', () => {
    expect(parseScore(86.5)).toEqual({ ok: true, value: 86.5 });
    expect(parseScore('92')).toEqual({ ok: true, value: 92 });
    expect(parseScore('1:23.45')).toEqual({ ok: true, value: 83.45 });
    expect(parseScore('1:02:03')).toEqual({ ok: true, value: 3723 });
    expect(parseScore('１２．５')).toEqual({ ok: true, value: 12.5 });
    expect(parseScore('')).toEqual({ ok: true, value: null });
  });
  it('refuses text and negative numbers', () => {
    expect(parseScore('缺考')).toEqual({ ok: false, code: 'score_format' });
    expect(parseScore('1:75')).toEqual({ ok: false, code: 'score_format' });
    expect(parseScore(-3)).toEqual({ ok: false, code: 'score_negative' });
    expect(parseScore('-3')).toEqual({ ok: false, code: 'score_negative' });
  });
});
