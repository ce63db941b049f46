import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResult, emptyFacts, excellentLimit, schemeProblems, suggestedGrade, type ScoreFacts } from './compute.ts';
import { consequencesOf } from './consequences.ts';
import { DATA_ONLY_SCHEME, DEFAULT_AUX_SCHEME, DEFAULT_OFFICER_SCHEME, DEFAULT_WARTIME_SCHEME } from './default-schemes.ts';
import type { SchemeBody } from './schemes.ts';

const facts = (over: Partial<ScoreFacts>): ScoreFacts => ({ ...emptyFacts(), ...over });
const line = (e: ReturnType<typeof computeResult>, key: string) => e.lines.find((l) => l.key === key)!;

describe('scheme checks', () => {
  it('accepts the shipped defaults', () => {
    for (const s of [DEFAULT_OFFICER_SCHEME, DATA_ONLY_SCHEME, DEFAULT_AUX_SCHEME, DEFAULT_WARTIME_SCHEME])
      expect(schemeProblems(s)).toEqual([]);
  });
  it('names roots not summing to 100, groups not summing to their children, leaves without rules and unknown parents', () => {
    const bad: SchemeBody = {
      ...DEFAULT_OFFICER_SCHEME,
      indicators: [
        { key: 'a', name: 'A', maxPoints: 50 },
        { key: 'a.1', name: 'A1', parent: 'a', maxPoints: 30, rule: { kind: 'manual' } },
        { key: 'b', name: 'B', maxPoints: 40 },
        { key: 'c', name: 'C', parent: 'zz', maxPoints: 5, rule: { kind: 'manual' } },
      ],
    };
    const problems = schemeProblems(bad);
    expect(problems).toContainEqual({ key: 'a', problem: 'group_sum', expected: 50, actual: 30 });
    expect(problems).toContainEqual({ key: 'b', problem: 'leaf_without_rule' });
    expect(problems).toContainEqual({ key: 'c', problem: 'unknown_parent' });
    expect(problems).toContainEqual({ key: '', problem: 'root_sum', expected: 100, actual: 90 });
  });
  it('finds a cycle of parents', () => {
    const cyc: SchemeBody = {
      ...DEFAULT_OFFICER_SCHEME,
      indicators: [
        { key: 'x', name: 'X', parent: 'y', maxPoints: 50, rule: { kind: 'manual' } },
        { key: 'y', name: 'Y', parent: 'x', maxPoints: 50, rule: { kind: 'manual' } },
      ],
    };
    expect(schemeProblems(cyc).some((p) => p.problem === 'cycle')).toBe(true);
  });
});

