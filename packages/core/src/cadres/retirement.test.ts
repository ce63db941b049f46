import { describe, expect, it } from 'vitest';
import { retirementDate } from './retirement.ts';

// Boundaries of each birth cohort under the 2024 decision: the first delayed cohort, each step's
// first and last month, the last step, and the cap.
describe('retirement dates (2024 decision)', () => {
  const cases: [string, 'male' | 'female55' | 'female50', number, string][] = [
    ['1964-12-15', 'male', 0, '2024-12'],
    ['1965-01-01', 'male', 1, '2025-02'],
    ['1965-04-30', 'male', 1, '2025-05'],
    ['1965-05-01', 'male', 2, '2025-07'],
    ['1976-08-31', 'male', 35, '2039-07'],
    ['1976-09-01', 'male', 36, '2039-09'],
    ['1990-01-01', 'male', 36, '2053-01'],
    ['1969-12-31', 'female55', 0, '2024-12'],
    ['1970-01-01', 'female55', 1, '2025-02'],
    ['1971-04-10', 'female55', 4, '2026-08'],
    ['1981-08-01', 'female55', 35, '2039-07'],
    ['1981-09-01', 'female55', 36, '2039-09'],
    ['1974-12-01', 'female50', 0, '2024-12'],
    ['1975-01-01', 'female50', 1, '2025-02'],
    ['1975-02-28', 'female50', 1, '2025-03'],
    ['1975-03-01', 'female50', 2, '2025-05'],
    ['1984-10-01', 'female50', 59, '2039-09'],
    ['1984-11-01', 'female50', 60, '2039-11'],
    ['1995-06-01', 'female50', 60, '2050-06'],
  ];
  for (const [birth, category, delay, month] of cases)
    it(`${category} born ${birth}: +${delay} months, retires ${month}`, () => {
      const r = retirementDate(birth, category);
      expect([r.delayMonths, r.month]).toEqual([delay, month]);
    });
  it('the date is the day the age is reached, clipped to the month end', () => {
    expect(retirementDate('1965-01-31', 'male').date).toBe('2025-02-28');
  });
});
