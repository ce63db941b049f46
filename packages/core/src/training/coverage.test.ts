import { describe, expect, it } from 'vitest';
import { summarizeAttendance } from './attendance.ts';
import { roundHours, sumHours } from './hours-ledger.ts';
import { evaluateCoverage, tallyByBranch } from './coverage.ts';
import { inPersonSet, isPersonSetEmpty, normalizePersonSet } from '../personnel/person-set.ts';

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

describe('person set', () => {
  const p = {
    id: 'p1',
    kind: 'officer' as const,
    status: 'serving' as const,
    orgPath: ['st1', 'br1', 'root'],
    rank: 'R1',
    officerLevel: 'L5',
    techLevel: null,
    post: '所长',
    birthDate: '1980-06-15',
    policeStartDate: '2002-07-01',
  };
  const day = '2026-06-15';
  const inSet = (s: Parameters<typeof normalizePersonSet>[0]) => inPersonSet(normalizePersonSet(s), p, day);
  it('needs every given condition, or a name in the list', () => {
    expect(inSet({ orgIds: ['br1'], posts: ['所长'] })).toBe(true);
    expect(inSet({ orgIds: ['br1'], posts: ['教导员'] })).toBe(false);
    expect(inSet({ orgIds: ['br2'] })).toBe(false);
    expect(inSet({ orgIds: ['br2'], personIds: ['p1'] })).toBe(true);
    expect(inSet({ levels: ['L5'], ranks: ['R2'] })).toBe(false);
    expect(isPersonSetEmpty(normalizePersonSet({ posts: [' '] }))).toBe(true);
  });
  it('reads units with or without sub-units, kinds, grades and exclusions', () => {
    expect(inSet({ orgIds: ['br1'], includeSubUnits: false })).toBe(false);
    expect(inSet({ orgIds: ['st1'], includeSubUnits: false })).toBe(true);
    expect(inSet({ kinds: ['auxiliary'] })).toBe(false);
    expect(inSet({ kinds: ['officer'], grades: ['T1'] })).toBe(false);
    expect(inSet({ orgIds: ['br1'], excludePersonIds: ['p1'] })).toBe(false);
    expect(inSet({ personIds: ['p1'], excludePersonIds: ['p1'] })).toBe(false);
  });
  it('counts age and years of service on the as-of date, birthdays included', () => {
    expect(inSet({ ageMin: 46 })).toBe(true);
    expect(inSet({ ageMin: 46, asOf: '2026-06-14' })).toBe(false);
    expect(inSet({ ageMax: 45 })).toBe(false);
    expect(inSet({ serviceYearsMin: 24 })).toBe(false);
    expect(inSet({ serviceYearsMin: 23, serviceYearsMax: 23 })).toBe(true);
  });
  it('keeps people off the force out unless their status is asked for', () => {
    const retired = { ...p, status: 'retired' as const };
    expect(inPersonSet(normalizePersonSet({ personIds: ['p1'] }), retired, day)).toBe(false);
    expect(inPersonSet(normalizePersonSet({ personIds: ['p1'], statuses: ['retired'] }), retired, day)).toBe(true);
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
    const s = summarizeAttendance(sessions, new Set(['s1', 's2', 's3', 's4']), 80);
    expect(s).toEqual({ attended: 4, sessions: 5, rate: 80, hours: 20, meetsThreshold: true });
    expect(summarizeAttendance(sessions, new Set(['s1', 's2', 's3']), 80).meetsThreshold).toBe(false);
  });
  it('credits neither hours nor attendance to a class that records no sessions', () => {
    expect(summarizeAttendance([], new Set(), 80)).toEqual({ attended: 0, sessions: 0, rate: 0, hours: 0, meetsThreshold: false });
  });
  it('adds session hours with one decimal exactly', () => {
    const s = summarizeAttendance(
      [
        { id: 'a', hours: 3.5 },
        { id: 'b', hours: 0.1 },
        { id: 'c', hours: 0.2 },
      ],
      new Set(['a', 'b', 'c']),
      80,
    );
    expect(s.hours).toBe(3.8);
  });
});

describe('学时 ledger', () => {
  it('sums tenths exactly where floating addition drifts', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumHours([{ hours: 0.1 }, { hours: 0.2 }])).toBe(0.3);
    expect(roundHours(89.99999999)).toBe(90);
  });
});
