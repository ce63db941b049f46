import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_CLOCK_START } from '../test-support/test-app.ts';
import { clockFromEnv, currentYear, manualClock, systemClock, today } from './clock.ts';

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

describe('clockFromEnv', () => {
  it('is the system clock unless TEST_CLOCK_FILE is set, and refuses that file in production', () => {
    expect(clockFromEnv({}, true)).toBe(systemClock);
    expect(() => clockFromEnv({ TEST_CLOCK_FILE: '/nonexistent' }, true)).toThrow(/refused in production/);
  });

  it('adds the offset the file holds, read at every call', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-clock-')), 'offset');
    const clock = clockFromEnv({ TEST_CLOCK_FILE: file }, false);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    fs.writeFileSync(file, String(3_600_000));
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3_599_000);
    fs.writeFileSync(file, 'soon');
    expect(() => clock.now()).toThrow(/number of milliseconds/);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
