import { describe, expect, it } from 'vitest';
import { gradeEligibility, rankEligibility } from './eligibility.ts';
import type { CadreSubject } from './record.ts';
import { promotionRuleSets } from './rules.ts';

const rules = promotionRuleSets[0]!;
const years = (from: number, to: number, grade = '称职') => Array.from({ length: to - from + 1 }, (_, i) => ({ year: from + i, grade }));

const subject = (over: Partial<CadreSubject>): CadreSubject => ({
  id: 'p',
  officerLevel: '610',
  techLevel: null,
  levelDate: '2022-06-15',
  rank: '04',
  rankDate: '2021-12-01',
  workStartDate: '2010-07-01',
  policeStartDate: '2010-07-01',
  levels: [],
  ranks: [],
  appraisals: years(2010, 2025),
  disciplines: [],
  awards: [],
  trainings: [],
  ...over,
});

const words = (e: { reasons: readonly { ok: boolean; zh: string }[] }) => e.reasons.filter((r) => !r.ok).map((r) => r.zh);

describe('years in grade (任职年限, DOMAIN-RULES §2.2)', () => {
  const cases: { name: string; s: Partial<CadreSubject>; asOf: string; status: string; counted: number; due: string | null }[] = [
    { name: '24 months from the month of appointment', s: {}, asOf: '2024-06-01', status: 'eligible', counted: 24, due: '2024-06-01' },
    { name: 'one month short', s: {}, asOf: '2024-05-31', status: 'not_yet', counted: 23, due: '2024-06-01' },
    {
      name: 'the appointment month counts whole (15 June)',
      s: { levelDate: '2022-06-30' },
      asOf: '2024-06-01',
      status: 'eligible',
      counted: 24,
      due: '2024-06-01',
    },
    {
      name: 'a 基本称职 year is excluded: 12 months later',
      s: { appraisals: [...years(2010, 2022), { year: 2023, grade: '基本称职' }, ...years(2024, 2025)] },
      asOf: '2024-06-01',
      status: 'not_yet',
      counted: 12,
      due: '2025-06-01',
    },
    {
      name: 'a year without appraisal result is excluded',
      s: { appraisals: years(2010, 2022) },
      asOf: '2025-03-01',
      status: 'not_yet',
      counted: 7 + 2,
      due: '2026-06-01',
    },
    {
      name: '2016 四级警长 years convert into 四级警长 (610)',
      s: { levelDate: '2019-06-01', levels: [{ sequence: 'officer', level: '704', startDate: '2018-06-01', endDate: '2019-06-01' }] },
      asOf: '2020-06-01',
      status: 'eligible',
      counted: 24,
      due: '2020-06-01',
    },
    {
      name: '2016 一级警员 years also count as 四级警长 (merged)',
      s: { levelDate: '2019-06-01', levels: [{ sequence: 'officer', level: '705', startDate: '2019-01-01', endDate: '2019-06-01' }] },
      asOf: '2020-06-01',
      status: 'not_yet',
      counted: 17,
      due: '2021-01-01',
    },
    {
      name: '2016 三级警长 does not count toward 四级警长',
      s: { levelDate: '2019-06-01', levels: [{ sequence: 'officer', level: '703', startDate: '2017-01-01', endDate: '2019-06-01' }] },
      asOf: '2020-06-01',
      status: 'not_yet',
      counted: 12,
      due: '2021-06-01',
    },
    {
      name: '二级高级警长 needs 3 years',
      s: { officerLevel: '604', levelDate: '2022-01-10' },
      asOf: '2024-12-31',
      status: 'not_yet',
      counted: 35,
      due: '2025-01-01',
    },
    {
      name: 'grade start from the history when no 职级任职时间',
      s: { levelDate: null, levels: [{ sequence: 'officer', level: '610', startDate: '2021-03-01', endDate: null }] },
      asOf: '2023-03-01',
      status: 'eligible',
      counted: 24,
      due: '2023-03-01',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const e = gradeEligibility(subject(c.s), rules, c.asOf);
      expect({ status: e.status, counted: e.countedMonths, due: e.dueDate }).toEqual({ status: c.status, counted: c.counted, due: c.due });
      expect(e.to).toBe(subject(c.s).officerLevel === '604' ? '603' : '609');
    });

  it('says in words which year was excluded and why', () => {
    const e = gradeEligibility(subject({ appraisals: [...years(2010, 2022), { year: 2023, grade: '基本称职' }] }), rules, '2024-06-01');
    expect(words(e)).toContain('2023年考核为基本称职，该年12个月不计入任职年限');
    expect(e.excludedYears).toEqual([{ year: 2023, months: 12, grade: '基本称职' }]);
  });

  it('refuses without a grade date and says so', () => {
    const e = gradeEligibility(subject({ levelDate: null }), rules, '2024-06-01');
    expect(e.status).toBe('no_data');
    expect(words(e)).toEqual(['未登记职级任职时间，无法计算任职年限']);
  });

  it('works for the 警务技术 track with the same years', () => {
    const e = gradeEligibility(
      subject({ officerLevel: null, techLevel: '510', levelDate: '2022-06-01', levels: [] }),
      rules,
      '2024-06-01',
      'tech',
    );
    expect([e.status, e.from, e.to]).toEqual(['eligible', '510', '509']);
  });
});

