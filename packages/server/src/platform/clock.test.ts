import { describe, expect, it } from 'vitest';
import { TEST_CLOCK_START } from '../test-support/test-app.ts';
import { currentYear, manualClock, today } from './clock.ts';

describe('today', () => {
  it('is Beijing’s date while UTC is still on the day before', () => {
    const clock = manualClock(new Date(TEST_CLOCK_START));
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-05-31');
    expect(today(clock)).toBe('2026-06-01');
    clock.set(new Date('2026-12-31T16:00:00.000Z'));
    expect(today(clock)).toBe('2027-01-01');
    expect(currentYear(clock)).toBe(2027);
    clock.advance(-1);
    expect(today(clock)).toBe('2026-12-31');
    expect(currentYear(clock)).toBe(2026);
  });
});
