import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { issueCaptcha } from './portal/captcha.ts';
import { PORTAL_CLEANUP_JOB, removeExpiredPortalRecords } from './portal/portal-cleanup.ts';
import { recordingSender, registerApplicant } from './recruitment-test-support.ts';

describe.each(dialects)('portal cleanup on %s', (dialect) => {
  let t: TestApp;
  const sender = recordingSender();
  const at = (iso: string) => t.clock.set(new Date(`2026-06-01T${iso}:00.000Z`));
  const count = async (table: 'recruit_portal_session' | 'recruit_captcha' | 'recruit_verification_code') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('removes sessions past their idle or absolute expiry, and expired captchas and codes, keeping live ones', async () => {
    at('06:00');
    const early = await registerApplicant(t, sender, '13700000001'); // idle expiry 08:00, code until 06:10
    at('09:30');
    const later = await registerApplicant(t, sender, '13700000002'); // idle expiry 11:30, absolute 21:30
    await issueCaptcha(t.ctx); // until 09:35, never answered
    at('09:34');
    const captcha = await issueCaptcha(t.ctx);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/verification-code',
      payload: { phone: '13700000003', captchaId: captcha.captchaId, captchaAnswer: captcha.answer },
    });
    expect(sent.statusCode).toBe(204); // an unused code until 09:44
    await issueCaptcha(t.ctx); // until 09:39

    at('09:36');
    expect(await removeExpiredPortalRecords(t.ctx)).toEqual({ sessions: 1, captchas: 1, codes: 1 });
    expect([await count('recruit_portal_session'), await count('recruit_captcha'), await count('recruit_verification_code')]).toEqual([
      1, 1, 2,
    ]);
    expect((await later.get('/api/v1/portal/me')).statusCode).toBe(200);
    const gone = await early.get('/api/v1/portal/me');
    expect(gone.statusCode).toBe(401);
    // Nothing to do twice.
    expect(await removeExpiredPortalRecords(t.ctx)).toEqual({ sessions: 0, captchas: 0, codes: 0 });

    // Kept in use, the later session's idle expiry moves past its absolute one; the absolute one still ends it.
    for (const time of ['10:45', '12:15', '13:45', '15:15', '16:45', '18:15', '19:45', '21:00']) {
      at(time);
      expect((await later.get('/api/v1/portal/me')).statusCode).toBe(200);
    }
    // Its captcha issue also sweeps the 09:39 captcha (issuing always did), so none is left for the cleanup.
    const fresh = await registerApplicant(t, sender, '13700000004'); // idle expiry 23:00, code until 21:10
    at('21:31');
    expect(await removeExpiredPortalRecords(t.ctx)).toEqual({ sessions: 1, captchas: 0, codes: 3 });
    expect((await later.get('/api/v1/portal/me')).statusCode).toBe(401);
    expect((await fresh.get('/api/v1/portal/me')).statusCode).toBe(200);
    expect([await count('recruit_portal_session'), await count('recruit_captcha'), await count('recruit_verification_code')]).toEqual([
      1, 0, 0,
    ]);
  });

  it('runs as a job of the platform runner, once per slot, and not after the runner stopped', async () => {
    at('22:00');
    await issueCaptcha(t.ctx); // until 22:05
    at('22:10');
    await t.app.jobs.tick();
    expect(await count('recruit_captcha')).toBe(0);
    const job = (await t.app.jobs.list()).find((j) => j.name === PORTAL_CLEANUP_JOB);
    expect(job?.lastRun).toMatchObject({ state: 'succeeded' });

    // Same ten-minute slot: already run, so a new expired captcha stays until the next slot.
    await issueCaptcha(t.ctx);
    at('22:19');
    await t.app.jobs.tick();
    expect(await count('recruit_captcha')).toBe(1);
    at('22:21');
    await t.app.jobs.tick();
    expect(await count('recruit_captcha')).toBe(0);
  });
});
