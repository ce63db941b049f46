import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../accounts/bootstrap.ts';
import {
  adminClient,
  createTestApp,
  dialects,
  enrolTotp,
  INITIAL_PASSWORD,
  login,
  STRONG_PASSWORD,
  type TestApp,
} from '../../test-support/test-app.ts';

describe.each(dialects)('auth on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('forces the second factor, then the initial password change, before anything else', async () => {
    await createAdmin(t.ctx, { username: 'first', password: INITIAL_PASSWORD, kind: 'sysadmin' });
    const c = await login(t.app, 'first', INITIAL_PASSWORD);
    const me = await c.get('/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ mustChangePassword: true, mfa: 'enrol' });
    const beforeMfa = await c.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: STRONG_PASSWORD });
    expect(beforeMfa.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
    await enrolTotp(t.app, c, 'first');
    const blocked = await c.get('/api/v1/orgs/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.reasons).toContain('too_short');
    const reuse = await c.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: INITIAL_PASSWORD });
    expect(reuse.json().error.details.reasons).toContain('reused');
    const ok = await c.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: STRONG_PASSWORD });
    expect(ok.statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('localises errors by Accept-Language', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error.message).toBe('用户名或密码错误');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'x' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const c = await adminClient(t, 'sysadmin', 'csrfadmin');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: c.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: c.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200); // session untouched
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    await adminClient(t, 'sysadmin', 'lockme');
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lockme', password: 'wrong' } });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lockme', password: 'wrong' } });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'lockme', password: STRONG_PASSWORD },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(right.json().error.message).toContain(right.json().error.details.lockedUntil);
    t.clock.advance(31 * 60_000);
    await expect(login(t.app, 'lockme', STRONG_PASSWORD)).resolves.toBeDefined();
    const events = await t.ctx.db.selectFrom('audit_log').select('event_type').where('event_type', '=', 'auth.lockout').execute();
    expect(events.length).toBeGreaterThanOrEqual(1);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const c = await adminClient(t, 'sysadmin', 'idler');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await c.get('/api/v1/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('SESSION_EXPIRED');
    expect(await t.ctx.db.selectFrom('session').select('id').where('user_id', '=', c.userId).execute()).toHaveLength(0);

    const busy = await login(t.app, 'idler', STRONG_PASSWORD);
    for (let i = 0; i < 28; i++) {
      t.clock.advance(25 * 60_000);
      expect((await busy.get('/api/v1/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(25 * 60_000); // 725 min: past 12 h since login though never idle
    expect((await busy.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
