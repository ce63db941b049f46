import { describe, expect, it } from 'vitest';
import { defaultScoring, rankBy, scoreOutput } from './rules.ts';

describe('publicity scoring (宣传计分)', () => {
  it('scores by outlet level and kind, with the lead bonus, in tenths of a point', () => {
    expect(scoreOutput(defaultScoring, { kind: 'article', level: 'provincial', lead: false })).toBe(150);
    expect(scoreOutput(defaultScoring, { kind: 'article', level: 'provincial', lead: true })).toBe(225);
    expect(scoreOutput(defaultScoring, { kind: 'photo', level: 'central', lead: false })).toBe(150);
    expect(scoreOutput(defaultScoring, { kind: 'new_media', level: 'own', lead: true })).toBe(15);
  });
  it('ranks with shared places for equal points', () => {
    const rows = [
      { key: 'a', name: '王芳', points: 150 },
      { key: 'b', name: '李强', points: 225 },
      { key: 'c', name: '赵敏', points: 100 },
      { key: 'c', name: '赵敏', points: 50 },
      { key: 'd', name: '孙磊', points: 60 },
    ];
    expect(rankBy(rows).map((r) => [r.name, r.points, r.rank, r.outputs])).toEqual([
      ['李强', 225, 1, 1],
      ['王芳', 150, 2, 1],
      ['赵敏', 150, 2, 2],
      ['孙磊', 60, 4, 1],
    ]);
  });
});

describe('publication in step with an incident (三同步)', () => {
  it('checks the first release against 5 hours and gaps against 24 hours', async () => {
    const { checkSync, defaultSync } = await import('./rules.ts');
    const at = '2026-06-01T02:00:00.000Z';
    expect(
      checkSync(defaultSync, at, [
        { kind: 'first', at: '2026-06-01T07:00:00.000Z' },
        { kind: 'closure', at: '2026-06-02T06:00:00.000Z' },
      ]),
    ).toEqual({
      firstReleaseOnTime: true,
      lateGaps: [],
      closed: true,
      inStep: true,
    });
    const late = checkSync(defaultSync, at, [
      { kind: 'first', at: '2026-06-01T07:00:01.000Z' },
      { kind: 'update', at: '2026-06-02T09:30:00.000Z' },
    ]);
    expect(late).toMatchObject({ firstReleaseOnTime: false, lateGaps: [26], closed: false, inStep: false });
  });
});
