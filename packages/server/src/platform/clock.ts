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
