import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarOf, isWorkingDay } from '../workflow/working-days.ts';
import { annualEntitlement, completedYears, homeVisitEntitlement, leaveDayList, leaveDays, type LeaveYearFacts } from './leave-rules.ts';
import { defaultWelfareRules } from './rules.ts';

const annual = defaultWelfareRules.annualLeave;
const none: LeaveYearFacts = { sickDays: 0, personalDaysUnpaidNotDeducted: 0, annualTaken: 0 };
const enterprise = { ...annual, organMonthAfter: false };

describe('annual-leave entitlement (职工带薪年休假条例 Arts. 3–4; 机关事业单位实施办法)', () => {
  // workStart, asOf, rule, facts, expected days, expected exclusion
  const cases: [string, string, string, typeof annual, Partial<LeaveYearFacts>, number, string | null][] = [
    ['under one year', '2025-06-15', '2026-06-14', enterprise, {}, 0, 'NOT_ELIGIBLE'],
    ['exactly one year (enterprise: that day)', '2025-06-15', '2026-06-15', enterprise, {}, 5, null],
    ['one year reached mid-month (organ: not yet this month)', '2025-06-15', '2026-06-30', annual, {}, 0, 'NOT_ELIGIBLE'],
    ['organ: from the first day of the month after', '2025-06-15', '2026-07-01', annual, {}, 5, null],
    ['organ: reached on the last day of the month counts from the next month', '2025-05-31', '2026-06-01', annual, {}, 5, null],
    ['9 years 11 months', '2016-07-01', '2026-06-30', enterprise, {}, 5, null],
    ['10 years on the day (enterprise)', '2016-06-30', '2026-06-30', enterprise, {}, 10, null],
    ['10 years on the day (organ: still 5 this month)', '2016-06-15', '2026-06-20', annual, {}, 5, null],
    ['10 years (organ: month after)', '2016-06-15', '2026-07-01', annual, {}, 10, null],
    ['19 years', '2007-01-10', '2026-01-09', enterprise, {}, 10, null],
    ['20 years (enterprise)', '2006-01-10', '2026-01-10', enterprise, {}, 15, null],
    ['20 years (organ, reached in December: next January)', '2005-12-15', '2025-12-31', annual, {}, 10, null],
    ['35 years', '1991-03-01', '2026-06-01', annual, {}, 15, null],
    ['sick 59 days, under 10 years: kept', '2020-01-01', '2026-06-01', annual, { sickDays: 59 }, 5, null],
    ['sick 60 days (2 months), under 10 years: none', '2020-01-01', '2026-06-01', annual, { sickDays: 60 }, 0, 'EXCL_SICK'],
    ['sick 60 days, 10–20 years: kept', '2010-01-01', '2026-06-01', annual, { sickDays: 60 }, 10, null],
    ['sick 89 days, 10–20 years: kept', '2010-01-01', '2026-06-01', annual, { sickDays: 89 }, 10, null],
    ['sick 90 days (3 months), 10–20 years: none', '2010-01-01', '2026-06-01', annual, { sickDays: 90 }, 0, 'EXCL_SICK'],
    ['sick 119 days, 20+ years: kept', '2000-01-01', '2026-06-01', annual, { sickDays: 119 }, 15, null],
    ['sick 120 days (4 months), 20+ years: none', '2000-01-01', '2026-06-01', annual, { sickDays: 120 }, 0, 'EXCL_SICK'],
    ['personal 19 days, pay not deducted: kept', '2010-01-01', '2026-06-01', annual, { personalDaysUnpaidNotDeducted: 19 }, 10, null],
    [
      'personal 20 days, pay not deducted: none',
      '2010-01-01',
      '2026-06-01',
      annual,
      { personalDaysUnpaidNotDeducted: 20 },
      0,
      'EXCL_PERSONAL',
    ],
  ];
  it.each(cases)('%s', (_name, start, asOf, rule, facts, days, exclusion) => {
    const got = annualEntitlement(rule, start, asOf, { ...none, ...facts });
    expect(got.days).toBe(days);
    expect(got.exclusion).toBe(exclusion);
  });

  it('claws back next year after leave was taken and an exclusion met (and only then)', () => {
    const last = (f: Partial<LeaveYearFacts>) => ({ ...none, ...f, yearEnd: '2025-12-31' });
    expect(annualEntitlement(annual, '2015-01-01', '2026-03-01', none, last({ annualTaken: 10, sickDays: 90 })).exclusion).toBe('CLAWBACK');
    expect(annualEntitlement(annual, '2015-01-01', '2026-03-01', none, last({ annualTaken: 0, sickDays: 90 })).days).toBe(10);
    expect(annualEntitlement(annual, '2015-01-01', '2026-03-01', none, last({ annualTaken: 10, sickDays: 89 })).days).toBe(10);
    expect(
      annualEntitlement(annual, '2015-01-01', '2026-03-01', none, last({ annualTaken: 3, personalDaysUnpaidNotDeducted: 20 })).exclusion,
    ).toBe('CLAWBACK');
    expect(
      annualEntitlement({ ...annual, clawBack: false }, '2015-01-01', '2026-03-01', none, last({ annualTaken: 10, sickDays: 90 })).days,
    ).toBe(10);
  });

  it('counts whole years like an anniversary (29 February to 28 February is not a year)', () => {
    expect(completedYears('2024-02-29', '2025-02-28')).toBe(0);
    expect(completedYears('2024-02-29', '2025-03-01')).toBe(1);
    expect(completedYears('2026-01-01', '2025-01-01')).toBe(0);
  });
});

