import { randomInt } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { hitCounter, peekCounter } from '../../platform/http/shared-counters.ts';

/**
 * The sign-in code mechanism shared by training sessions and party meetings: the organiser opens
 * a six-digit code for a few minutes and shows it in the room; a participant types it on a phone.
 */
export function issueSignInCode(now: Date, minutes: number): { code: string; opensAt: string; closesAt: string } {
  return {
    code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + minutes * 60_000).toISOString(),
  };
}

/**
 * Wrong codes per participant and event: a six-digit code must not be guessable inside its
 * window. After `max` misses within a day the participant is locked out of that event's self
 * sign-in for the rest of that day (staff can still mark them present). Counted in the database,
 * so every app node behind a load balancer counts the same tries (ADR 027).
 */
export class SignInMisses {
  constructor(
    private readonly prefix: string,
    private readonly max = 10,
    private readonly windowMs = 86_400_000,
  ) {}
  async blocked(ctx: AppContext, key: string): Promise<boolean> {
    return (await peekCounter(ctx.db, `${this.prefix}:${key}`, ctx.clock.now().getTime())) >= this.max;
  }
  async miss(ctx: AppContext, key: string): Promise<void> {
    await hitCounter(ctx.db, `${this.prefix}:${key}`, this.windowMs, ctx.clock.now().getTime());
  }
}