describe('formula sources against hand-computed figures', () => {
  const manual = {
    de: { points: 18, evidence: '党支部评议' },
    ji: { points: 22.5, evidence: '办案数' },
    lian: { points: 5, evidence: '无违纪' },
  };
  it('exam: mean share of each paper, absence counts 0', () => {
    const e = computeResult(
      DEFAULT_OFFICER_SCHEME,
      facts({
        exams: [
          { examId: '1', title: '月考', kind: 'monthly', date: '2026-03-01', score: 80, totalScore: 100, absent: false },
          { examId: '2', title: '季考', kind: 'quarterly', date: '2026-06-01', score: 45, totalScore: 50, absent: false },
          { examId: '3', title: '补考', kind: 'monthly', date: '2026-07-01', score: null, totalScore: 100, absent: true },
        ],
      }),
      manual,
    );
    // (0.8 + 0.9 + 0) / 3 = 0.5666… × 15 = 8.5
    expect(line(e, 'neng.exam').points).toBe(8.5);
    expect(line(e, 'neng.exam').records.map((r) => r.value)).toEqual(['80/100', '45/50', '缺考']);
  });
  it('training and study hours: share of the target, full at the target', () => {
    const e = computeResult(DEFAULT_OFFICER_SCHEME, facts({ trainingHours: 30, studyHours: 25 }), manual);
    expect(line(e, 'neng.train').points).toBe(7.5); // 30/40 × 10
    expect(line(e, 'neng.study').points).toBe(5); // capped at the target
  });
  it('daily entries: positive and negative weigh alike, clamped to [0, max]', () => {
    const entries = [
      { id: 'a', date: '2026-02-01', kind: 'negative' as const, category: 'daily' as const, reason: '迟到', score: 2 },
      { id: 'b', date: '2026-02-02', kind: 'positive' as const, category: 'daily' as const, reason: '表扬', score: 1 },
      { id: 'c', date: '2026-02-03', kind: 'negative' as const, category: 'daily' as const, reason: '无分记录', score: null },
      { id: 'd', date: '2026-02-04', kind: 'negative' as const, category: 'onsite' as const, reason: '阵前', score: 5 },
    ];
    const e = computeResult(DEFAULT_OFFICER_SCHEME, facts({ entries }), manual);
    expect(line(e, 'qin').points).toBe(19); // 20 − 2 + 1; the onsite entry belongs to wartime schemes
    const w = computeResult(DEFAULT_WARTIME_SCHEME, facts({ entries }), { task: { points: 30, evidence: '完成' } });
    expect(line(w, 'onsite').points).toBe(55);
    expect(w.total).toBe(85);
    const many = Array.from({ length: 30 }, (_, i) => ({ ...entries[0]!, id: `n${i}` }));
    expect(line(computeResult(DEFAULT_OFFICER_SCHEME, facts({ entries: many }), manual), 'qin').points).toBe(0);
  });
  it('competition placings up to the rank, capped at the maximum', () => {
    const c = (rank: number | null) => ({ title: '比武', item: '射击', date: '2026-05-01', rank });
    const e = computeResult(DATA_ONLY_SCHEME, facts({ competitions: [c(1), c(3), c(4), c(null)] }), {});
    expect(line(e, 'comp').points).toBe(10);
    expect(line(computeResult(DATA_ONLY_SCHEME, facts({ competitions: [c(2)] }), {}), 'comp').points).toBe(5);
  });
  it('辅警 monthly scores: mean over scored months', () => {
    const e = computeResult(
      DEFAULT_AUX_SCHEME,
      facts({
        auxMonthly: [
          { month: '2026-01', score: 90, grade: '优秀' },
          { month: '2026-02', score: 75, grade: '合格' },
          { month: '2026-03', score: null, grade: null },
        ],
      }),
      {},
    );
    expect(line(e, 'monthly').points).toBe(49.5); // (0.9 + 0.75) / 2 × 60
  });
  it('unit mean of its people', () => {
    const unit: SchemeBody = {
      ...DATA_ONLY_SCHEME,
      indicators: [{ key: 'm', name: '人员平均', maxPoints: 100, rule: { kind: 'unit_mean' } }],
      adjustments: [],
    };
    const e = computeResult(
      unit,
      facts({
        members: [
          { name: '甲', total: 80 },
          { name: '乙', total: 91 },
        ],
      }),
      {},
    );
    expect(e.total).toBe(85.5);
  });
  it('awards add and discipline deducts by level, each item capped and each side capped', () => {
    const awards = [
      { date: '2026-03-01', name: '三等功', level: '三等功' },
      { date: '2026-04-01', name: '嘉奖', level: '嘉奖' },
      { date: '2026-05-01', name: '集体嘉奖', level: null },
    ];
    const e = computeResult(
      DEFAULT_OFFICER_SCHEME,
      facts({ awards, discipline: [{ date: '2026-02-01', kind: '警告', endDate: '2026-08-01' }] }),
      {
        ...manual,
        extra: { points: 9, evidence: '抢险' },
      },
    );
    expect(e.adjustments.find((a) => a.key === 'award')!.points).toBe(4);
    const extra = e.adjustments.find((a) => a.key === 'extra')!;
    expect([extra.raw, extra.points, extra.capped]).toEqual([9, 5, true]);
    expect(e.bonus).toBe(9);
    expect(e.deduction).toBe(5);
    // 18 + 0 + 0 + 0 + 20 + 22.5 + 5 = 65.5; + 9 − 5
    expect(e.base).toBe(65.5);
    expect(e.total).toBe(69.5);
    const heavy = computeResult(
      DEFAULT_OFFICER_SCHEME,
      facts({
        discipline: ['记大过', '降级', '撤职'].map((k) => ({ date: '2026-02-01', kind: k, endDate: null })),
        awards: Array.from({ length: 5 }, () => ({ date: '2026-03-01', name: '一等功', level: '一等功' })),
      }),
      manual,
    );
    expect(heavy.deduction).toBe(30);
    expect(heavy.adjustments.find((a) => a.key === 'award')!.points).toBe(10);
    expect(heavy.bonus).toBe(10);
  });
  it('a manual leaf without points is missing; manual points are clamped to the maximum', () => {
    const e = computeResult(DEFAULT_OFFICER_SCHEME, facts({}), { de: { points: 99, evidence: 'x' } });
    expect(line(e, 'de').points).toBe(20);
    expect(line(e, 'ji').missing).toBe(true);
    expect(e.complete).toBe(false);
    expect(line(e, 'neng').points).toBe(0);
  });
});

