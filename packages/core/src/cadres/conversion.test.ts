import { describe, expect, it } from 'vitest';
import { conversionRuleSets, simulateConversion, type ConversionSubject } from './conversion.ts';
import type { AppraisalRecord } from './record.ts';

const r2016 = conversionRuleSets.find((r) => r.id === 'rank.convert@2016')!;
const r2019 = conversionRuleSets.find((r) => r.id === 'rank.convert@2019')!;
const fit = (from: number, to: number, grade = '称职'): AppraisalRecord[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, grade }));
const with2 = (list: AppraisalRecord[], years: number[], grade: string) => list.map((a) => (years.includes(a.year) ? { ...a, grade } : a));

let n = 0;
const person = (post: string, since: string, over: Partial<ConversionSubject> = {}): ConversionSubject => ({
  id: `p${String(++n).padStart(2, '0')}`,
  name: `人员${n}`,
  unitId: 'U1',
  officerLevel: null,
  techLevel: null,
  levelDate: null,
  rank: null,
  rankDate: null,
  workStartDate: '1995-07-01',
  policeStartDate: '1995-07-01',
  levels: [{ sequence: 'admin', level: post, startDate: since, endDate: null }],
  ranks: [],
  appraisals: fit(2000, 2015),
  disciplines: [],
  awards: [],
  trainings: [],
  salaryLevel: null,
  ...over,
});

// Twenty people worked by hand against DOMAIN-RULES §2.4 (2016 套改, conversion date 2016-12-01).
const sample: [ConversionSubject, string | null, string][] = [
  [person('801', '2010-01-01'), '701', 'converted'],
  [person('802', '2010-01-01'), '702', 'converted'],
  [person('803', '2010-01-01'), '703', 'converted'],
  [person('806', '2014-01-01'), '707', 'converted'],
  // 1 year in post, 6 years of police work, no award, no 优秀: 一级警员.
  [person('804', '2015-01-01', { policeStartDate: '2010-07-01' }), '705', 'fallback'],
  // 2 years in post (25 months).
  [person('804', '2014-11-01', { policeStartDate: '2010-07-01' }), '704', 'converted'],
  // 10 years of police work.
  [person('804', '2016-01-01', { policeStartDate: '2006-01-01' }), '704', 'converted'],
  // 三等功.
  [
    person('804', '2016-01-01', { policeStartDate: '2010-07-01', awards: [{ date: '2015-05-01', level: '三等功', name: 'x' }] }),
    '704',
    'converted',
  ],
  // Three 优秀.
  [
    person('804', '2016-01-01', { policeStartDate: '2010-07-01', appraisals: with2(fit(2000, 2015), [2012, 2013, 2014], '优秀') }),
    '704',
    'converted',
  ],
  // Two 优秀 and a 嘉奖 are not enough.
  [
    person('804', '2016-01-01', {
      policeStartDate: '2010-07-01',
      appraisals: with2(fit(2000, 2015), [2013, 2014], '优秀'),
      awards: [{ date: '2015-01-01', level: '嘉奖', name: 'x' }],
    }),
    '705',
    'fallback',
  ],
  // 级别 22, 10 years in post, 10 years 称职: (a) → 三级警长.
  [person('804', '2006-06-01', { salaryLevel: 22 }), '703', 'converted'],
  // Same but 2010 基本称职: (a) fails, (b) 21 years of work, (c) no award/优秀 → 四级警长 by years in post.
  [person('804', '2006-06-01', { salaryLevel: 22, appraisals: with2(fit(2000, 2015), [2010], '基本称职') }), '704', 'converted'],
  // 级别 21, 3 years in post, 31 years of work: (b).
  [person('804', '2013-01-01', { salaryLevel: 21, workStartDate: '1985-07-01' }), '703', 'converted'],
  // 级别 23 does not reach 22.
  [person('804', '2006-06-01', { salaryLevel: 23 }), '704', 'converted'],
  // 科员, 级别 24, 10 years, 10 years 称职 → 一级警员.
  [person('805', '2006-06-01', { salaryLevel: 24 }), '705', 'converted'],
  // 科员 without 级别 on record → 二级警员.
  [person('805', '2006-06-01'), '706', 'fallback'],
  // Under a 记过 on the conversion date → fallback, deferred.
  [person('804', '2010-01-01', { disciplines: [{ date: '2016-06-01', kind: '记过', endDate: '2017-06-01' }] }), '705', 'deferred'],
  // Only a 2019 grade: not part of this conversion.
  [
    person('610', '2019-06-01', { levels: [{ sequence: 'officer', level: '610', startDate: '2019-06-01', endDate: null }] }),
    null,
    'no_source',
  ],
  // (c): 3 years, 20 years of work, 二等功.
  [
    person('804', '2013-01-01', {
      salaryLevel: 22,
      workStartDate: '1996-01-01',
      awards: [{ date: '2014-03-01', level: '二等功', name: 'x' }],
    }),
    '703',
    'converted',
  ],
  // (c): 3 years, 20 years of work, five 优秀.
  [
    person('804', '2013-01-01', {
      salaryLevel: 22,
      workStartDate: '1996-01-01',
      appraisals: with2(fit(2000, 2015), [2011, 2012, 2013, 2014, 2015], '优秀'),
    }),
    '703',
    'converted',
  ],
];

describe('套改 simulation (rank.convert@2016)', () => {
  it('matches the hand-worked sample of 20 people, each with reasons', () => {
    expect(sample).toHaveLength(20);
    const run = simulateConversion(
      sample.map(([p]) => p),
      r2016,
    );
    const got = run.results.map((r) => [r.personId, r.to, r.status]);
    expect(got).toEqual(sample.map(([p, to, status]) => [p.id, to, status]));
    for (const r of run.results) expect(r.reasons.length).toBeGreaterThan(0);
  });
  it('explains a refusal in words', () => {
    const run = simulateConversion([sample[4]![0]], r2016);
    const text = run.results[0]!.reasons.map((r) => r.zh).join('\n');
    expect(text).toContain('四级警长（2016）条件1：✗任现职1年（须满2年）');
    expect(text).toContain('套改为一级警员（2016）');
  });
});

describe('套转 with quotas (rank.convert@2019)', () => {
  const unit = (k: number, since: string) =>
    person('702', since, { id: `q${k}`, unitId: 'Q', levels: [{ sequence: 'officer', level: '702', startDate: since, endDate: null }] });
  it('fills a nested quota in seniority order and says who fails and why', () => {
    const people = [
      unit(1, '2018-01-01'),
      unit(2, '2010-01-01'),
      unit(3, '2014-01-01'),
      ...Array.from({ length: 7 }, (_, i) => unit(10 + i, '2018-06-01')),
    ];
    const run = simulateConversion(people, r2019);
    const placed = run.results.filter((r) => r.status === 'converted').map((r) => r.personId);
    // 20% of 10 = 2 places of 一至四级高级警长: the two longest in post.
    expect(placed).toEqual(['q2', 'q3']);
    const refused = run.results.find((r) => r.personId === 'q1')!;
    expect(refused.status).toBe('quota');
    expect(refused.reasons.map((r) => r.zh)).toContain('一至四级高级警长职数已满：限额2名（不超过核定人数10名的20%），已有2名');
    expect(run.usage.find((u) => u.unitId === 'Q' && u.ruleId === 'senior')).toMatchObject({ used: 2, limit: 2 });
  });
});
