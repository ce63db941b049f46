import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { AppError } from '../http/app-error.ts';
import { seedWorkCalendar } from './calendar.ts';
import { latestNoticeDay, workingDaysFromToday } from './case-steps.ts';

const at = (iso: string) => ({ now: () => new Date(iso) });

/**
 * A notice running into a year nobody has kept is refused; demo data opening notices "now" starts
 * them on the latest day whose notice still ends inside the kept calendar (chinese-days ends 2026).
 */
describe.each(dialects)('notice days at the end of the kept calendar on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedWorkCalendar(t.ctx);
  });
  afterAll(() => t.close());

  it('refuses a live notice into 2027 and finds the last day a 5-day notice fits into 2026', async () => {
    const late = { ...t.ctx, clock: at('2026-12-28T02:00:00Z') };
    const refused = await workingDaysFromToday(t.ctx.db, late, 5, true).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('WF_CALENDAR_MISSING');
    const day = await latestNoticeDay(t.ctx.db, late, 5);
    // Thursday 24 December + 5 working days = Thursday 31 December; Friday the 25th would end in 2027.
    expect(day.toISOString().slice(0, 10)).toBe('2026-12-24');
    expect(await workingDaysFromToday(t.ctx.db, { ...t.ctx, clock: at(day.toISOString()) }, 5, true)).toBe('2026-12-31');
  });

  it('keeps today when the notice fits', async () => {
    const june = { ...t.ctx, clock: at('2026-06-01T02:00:00Z') };
    expect((await latestNoticeDay(t.ctx.db, june, 5)).toISOString()).toBe('2026-06-01T02:00:00.000Z');
  });
});