describe('grades, quota and consequences', () => {
  it('suggests a grade from the bands', () => {
    expect(suggestedGrade(DEFAULT_OFFICER_SCHEME.gradeBands, 90)).toBe('优秀');
    expect(suggestedGrade(DEFAULT_OFFICER_SCHEME.gradeBands, 89.99)).toBe('称职');
    expect(suggestedGrade(DEFAULT_OFFICER_SCHEME.gradeBands, 59)).toBe('不称职');
  });
  it('limits 优秀 to the quota, with rounding and a minimum of one', () => {
    const q = DEFAULT_OFFICER_SCHEME.excellentQuota;
    expect(excellentLimit(q, 20)).toBe(3);
    expect(excellentLimit(q, 13)).toBe(1);
    expect(excellentLimit(q, 4)).toBe(1);
    expect(excellentLimit({ ...q, minOne: false }, 4)).toBe(0);
    expect(excellentLimit({ ...q, rounding: 'ceil' }, 13)).toBe(2);
    expect(excellentLimit(q, 0)).toBe(0);
  });
  it('raises demotion for one 不称职 and dismissal for two running, never for other grades', () => {
    expect(consequencesOf('officer', 2026, '称职', new Map())).toEqual([]);
    expect(consequencesOf('officer', 2026, '不称职', new Map([[2024, '不称职']]))[0]!.code).toBe('DEMOTE_ONE_LEVEL');
    expect(consequencesOf('officer', 2026, '不称职', new Map([[2025, '不称职']]))[0]!.code).toBe('DISMISSAL_PROCEDURE');
    expect(consequencesOf('auxiliary', 2026, '不合格', new Map())[0]!.code).toBe('AUX_CONTRACT_REVIEW');
  });
});

describe('recomputation is deterministic', () => {
  const exam = fc.record({
    examId: fc.uuid(),
    title: fc.string({ maxLength: 5 }),
    kind: fc.constantFrom('monthly', 'quarterly'),
    date: fc.constant('2026-05-01'),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    totalScore: fc.integer({ min: 1, max: 100 }),
    absent: fc.boolean(),
  });
  const entry = fc.record({
    id: fc.uuid(),
    date: fc.constant('2026-05-01'),
    kind: fc.constantFrom('positive' as const, 'negative' as const),
    category: fc.constantFrom('daily' as const, 'onsite' as const),
    reason: fc.string({ maxLength: 5 }),
    score: fc.option(fc.double({ min: 0, max: 20, noNaN: true }), { nil: null }),
  });
  const arb = fc.record({
    exams: fc.array(exam, { maxLength: 6 }),
    trainingHours: fc.double({ min: 0, max: 200, noNaN: true }),
    studyHours: fc.double({ min: 0, max: 200, noNaN: true }),
    entries: fc.array(entry, { maxLength: 10 }),
    awards: fc.array(fc.record({ date: fc.constant('2026-01-01'), name: fc.string(), level: fc.constantFrom('嘉奖', '三等功', null) }), {
      maxLength: 4,
    }),
    discipline: fc.array(
      fc.record({ date: fc.constant('2026-01-01'), kind: fc.constantFrom('警告', '记过'), endDate: fc.constant(null) }),
      { maxLength: 3 },
    ),
    manual: fc.record({ de: fc.double({ min: 0, max: 20, noNaN: true }), ji: fc.double({ min: 0, max: 25, noNaN: true }) }),
  });
  it('gives the same result for the same facts in any order, within bounds', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const f = facts(a);
        const m = {
          de: { points: a.manual.de, evidence: 'e' },
          ji: { points: a.manual.ji, evidence: 'e' },
          lian: { points: 5, evidence: 'e' },
        };
        const first = computeResult(DEFAULT_OFFICER_SCHEME, f, m);
        const again = computeResult(DEFAULT_OFFICER_SCHEME, structuredClone(f), structuredClone(m));
        expect(again).toEqual(first);
        const shuffled = computeResult(
          DEFAULT_OFFICER_SCHEME,
          { ...f, exams: [...f.exams].reverse(), entries: [...f.entries].reverse(), awards: [...f.awards].reverse() },
          m,
        );
        expect(shuffled.total).toBe(first.total);
        for (const l of first.lines) expect(l.points).toBeGreaterThanOrEqual(0);
        for (const l of first.lines) expect(l.points).toBeLessThanOrEqual(l.maxPoints);
        expect(first.base).toBeLessThanOrEqual(100);
        expect(first.bonus).toBeLessThanOrEqual(DEFAULT_OFFICER_SCHEME.bonusCap);
        expect(first.deduction).toBeLessThanOrEqual(DEFAULT_OFFICER_SCHEME.deductionCap);
        expect(first.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
