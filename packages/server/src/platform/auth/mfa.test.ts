import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../accounts/bootstrap.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import {
  adminClient,
  createTestApp,
  dialects,
  enrolTotp,
  INITIAL_PASSWORD,
  login,
  nextTotpCode,
  STRONG_PASSWORD,
  totpSecretOf,
  type Client,
  type TestApp,
} from '../../test-support/test-app.ts';
import { runCliProcess } from '../../cli/cli-test-helpers.ts';
import { totpAt } from './totp.ts';

const loginRaw = (t: TestApp, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

/** The second factor, L3-CES1-04 (ADR 018). */
describe.each(dialects)('second factor on %s', (dialect) => {
  let t: TestApp;
  let sec: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    sec = await adminClient(t, 'secadmin');
  });
  afterAll(() => t.close());

  it('limits a password-only administrator session to enrolment: every other route answers 403', async () => {
    await createAdmin(t.ctx, { username: 'fresh', password: INITIAL_PASSWORD, kind: 'sysadmin' });
    const c = await login(t.app, 'fresh', INITIAL_PASSWORD);
    expect((await c.get('/api/v1/auth/me')).json().user.mfa).toBe('enrol');
    const guarded = t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/') && !r.public && !r.mfaStep);
    expect(guarded.length).toBeGreaterThan(50);
    for (const r of guarded) {
      const url = r.url.replace(/:(\w+)/g, '0190a0b0-0000-7000-8000-000000000000');
      const res = await c.request({ method: r.method as 'GET', url, ...(r.method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().error.code, `${r.method} ${r.url}`).toBe('MFA_ENROLMENT_REQUIRED');
    }
  });

  it('enrols with a QR code, keeps the secret encrypted, then needs a single-use code at every login', async () => {
    await createAdmin(t.ctx, { username: 'enrolee', password: INITIAL_PASSWORD, kind: 'auditadmin' });
    const c = await login(t.app, 'enrolee', INITIAL_PASSWORD);
    const start = await c.post('/api/v1/auth/mfa/enrol');
    expect(start.statusCode).toBe(200);
    expect(start.headers['cache-control']).toBe('no-store');
    const { secret, uri, qrSvg } = start.json<{ secret: string; uri: string; qrSvg: string }>();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&issuer=/);
    expect(qrSvg).toContain('<svg');
    const wrong = await c.post('/api/v1/auth/mfa/enrol/confirm', {
      code: '000000' === totpAt(secret, t.clock.now()) ? '111111' : '000000',
    });
    expect(wrong.json().error.code).toBe('MFA_CODE_INVALID');
    const code = totpAt(secret, t.clock.now());
    const confirm = await c.post('/api/v1/auth/mfa/enrol/confirm', { code });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect((await c.post('/api/v1/auth/mfa/enrol')).json().error.code).toBe('MFA_ALREADY_ENROLLED');
    const row = await t.ctx.db.selectFrom('app_user').select('totp_secret').where('username', '=', 'enrolee').executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1:/);
    expect(row.totp_secret).not.toContain(secret);
    const stored = await t.ctx.db.selectFrom('mfa_recovery_code').select('code_hash').where('user_id', '=', c.userId).execute();
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace('-', ''));
    // The session that enrolled goes on; the password change comes next.
    expect((await c.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: STRONG_PASSWORD })).statusCode).toBe(204);

    // A new login: password only → verify; the code just used is refused (replay, ASVS 6.5.1).
    const res = await loginRaw(t, 'enrolee', STRONG_PASSWORD);
    expect(res.json().user.mfa).toBe('verify');
    const cookie = `zg_sid=${res.cookies.find((k) => k.name === 'zg_sid')!.value}`;
    const headers = { cookie, 'x-csrf-token': res.json().csrfToken };
    const send = (url: string, payload?: object) =>
      t.app.inject({ method: payload ? 'POST' : 'GET', url, headers, ...(payload ? { payload } : {}) });
    expect((await send('/api/v1/audit')).json().error.code).toBe('MFA_REQUIRED');
    const replay = await send('/api/v1/auth/mfa/verify', { code });
    expect(replay.json().error.code).toBe('MFA_CODE_INVALID');
    t.clock.advance(30_000);
    expect((await send('/api/v1/auth/mfa/verify', { code: totpAt(secret, t.clock.now()) })).statusCode).toBe(204);
    expect((await send('/api/v1/auth/me')).json().user.mfa).toBe('done');

    // A recovery code works once.
    const second = await loginRaw(t, 'enrolee', STRONG_PASSWORD);
    const h2 = { cookie: `zg_sid=${second.cookies.find((k) => k.name === 'zg_sid')!.value}`, 'x-csrf-token': second.json().csrfToken };
    const recover = (code2: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', headers: h2, payload: { code: code2 } });
    expect((await recover(recoveryCodes[0]!)).statusCode).toBe(204);
    const third = await loginRaw(t, 'enrolee', STRONG_PASSWORD);
    const h3 = { cookie: `zg_sid=${third.cookies.find((k) => k.name === 'zg_sid')!.value}`, 'x-csrf-token': third.json().csrfToken };
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/mfa/verify',
      headers: h3,
      payload: { code: recoveryCodes[0]! },
    });
    expect(reused.json().error.code).toBe('MFA_CODE_INVALID');
    const events = await t.ctx.db
      .selectFrom('audit_log')
      .select(['event_type', 'outcome', 'detail'])
      .where('actor_id', '=', c.userId)
      .where('event_type', 'like', 'auth.mfa%')
      .execute();
    expect(events.map((e) => `${e.event_type}:${e.outcome}`)).toEqual(
      expect.arrayContaining([
        'auth.mfa_enrol_start:success',
        'auth.mfa_enrol:success',
        'auth.mfa_verify:failure',
        'auth.mfa_verify:success',
      ]),
    );
    expect(JSON.stringify(events)).not.toContain(code);
  });

  it('locks the account after repeated wrong codes', async () => {
    await adminClient(t, 'sysadmin', 'guesser');
    const res = await loginRaw(t, 'guesser', STRONG_PASSWORD);
    const headers = { cookie: `zg_sid=${res.cookies.find((k) => k.name === 'zg_sid')!.value}`, 'x-csrf-token': res.json().csrfToken };
    const secret = totpSecretOf(t.app, 'guesser')!;
    const right = totpAt(secret, t.clock.now());
    const wrongCode = right === '123456' ? '654321' : '123456';
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/verify', headers, payload: { code: wrongCode } })).statusCode,
      );
    expect(codes).toEqual([400, 400, 400, 400, 423]);
    expect((await loginRaw(t, 'guesser', STRONG_PASSWORD)).statusCode).toBe(423);
  });

  it('is reset by the security administrator only, audited; the account enrols again', async () => {
    const sys = await adminClient(t, 'sysadmin', 'lostphone');
    const bySys = await sys.post(`/api/v1/users/${sys.userId}/mfa-reset`);
    expect(bySys.statusCode).toBe(403);
    expect((await sec.post(`/api/v1/users/${sec.userId}/mfa-reset`)).json().error.code).toBe('MFA_SELF_RESET_FORBIDDEN');
    expect((await sec.post(`/api/v1/users/${sys.userId}/mfa-reset`)).statusCode).toBe(204);
    expect((await sys.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await loginRaw(t, 'lostphone', STRONG_PASSWORD);
    expect(again.json().user.mfa).toBe('enrol');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('event_type', '=', 'user.mfa_reset')
      .where('object_id', '=', sys.userId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(sec.userId);
  });

  it("resets the security administrator's own second factor only from the server console, audited", async () => {
    const env = { DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
    const res = await runCliProcess(['reset-mfa', '--username', 'secadmin'], env);
    expect(res.code, res.stderr).toBe(0);
    expect((await sec.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await loginRaw(t, 'secadmin', STRONG_PASSWORD)).json().user.mfa).toBe('enrol');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'object_id'])
      .where('event_type', '=', 'user.mfa_reset')
      .where('object_id', '=', sec.userId)
      .where('actor_name', '=', 'cli')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await runCliProcess(['reset-mfa', '--username', 'nobody-here'], env)).code).not.toBe(0);
  });
});

