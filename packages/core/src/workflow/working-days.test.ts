import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beijingDate } from '../platform/beijing-date.ts';
import { addWorkingDays, calendarOf, isWorkingDay, nextDay, workingDaysBetween } from './working-days.ts';

/** 国办发明电〔2025〕7号: National Day and Mid-Autumn 2026 — off 1–7 Oct, work on Sun 20 Sep and Sat 10 Oct. */
const cal2026 = calendarOf(
  [
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  ['2026-09-20', '2026-10-10'],
);

describe('working days', () => {
  it('treats make-up Saturdays as working and holidays on weekdays as off', () => {
    expect(isWorkingDay(cal2026, '2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal2026, '2026-10-05')).toBe(false); // Monday, 国庆
    expect(isWorkingDay(cal2026, '2026-10-11')).toBe(false); // Sunday
    expect(isWorkingDay(cal2026, '2026-10-09')).toBe(true); // Friday
  });

  it('runs a 5-working-day notice from 30 Sep over National Day and the make-up Saturday to 13 Oct', () => {
    // 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (Sat, make-up) 3, 12 Oct (Mon) 4, 13 Oct (Tue) 5.
    expect(addWorkingDays(cal2026, '2026-09-30', 5)).toBe('2026-10-13');
    // Without the calendar the same notice would end on 7 Oct.
    expect(addWorkingDays(calendarOf([], []), '2026-09-30', 5)).toBe('2026-10-07');
  });

  it('counts 7 working days for a 三等功 notice published on the make-up Sunday', () => {
    expect(addWorkingDays(cal2026, '2026-09-20', 7)).toBe('2026-09-30');
  });

  it('refuses bad input', () => {
    expect(() => addWorkingDays(cal2026, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal2026, '2026-10-01', -1)).toThrow(RangeError);
  });

  it('gives the Beijing date, which is a day ahead of UTC late in the evening', () => {
    expect(beijingDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(beijingDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });

  const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
  const calendar = fc
    .tuple(fc.uniqueArray(day, { maxLength: 40 }), fc.uniqueArray(day, { maxLength: 10 }))
    .map(([holidays, workdays]) => calendarOf(holidays, workdays));

  it('ends on a working day with exactly n working days after the start (property)', () => {
    fc.assert(
      fc.property(calendar, day, fc.integer({ min: 1, max: 30 }), (cal, from, n) => {
        const end = addWorkingDays(cal, from, n);
        expect(isWorkingDay(cal, end)).toBe(true);
        expect(workingDaysBetween(cal, from, end)).toBe(n);
        expect(end > from).toBe(true);
      }),
    );
  });

  it('is monotonic and additive (property)', () => {
    fc.assert(
      fc.property(calendar, day, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (cal, from, a, b) => {
        expect(addWorkingDays(cal, addWorkingDays(cal, from, a), b)).toBe(addWorkingDays(cal, from, a + b));
        expect(addWorkingDays(cal, from, a) <= addWorkingDays(cal, from, a + b)).toBe(true);
        expect(nextDay(from) > from).toBe(true);
      }),
    );
  });
});
