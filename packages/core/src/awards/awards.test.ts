import { describe, expect, it } from 'vitest';
import { checkAwardGuards, disciplineEffects, disciplineEndDate, type GuardInput } from './guards.ts';
import {
  approverFor,
  defaultAuthority,
  defaultDiscipline,
  defaultGuards,
  needsNotice,
  pickAwardRule,
  type AuthorityQuery,
} from './rules.ts';

describe('award authority matrix (奖励条令 135 Arts. 13–15; 辅警 rule)', () => {
  const q = (p: Partial<AuthorityQuery>): AuthorityQuery => ({
    level: '嘉奖',
    personKind: 'officer',
    recipient: 'individual',
    orgLevel: 'unit',
    leadership: false,
    ...p,
  });
  it.each([
    // level, kind, recipient, org level, leadership → approver
    ['嘉奖', 'officer', 'individual', 'unit', false, 'city'],
    ['三等功', 'officer', 'individual', 'unit', false, 'city'],
    ['三等功', 'officer', 'individual', 'branch', true, 'city'],
    ['二等功', 'officer', 'individual', 'unit', false, 'province'],
    ['一等功', 'officer', 'individual', 'unit', false, 'ministry'],
    ['荣誉称号', 'officer', 'individual', 'unit', false, 'ministry'],
    ['嘉奖', 'officer', 'individual', 'city_organ', true, 'province'],
    ['三等功', 'officer', 'individual', 'city_organ', true, 'province'],
    ['三等功', 'officer', 'individual', 'city_organ', false, 'city'],
    ['二等功', 'officer', 'individual', 'city_organ', true, 'province'],
    ['三等功', 'officer', 'collective', 'city_organ', false, 'province'],
    ['三等功', 'officer', 'collective', 'unit', false, 'city'],
    ['一等功', 'officer', 'collective', 'branch', false, 'ministry'],
    ['嘉奖', 'auxiliary', 'individual', 'unit', false, 'branch'],
    ['三等功', 'auxiliary', 'individual', 'unit', false, 'city'],
    ['二等功', 'auxiliary', 'individual', 'unit', false, 'province'],
    ['一等功', 'auxiliary', 'individual', 'unit', false, 'province'],
  ] as const)('%s for %s %s at %s (leadership %s) → %s', (level, personKind, recipient, orgLevel, leadership, approver) => {
    expect(approverFor(defaultAuthority, q({ level, personKind, recipient, orgLevel, leadership }))?.approver).toBe(approver);
  });
  it('has no organ for an auxiliary 荣誉称号', () => {
    expect(approverFor(defaultAuthority, q({ level: '荣誉称号', personKind: 'auxiliary' }))).toBeUndefined();
  });
  it('needs a public notice from 三等功 up', () => {
    expect(needsNotice(defaultGuards, '嘉奖')).toBe(false);
    expect(needsNotice(defaultGuards, '三等功')).toBe(true);
    expect(needsNotice(defaultGuards, '荣誉称号')).toBe(true);
  });
  it('picks the version in force by date and the most specific jurisdiction', () => {
    const v = (id: string, jurisdiction: string, effectiveFrom: string) => ({
      id,
      ruleSet: 'guards' as const,
      jurisdiction,
      effectiveFrom,
      value: { ...defaultGuards, noticeWorkingDays: Number(id) },
      evidence: 'U' as const,
      source: null,
      note: null,
    });
    const versions = [v('5', '000000', '2020-01-01'), v('9', '330100', '2027-01-01'), v('8', '330000', '2021-01-01')];
    expect(pickAwardRule('guards', versions, '2026-06-01', '330100').id).toBe('8');
    expect(pickAwardRule('guards', versions, '2027-02-01', '330100').id).toBe('9');
    expect(pickAwardRule('guards', versions, '2026-06-01', '110100').id).toBe('5');
    expect(pickAwardRule('guards', [], '2026-06-01', '110100').source).toBe('default');
  });
});

