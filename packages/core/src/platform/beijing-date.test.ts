import { describe, expect, it } from 'vitest';
import { beijingDate, beijingYear } from './beijing-date.ts';

describe('beijingDate', () => {
  it('is already tomorrow in Beijing from 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(beijingDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(beijingDate(new Date('2026-06-30T23:30:00.000Z'))).toBe('2026-07-01');
  });

  it('gives the Beijing year on New Year’s morning', () => {
    expect(beijingYear(new Date('2026-12-31T23:30:00.000Z'))).toBe(2027);
  });

  it('agrees with the tz database for Asia/Shanghai', () => {
    const tz = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2040, 0, 1); t += 7 * 3_600_000 + 13 * 60_000 + 1_000) {
      const instant = new Date(t);
      expect(beijingDate(instant)).toBe(tz.format(instant));
    }
  });
});
