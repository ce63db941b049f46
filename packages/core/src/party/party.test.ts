import { describe, expect, it } from 'vitest';
import { addMonths, fullYearsOn as ageOn, quarterOf } from './dates.ts';
import { monthlyDues } from './dues.ts';
import { meetingsDue, quarterCompliance } from './meetings.ts';
import { advanceRefusal, latestExtension, nextStep, oldEnoughToApply } from './pipeline.ts';
import { defaultPartyRules, pickVersion } from './rules.ts';

const { pipeline, meetings, dues } = defaultPartyRules;

describe('calendar arithmetic', () => {
  it('adds months and clamps to the month end', () => {
    expect(addMonths('2025-03-15', 12)).toBe('2026-03-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(ageOn('2008-06-02', '2026-06-01')).toBe(17);
    expect(ageOn('2008-06-01', '2026-06-01')).toBe(18);
    expect(quarterOf('2026-11-30')).toBe('2026Q4');
  });
});

describe('member pipeline deadlines (发展党员)', () => {
  it('a probationary member admitted 2025-03-15 is due for conversion on 2026-03-15, overdue the day after', () => {
    const p = { stage: 'probationary' as const, since: '2025-03-15', extendedUntil: null };
    expect(nextStep(pipeline, p, '2026-03-15')).toMatchObject({
      nextStage: 'full',
      earliest: '2026-03-15',
      due: '2026-03-15',
      overdue: false,
      daysLeft: 0,
    });
    expect(nextStep(pipeline, p, '2026-03-16')).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(advanceRefusal(pipeline, p, 'full', '2026-03-14', '2026-06-01')).toBe('too_early');
    expect(advanceRefusal(pipeline, p, 'full', '2026-03-15', '2026-06-01')).toBeNull();
  });

  it('an extended probation is due at the end of the extension, at most two years after admission', () => {
    const p = { stage: 'probationary' as const, since: '2025-03-15', extendedUntil: '2026-09-15' };
    expect(nextStep(pipeline, p, '2026-06-01')).toMatchObject({ due: '2026-09-15', overdue: false, daysLeft: 106 });
    expect(latestExtension(pipeline, '2025-03-15')).toBe('2027-03-15');
  });

  it('an activist becomes a candidate only after a full year; an applicant is talked to within a month', () => {
    const activist = { stage: 'activist' as const, since: '2025-06-30', extendedUntil: null };
    expect(nextStep(pipeline, activist, '2026-06-01')).toMatchObject({
      nextStage: 'candidate',
      earliest: '2026-06-30',
      due: null,
      overdue: false,
    });
    expect(advanceRefusal(pipeline, activist, 'candidate', '2026-06-29', '2026-07-01')).toBe('too_early');
    expect(advanceRefusal(pipeline, activist, 'probationary', '2026-07-01', '2026-07-01')).toBe('not_next');
    expect(advanceRefusal(pipeline, activist, 'candidate', '2026-07-02', '2026-07-01')).toBe('in_future');
    const applicant = { stage: 'applicant' as const, since: '2026-01-31', extendedUntil: null };
    expect(nextStep(pipeline, applicant, '2026-03-01')).toMatchObject({ due: '2026-02-28', overdue: true, daysLeft: -1 });
    expect(oldEnoughToApply(pipeline, '2008-06-02', '2026-06-01')).toBe(false);
    expect(nextStep(pipeline, { stage: 'full', since: '2020-01-01', extendedUntil: null }, '2026-06-01')).toBeNull();
  });

  it('a rule version of the city beats the national default from its effective date', () => {
    const longer = { ...pipeline, stages: pipeline.stages.map((s) => (s.stage === 'activist' ? { ...s, minMonths: 18 } : s)) };
    const versions = [
      { id: 'v1', jurisdiction: '330100', effectiveFrom: '2026-07-01', value: longer, evidence: 'U' as const, source: null, note: null },
    ];
    expect(pickVersion(versions, '2026-06-30', '330100', pipeline, 'S').id).toBeNull();
    expect(pickVersion(versions, '2026-07-01', '330100', pipeline, 'S').value.stages[1]!.minMonths).toBe(18);
    expect(pickVersion(versions, '2026-07-01', '440100', pipeline, 'S').id).toBeNull();
  });
});

describe('meeting frequency compliance (三会一课)', () => {
  const held = [
    { kind: 'committee', heldOn: '2026-07-08' },
    { kind: 'committee', heldOn: '2026-08-12' },
    { kind: 'committee', heldOn: '2026-08-26' },
    { kind: 'general', heldOn: '2026-09-20' },
    { kind: 'lecture', heldOn: '2026-06-30' },
    { kind: 'theme_day', heldOn: '2026-07-01' },
    { kind: 'theme_day', heldOn: '2026-08-01' },
    { kind: 'theme_day', heldOn: '2026-09-01' },
    { kind: 'group', heldOn: '2026-07-15' },
  ];
  it('counts each month of a monthly kind and the quarter of a quarterly kind', () => {
    const c = quarterCompliance(meetings, '2026Q3', held, '2026-10-10');
    const byKind = Object.fromEntries(c.kinds.map((k) => [k.kind, k]));
    // 支委会: July 1, August 2 (counted once), September 0 → 2 of 3 periods.
    expect(byKind.committee!.periods.map((p) => p.held)).toEqual([1, 2, 0]);
    expect(byKind.committee).toMatchObject({ required: 3, held: 2, met: false });
    expect(byKind.general).toMatchObject({ required: 1, held: 1, met: true });
    // 党课 of 2026-06-30 belongs to Q2.
    expect(byKind.lecture).toMatchObject({ held: 0, met: false });
    expect(byKind.theme_day!.met).toBe(true);
    expect(byKind.group!.periods.map((p) => p.met)).toEqual([true, false, false]);
    // Periods: 3+1+3+1+3 = 11; met: committee 2, general 1, group 1, lecture 0, theme day 3 = 7 → 63 %.
    expect(c.rate).toBe(63);
    expect(c.met).toBe(false);
  });
  it('one more 支委会 in September moves the quarter to 72 %', () => {
    const c = quarterCompliance(meetings, '2026Q3', [...held, { kind: 'committee', heldOn: '2026-09-09' }], '2026-10-10');
    expect(c.rate).toBe(72);
  });
  it('reminds of kinds still owed when the period is about to end', () => {
    const due = meetingsDue(meetings, held, '2026-09-25');
    expect(due.map((d) => `${d.kind}@${d.period}`).sort()).toEqual(['committee@2026-09', 'group@2026-09', 'lecture@2026Q3']);
    expect(meetingsDue(meetings, held, '2026-09-10')).toEqual([]);
  });
});

describe('dues brackets (党费)', () => {
  it('applies the bracket rate to the whole after-tax pay, bounds inclusive', () => {
    expect(monthlyDues(dues, 300_000)).toEqual({ ratePermille: 5, amountFen: 1_500 });
    expect(monthlyDues(dues, 300_001)).toEqual({ ratePermille: 10, amountFen: 3_000 });
    expect(monthlyDues(dues, 450_000).amountFen).toBe(4_500);
    expect(monthlyDues(dues, 800_000).amountFen).toBe(12_000);
    expect(monthlyDues(dues, 1_000_000).amountFen).toBe(15_000);
    expect(monthlyDues(dues, 1_234_567)).toEqual({ ratePermille: 20, amountFen: 24_691 });
    // 2,345.67 元 × 0.5 % = 11.72835 → 11.73 元.
    expect(monthlyDues(dues, 234_567).amountFen).toBe(1_173);
  });
});