describe('award guards (奖励条令 135 Arts. 11–12) with their reasons', () => {
  const base: GuardInput = {
    level: '三等功',
    onDate: '2026-06-10',
    sameDeed: [],
    priorAwards: [],
    discipline: [],
    investigationSince: null,
    proposerOrgLevel: 'unit',
    hasApprovingOrgan: true,
    guards: defaultGuards,
  };
  type Case = [string, Partial<GuardInput>, string | null, boolean, string];
  const cases: Case[] = [
    ['clean nomination', {}, null, false, ''],
    [
      'same deed already put forward',
      { sameDeed: [{ title: '记三等功', date: '2026-05-01' }] },
      'ONE_DEED_ONE_AWARD',
      false,
      '一事不重复奖励',
    ],
    [
      '三等功 eleven months after a 三等功',
      { priorAwards: [{ date: '2025-07-15', level: '三等功', name: '记三等功' }] },
      'NO_REPEAT_WITHIN_PERIOD',
      true,
      '原则上不再给予同级或较低等级奖励',
    ],
    [
      '三等功 eleven months after a 二等功',
      { priorAwards: [{ date: '2025-07-15', level: '二等功', name: '记二等功' }] },
      'NO_REPEAT_WITHIN_PERIOD',
      true,
      '已获“二等功”',
    ],
    [
      '二等功 after a 三等功 is a higher level',
      { level: '二等功', proposerOrgLevel: 'branch', priorAwards: [{ date: '2026-01-15', level: '三等功', name: 'x' }] },
      null,
      false,
      '',
    ],
    ['三等功 thirteen months after a 三等功', { priorAwards: [{ date: '2025-05-09', level: '三等功', name: 'x' }] }, null, false, ''],
    [
      'inside a 记过 period',
      { discipline: [{ kind: '记过', date: '2026-01-10', endDate: '2027-01-09' }] },
      'INDIVIDUAL_IN_DISCIPLINE',
      true,
      '政务处分影响期内（记过',
    ],
    [
      'inside a party warning period',
      { discipline: [{ kind: '党内警告', date: '2026-01-10', endDate: '2027-01-09' }] },
      'INDIVIDUAL_IN_DISCIPLINE',
      true,
      '党纪处分影响期内',
    ],
    ['after a warning period ended', { discipline: [{ kind: '警告', date: '2025-01-10', endDate: '2025-07-09' }] }, null, false, ''],
    ['under investigation', { investigationSince: '2026-05-20' }, 'SUSPEND_UNDER_INVESTIGATION', false, '正在接受组织调查'],
    ['a station proposing 二等功', { level: '二等功' }, 'LEVEL_OUTSIDE_REMIT', false, '最高可提名“三等功”'],
    ['no approving organ', { hasApprovingOrgan: false }, 'NO_APPROVING_ORGAN', false, '没有可以批准'],
  ];
  it.each(cases)('%s', (_name, patch, code, soft, text) => {
    const r = checkAwardGuards({ ...base, ...patch }, false);
    if (code === null) {
      expect(r.refusals).toEqual([]);
      return;
    }
    expect(r.refusals.map((x) => x.code)).toEqual([code]);
    expect(r.refusals[0]!.soft).toBe(soft);
    expect(r.refusals[0]!.zh).toContain(text);
    expect(r.refusals[0]!.en.length).toBeGreaterThan(10);
  });
  it('the major-contribution exception sets aside soft guards only', () => {
    const r = checkAwardGuards(
      {
        ...base,
        discipline: [{ kind: '记过', date: '2026-01-10', endDate: '2027-01-09' }],
        investigationSince: '2026-05-20',
      },
      true,
    );
    expect(r.overridden.map((x) => x.code)).toEqual(['INDIVIDUAL_IN_DISCIPLINE']);
    expect(r.refusals.map((x) => x.code)).toEqual(['SUSPEND_UNDER_INVESTIGATION']);
  });
});

describe('discipline periods and effects (公务员法 Arts. 62–65; 纪律处分条例)', () => {
  it.each([
    ['警告', '2026-01-10', '2026-07-09'],
    ['记过', '2026-01-10', '2027-01-09'],
    ['记大过', '2026-01-10', '2027-07-09'],
    ['降级', '2026-01-10', '2028-01-09'],
    ['撤职', '2026-03-31', '2028-03-30'],
    ['开除', '2026-01-10', null],
    ['党内警告', '2026-01-10', '2027-01-09'],
    ['党内严重警告', '2026-01-10', '2027-07-09'],
    ['开除党籍', '2026-01-10', null],
  ] as const)('%s from %s ends %s', (kind, from, to) => {
    expect(disciplineEndDate(defaultDiscipline, kind, from)).toBe(to);
  });
  it('留党察看 of one year plus two years after rights are restored', () => {
    expect(disciplineEndDate(defaultDiscipline, '留党察看', '2026-01-10', 12 + 24)).toBe('2029-01-09');
  });
  it('blocks awards, promotion and grade, and caps the appraisal, only inside the period', () => {
    const spans = [{ kind: '记过', date: '2026-01-10', endDate: '2027-01-09' }];
    const inside = disciplineEffects(spans, defaultDiscipline, '2026-06-01');
    expect(inside).toMatchObject({ blocksAward: true, blocksPromotion: true, blocksGrade: true, appraisalCap: '不定等次' });
    expect(inside.reasons[0]!.zh).toContain('记过（2026-01-10 至 2027-01-09）');
    const after = disciplineEffects(spans, defaultDiscipline, '2027-01-10');
    expect(after).toMatchObject({ blocksAward: false, appraisalCap: null, reasons: [] });
    const warn = disciplineEffects([{ kind: '警告', date: '2026-01-10', endDate: '2026-07-09' }], defaultDiscipline, '2026-03-01');
    expect(warn.appraisalCap).toBe('称职');
  });
});