describe.each(dialects)('second factor per role on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {});
  });
  afterAll(() => t.close());

  it('is required of business roles listed in the configuration, and optional for the rest', async () => {
    const cfg = t.ctx.config;
    // The same app, reconfigured the way MFA_REQUIRED_ROLES=personnel-officer would set it.
    Object.assign(cfg, { mfa: { ...cfg.mfa, requiredRoles: ['personnel-officer'] } });
    const root = await makeOrg(t.ctx, null, '示例市公安局');
    const officer = await makeRole(t.ctx, 'personnel-officer', ['personnel:read'], 'org_and_below');
    const reader = await makeRole(t.ctx, 'plain-reader', ['personnel:read'], 'org_and_below');
    await makeUser(t.ctx, 'officer1', root, 'Officer#Pass2026', [officer]);
    await makeUser(t.ctx, 'reader1', root, 'Reader#Pass2026', [reader]);
    const o = await login(t.app, 'officer1', 'Officer#Pass2026');
    expect((await o.get('/api/v1/personnel/people')).json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
    await enrolTotp(t.app, o, 'officer1');
    expect((await o.get('/api/v1/personnel/people')).statusCode).toBe(200);
    const r = await login(t.app, 'reader1', 'Reader#Pass2026');
    expect((await r.get('/api/v1/personnel/people')).statusCode).toBe(200);
    // An account that chose to enrol verifies too.
    await enrolTotp(t.app, r, 'reader1');
    const raw = await loginRaw(t, 'reader1', 'Reader#Pass2026');
    expect(raw.json().user.mfa).toBe('verify');
    expect(await nextTotpCode(t.app, r.userId, totpSecretOf(t.app, 'reader1')!)).toMatch(/^\d{6}$/);
  });
});
