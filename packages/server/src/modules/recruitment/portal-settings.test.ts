import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import type { AppContext } from '../../platform/context.ts';
import { issueCaptcha } from './portal/captcha.ts';
import { loadPortalSettings, overridePortalSettings } from './portal/portal-settings.ts';
import { recordingSender } from './recruitment-test-support.ts';

describe('portal settings', () => {
  it('refuses PORTAL_CAPTCHA=off in production and unknown message senders', () => {
    const prod = { config: loadConfig({ NODE_ENV: 'production' }) } as AppContext;
    expect(() => loadPortalSettings(prod, { PORTAL_CAPTCHA: 'off' })).toThrow(/refused in production/);
    expect(() => overridePortalSettings(prod, { captchaOff: true })).toThrow();
    const dev = { config: loadConfig({}) } as AppContext;
    expect(() => loadPortalSettings(dev, { PORTAL_MESSAGE_SENDER: 'carrier-pigeon' })).toThrow(/unknown/);
    expect(loadPortalSettings(dev, {}).captchaOff).toBe(false);
    expect(loadPortalSettings(dev, { PORTAL_CAPTCHA: 'off', PORTAL_RATE_SCALE: '100' })).toMatchObject({
      captchaOff: true,
      rateScale: 100,
    });
  });
});

describe.each(dialects)('portal switches and rate limits on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('limits verification codes to one per phone per minute, and login attempts per phone', async () => {
    const sender = recordingSender();
    overridePortalSettings(t.ctx, { sender, captchaOff: false });
    const send = async (phone: string) => {
      const c = await issueCaptcha(t.ctx);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/verification-code',
        payload: { phone, captchaId: c.captchaId, captchaAnswer: c.answer },
      });
    };
    expect((await send('13600000001')).statusCode).toBe(204);
    const second = await send('13600000001');
    expect(second.statusCode).toBe(429);
    expect(second.json().error.code).toBe('RATE_LIMITED');
    expect((await send('13600000002')).statusCode).toBe(204);
    const tries = [];
    for (let i = 0; i < 11; i++) {
      const c = await issueCaptcha(t.ctx);
      tries.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/portal/login',
            payload: { phone: '13600000003', password: 'Nope12345', captchaId: c.captchaId, captchaAnswer: c.answer },
          })
        ).statusCode,
      );
    }
    expect(tries.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(tries[10]).toBe(429);
  });

  it('with the captcha switched off (tests and benchmarks), registers with 000000 and logs in without a captcha', async () => {
    overridePortalSettings(t.ctx, { captchaOff: true });
    try {
      const reg = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/register',
        payload: { phone: '13600000009', code: '000000', password: 'Bench12345' },
      });
      expect(reg.statusCode, reg.body).toBe(201);
      const log = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        payload: { phone: '13600000009', password: 'Bench12345', captchaId: 'x', captchaAnswer: 'x' },
      });
      expect(log.statusCode).toBe(200);
    } finally {
      overridePortalSettings(t.ctx, { captchaOff: false });
    }
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/register',
      payload: { phone: '13600000008', code: '000000', password: 'Bench12345' },
    });
    expect(off.json().error.code).toBe('RECRUIT_CODE_INVALID');
  });
});
