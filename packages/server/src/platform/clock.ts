import fs from 'node:fs';
import { beijingDate, beijingYear } from '@zhenggong/core';

/** Injectable time source, so expiry rules are testable without sleeping. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move forward. */
export function manualClock(start = new Date()): Clock & { advance(ms: number): void; set(d: Date): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}

/** Today's date in Beijing (Asia/Shanghai), YYYY-MM-DD: the date every date-derived rule uses. */
export function today(clock: Clock): string {
  return beijingDate(clock.now());
}

/** This year in Beijing (study years, yearly numbering). */
export function currentYear(clock: Clock): number {
  return beijingYear(clock.now());
}

/**
 * The server's clock for a process started by `main.ts`: the system clock, or — for end-to-end
 * tests only — the system clock plus a millisecond offset read from the file TEST_CLOCK_FILE
 * names, so a test moves past an exam window by writing a number instead of waiting for it.
 * Refused in production.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv, production: boolean): Clock {
  const file = env.TEST_CLOCK_FILE;
  if (!file) return systemClock;
  if (production) throw new Error('TEST_CLOCK_FILE is refused in production (NODE_ENV=production)');
  return {
    now: () => {
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8').trim();
      } catch {
        // No file yet: no offset.
      }
      const offset = text === '' ? 0 : Number(text);
      if (!Number.isFinite(offset)) throw new Error(`TEST_CLOCK_FILE ${file} must hold a number of milliseconds, got "${text}"`);
      return new Date(Date.now() + offset);
    },
  };
}
