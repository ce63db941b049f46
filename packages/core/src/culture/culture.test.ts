import { describe, expect, it } from 'vitest';
import { entryScore, measureOf, rankContest } from './scoring.ts';

describe('contest scoring', () => {
  it('averages up to four judges and drops the highest and lowest from five', () => {
    expect(entryScore([])).toBeNull();
    // (85.0 + 90.5 + 88.0) / 3 = 87.8333… → 87.83
    expect(entryScore([850, 905, 880])).toBe(87.83);
    // Five judges 70, 95, 88, 90, 86: drop 95 and 70 → (88 + 90 + 86) / 3 = 88
    expect(entryScore([700, 950, 880, 900, 860])).toBe(88);
  });

  it('ranks by score with shared places (1, 1, 3) and unscored last', () => {
    const ranked = rankContest([
      { id: 'a', scores: [900, 800] },
      { id: 'b', scores: [850, 850] },
      { id: 'c', scores: [950, 900] },
      { id: 'd', scores: [] },
    ]);
    expect(ranked.map((r) => [r.entry.id, r.score, r.rank])).toEqual([
      ['c', 92.5, 1],
      ['a', 85, 2],
      ['b', 85, 2],
      ['d', null, null],
    ]);
  });

  it('records hours for reading and kilometres for fitness', () => {
    expect([measureOf('reading'), measureOf('fitness'), measureOf('sports')]).toEqual(['hours', 'km', null]);
  });
});