describe('home-visit leave cycles (国务院关于职工探亲待遇的规定)', () => {
  const rule = defaultWelfareRules.homeVisit;
  const cases: [
    string,
    string,
    { relation: 'spouse' | 'parents_unmarried' | 'parents_married'; year: number }[],
    boolean,
    number,
    number,
  ][] = [
    ['spouse, never visited', 'spouse', [], true, 30, 2026],
    ['spouse, visited last year: once a year again', 'spouse', [{ relation: 'spouse', year: 2025 }], true, 30, 2026],
    ['spouse, visited this year', 'spouse', [{ relation: 'spouse', year: 2026 }], false, 0, 2027],
    ['unmarried, 20 days yearly after last year', 'parents_yearly', [{ relation: 'parents_unmarried', year: 2025 }], true, 20, 2026],
    [
      'unmarried, 45 days every two years: last year blocks',
      'parents_biennial',
      [{ relation: 'parents_unmarried', year: 2025 }],
      false,
      0,
      2027,
    ],
    [
      'unmarried, 45 days every two years: two years ago allows',
      'parents_biennial',
      [{ relation: 'parents_unmarried', year: 2024 }],
      true,
      45,
      2026,
    ],
    ['married, every four years: three years ago blocks', 'parents_married', [{ relation: 'parents_married', year: 2023 }], false, 0, 2027],
    ['married, every four years: four years ago allows', 'parents_married', [{ relation: 'parents_married', year: 2022 }], true, 20, 2026],
    ['married parents: a spouse visit does not count', 'parents_married', [{ relation: 'spouse', year: 2026 }], true, 20, 2026],
  ];
  it.each(cases)('%s', (_n, option, taken, allowed, days, nextYear) => {
    const got = homeVisitEntitlement(rule, option, '2010-01-01', '2026-06-01', taken);
    expect(got).toMatchObject({ allowed, days, nextYear });
  });
  it('needs a year of work first', () => {
    expect(homeVisitEntitlement(rule, 'spouse', '2025-07-01', '2026-06-01', []).reason).toBe('NOT_ELIGIBLE');
  });
});

describe('leave days on the official calendar', () => {
  // 2026 National Day: 1–7 October off, Sunday 27 September and Saturday 10 October worked (example calendar).
  const cal = calendarOf(
    ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    ['2026-09-27', '2026-10-10'],
  );
  it('skips holidays and rest days, and counts make-up working days', () => {
    expect(leaveDays(cal, 'working', '2026-09-26', '2026-10-11')).toBe(7);
    expect(leaveDayList(cal, 'working', '2026-09-26', '2026-10-11')).toEqual([
      '2026-09-27',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
    expect(leaveDays(cal, 'calendar', '2026-09-26', '2026-10-11')).toBe(16);
  });

  const day = fc.integer({ min: 0, max: 730 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  it('property: working-day leave never counts a holiday or a rest day, and misses no working day', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(day, { maxLength: 60 }),
        fc.uniqueArray(day, { maxLength: 20 }),
        day,
        fc.integer({ min: 0, max: 60 }),
        (h, w, start, len) => {
          const holidays = h.filter((d) => !w.includes(d));
          const c = calendarOf(holidays, w);
          const end = new Date(Date.parse(`${start}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10);
          const counted = leaveDayList(c, 'working', start, end);
          for (const d of counted) {
            expect(holidays.includes(d)).toBe(false);
            const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
            expect(weekend && !w.includes(d)).toBe(false);
          }
          const all = leaveDayList(c, 'calendar', start, end);
          expect(counted).toEqual(all.filter((d) => isWorkingDay(c, d)));
          expect(all.length).toBe(len + 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