describe('discipline blocks and merit early promotion', () => {
  const cases: { name: string; kind: string; date: string; endDate: string | null; asOf: string; status: string; due: string | null }[] = [
    { name: '警告: 6 months', kind: '警告', date: '2024-03-10', endDate: null, asOf: '2024-06-01', status: 'blocked', due: '2024-09-10' },
    {
      name: '警告 over: no block',
      kind: '警告',
      date: '2023-10-01',
      endDate: null,
      asOf: '2024-06-01',
      status: 'eligible',
      due: '2024-06-01',
    },
    {
      name: '记大过: 18 months',
      kind: '记大过',
      date: '2024-01-01',
      endDate: null,
      asOf: '2024-06-01',
      status: 'blocked',
      due: '2025-07-01',
    },
    { name: '撤职: 24 months', kind: '撤职', date: '2024-01-01', endDate: null, asOf: '2024-06-01', status: 'blocked', due: '2026-01-01' },
    {
      name: 'end date on record wins',
      kind: '记过',
      date: '2024-01-01',
      endDate: '2024-05-01',
      asOf: '2024-06-01',
      status: 'eligible',
      due: '2024-06-01',
    },
    { name: '开除: permanent', kind: '开除', date: '2024-01-01', endDate: null, asOf: '2024-06-01', status: 'blocked', due: null },
    {
      name: '党内严重警告: 18 months',
      kind: '党内严重警告',
      date: '2024-02-01',
      endDate: null,
      asOf: '2024-06-01',
      status: 'blocked',
      due: '2025-08-01',
    },
  ];
  for (const c of cases)
    it(`grade: ${c.name}`, () => {
      const e = gradeEligibility(subject({ disciplines: [{ kind: c.kind, date: c.date, endDate: c.endDate }] }), rules, c.asOf);
      expect([e.status, e.dueDate]).toEqual([c.status, c.due]);
      if (c.status === 'blocked') expect(words(e).join()).toContain(`受${c.kind}处分`);
    });

  it('不称职 in the latest year blocks, in words', () => {
    const e = gradeEligibility(subject({ appraisals: [...years(2010, 2024), { year: 2025, grade: '不称职' }] }), rules, '2026-03-01');
    expect(e.status).toBe('blocked');
    expect(words(e)).toContain('最近一次年度考核（2025年）为不称职，不得晋升');
  });

  const rank = (over: Partial<CadreSubject>) => subject({ officerLevel: '608', rank: '04', rankDate: '2021-12-01', ...over });
  it('rank period: 3 years from 二级警司, due December 2024', () => {
    expect(rankEligibility(rank({}), rules, '2024-11-30')).toMatchObject({ status: 'not_yet', dueDate: '2024-12-01', to: '05' });
    expect(rankEligibility(rank({}), rules, '2024-12-01')).toMatchObject({ status: 'eligible', countedMonths: 36 });
  });
  it('rank: 一等功 at the current rank shortens the period by a year', () => {
    const e = rankEligibility(rank({ awards: [{ date: '2022-08-01', level: '一等功', name: '某案一等功' }] }), rules, '2023-12-01');
    expect([e.status, e.requiredMonths, e.dueDate]).toEqual(['eligible', 24, '2023-12-01']);
    expect(e.reasons.map((r) => r.zh).join()).toContain('可提前晋升');
  });
  it('rank: a 嘉奖 does not', () => {
    expect(rankEligibility(rank({ awards: [{ date: '2022-08-01', level: '嘉奖', name: 'x' }] }), rules, '2023-12-01').status).toBe(
      'not_yet',
    );
  });
  it('rank: the band of the grade caps it (一级警员 grade: up to 三级警督)', () => {
    const e = rankEligibility(rank({ officerLevel: '612', rank: '05' }), rules, '2030-01-01');
    expect(e.status).toBe('blocked');
    expect(words(e)).toContain('职级二级警员对应警衔二级警员至一级警司，已达上限，须先晋升职级');
  });
  it('rank: 警司 → 警督 needs the promotion training', () => {
    const s = rank({ officerLevel: '606', rank: '05', rankDate: '2020-01-01' });
    expect(words(rankEligibility(s, rules, '2025-01-01'))).toContain('晋升三级警督须经警督晋升培训，未见培训记录');
    expect(rankEligibility({ ...s, trainings: [{ date: '2023-05-01', course: '晋升警督任职资格培训' }] }, rules, '2025-01-01').status).toBe(
      'eligible',
    );
  });
  it('rank: discipline defers the rank (延期晋升)', () => {
    const e = rankEligibility(rank({ disciplines: [{ kind: '记过', date: '2024-10-01', endDate: null }] }), rules, '2024-12-01');
    expect([e.status, e.dueDate]).toEqual(['blocked', '2025-10-01']);
  });
  it('rank: 一级警督 and above are by selection', () => {
    expect(rankEligibility(rank({ rank: '08' }), rules, '2030-01-01').status).toBe('selection');
  });
});
