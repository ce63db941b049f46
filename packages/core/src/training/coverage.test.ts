import { describe, expect, it } from 'vitest';
import { summarizeAttendance } from './attendance.ts';
import { evaluateCoverage, tallyByBranch } from './coverage.ts';
import { inTarget, isTargetEmpty, normalizeTarget } from './target-group.ts';

describe('coverage rules', () => {
  it('counts only completed classes of the listed kinds', () => {
    const rule = { kind: 'classes' as const, classKinds: ['rotation' as const], minClasses: 1 };
    expect(evaluateCoverage(rule, { completedClassKinds: ['spring', 'specialty'], hours: 99 }).covered).toBe(false);
    expect(evaluateCoverage(rule, { completedClassKinds: ['spring', 'rotation'], hours: 0 })).toEqual({
      covered: true,
      done: 1,
      required: 1,
    });
    expect(
      evaluateCoverage({ kind: 'classes', classKinds: [], minClasses: 2 }, { completedClassKinds: ['spring'], hours: 0 }).covered,
    ).toBe(false);
  });
  it('compares hours with the minimum, boundary included', () => {
    expect(evaluateCoverage({ kind: 'hours', minHours: 40 }, { completedClassKinds: [], hours: 39 }).covered).toBe(false);
    expect(evaluateCoverage({ kind: 'hours', minHours: 40 }, { completedClassKinds: [], hours: 40 }).covered).toBe(true);
  });
  it('tallies per branch with the missing people', () => {
    const t = tallyByBranch([
      { branchId: 'a', covered: true, name: '甲' },
      { branchId: 'b', covered: false, name: '乙' },
      { branchId: 'a', covered: false, name: '丙' },
    ]);
    expect(t.map((b) => [b.branchId, b.covered, b.total, b.missing.map((m) => m.name)])).toEqual([
      ['a', 1, 2, ['丙']],
      ['b', 0, 1, ['乙']],
    ]);
  });
});

describe('target group', () => {
  const p = { id: 'p1', orgPath: ['root', 'br1', 'st1'], rank: 'R1', officerLevel: 'L5', post: '所长' };
  it('needs every given condition, or a name in the list', () => {
    expect(inTarget(normalizeTarget({ orgIds: ['br1'], posts: ['所长'] }), p)).toBe(true);
    expect(inTarget(normalizeTarget({ orgIds: ['br1'], posts: ['教导员'] }), p)).toBe(false);
    expect(inTarget(normalizeTarget({ orgIds: ['br2'] }), p)).toBe(false);
    expect(inTarget(normalizeTarget({ orgIds: ['br2'], personIds: ['p1'] }), p)).toBe(true);
    expect(inTarget(normalizeTarget({ levels: ['L5'], ranks: ['R2'] }), p)).toBe(false);
    expect(isTargetEmpty(normalizeTarget({ posts: [' '] }))).toBe(true);
  });
});

describe('attendance', () => {
  const sessions = [
    { id: 's1', hours: 4 },
    { id: 's2', hours: 4 },
    { id: 's3', hours: 8 },
    { id: 's4', hours: 4 },
    { id: 's5', hours: 4 },
  ];
  it('earns the hours of attended sessions and meets the threshold at exactly 80 %', () => {
    const s = summarizeAttendance(sessions, new Set(['s1', 's2', 's3', 's4']), 80, 40);
    expect(s).toEqual({ attended: 4, sessions: 5, rate: 80, hours: 20, meetsThreshold: true });
    expect(summarizeAttendance(sessions, new Set(['s1', 's2', 's3']), 80, 40).meetsThreshold).toBe(false);
  });
});
