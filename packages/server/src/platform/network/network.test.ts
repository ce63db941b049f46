import { afterEach, describe, expect, it } from 'vitest';
import { makeOrg, makeUser } from '../../test-support/factories.ts';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type TestApp } from '../../test-support/test-app.ts';

const loginFrom = (t: TestApp, remoteAddress: string, username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password } });

describe.each(dialects)('network protections on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('L3-CES1-19: administrators are refused outside ADMIN_IP_ALLOWLIST, audited; other accounts are not', async () => {
    t = await createTestApp(dialect, { adminIpAllowlist: ['127.0.0.1/32', '10.8.0.0/16'] });
    const sys = await adminClient(t, 'sysadmin');
    const inside = await sys.request({ method: 'GET', url: '/api/v1/users', remoteAddress: '10.8.3.4' });
    expect(inside.statusCode, inside.body).toBe(200);
    const outside = await sys.request({ method: 'GET', url: '/api/v1/users', remoteAddress: '192.0.2.7' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ error: { code: 'ADMIN_NETWORK_DENIED' } });
    // IPv4 through a dual-stack socket is matched as IPv4.
    const mapped = await sys.request({ method: 'GET', url: '/api/v1/users', remoteAddress: '::ffff:10.8.9.9' });
    expect(mapped.statusCode).toBe(200);
    const denied = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event_type', '=', 'access.denied')
      .where('src_ip', '=', '192.0.2.7')
      .execute();
    expect(denied).toHaveLength(1);
    expect(JSON.parse(denied[0]?.detail ?? '{}')).toMatchObject({ reason: 'admin_network' });

    const org = await makeOrg(t.ctx, null, '分局');
    await makeUser(t.ctx, 'officer', org, STRONG_PASSWORD);
    const officer = await loginFrom(t, '192.0.2.7', 'officer', STRONG_PASSWORD);
    expect(officer.statusCode).toBe(200);
    const cookie = officer.cookies.find((c) => c.name === 'zg_sid')?.value ?? '';
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      remoteAddress: '192.0.2.7',
      headers: { cookie: `zg_sid=${cookie}` },
    });
    expect(me.statusCode).not.toBe(403);
  });

  it('L3-CES1-22: repeated failures from one address raise one alert and block it for a while', async () => {
    t = await createTestApp(dialect, { intrusion: { maxFailures: 5, windowMinutes: 5, blockMinutes: 15 } });
    await adminClient(t, 'sysadmin');
    const attacker = '198.51.100.9';
    for (let i = 0; i < 5; i++) {
      const res = await loginFrom(t, attacker, i % 2 ? 'sysadmin' : `nobody${i}`, 'wrong-password');
      expect(res.statusCode).toBe(401);
    }
    // Now blocked, even with the right password; further tries raise no second alert.
    for (let i = 0; i < 3; i++) {
      const res = await loginFrom(t, attacker, 'sysadmin', STRONG_PASSWORD);
      expect(res.statusCode).toBe(429);
      expect(res.json()).toMatchObject({ error: { code: 'IP_BLOCKED' } });
    }
    const alerts = await t.ctx.db.selectFrom('security_alert').selectAll().execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'auth_failures', src_ip: attacker });
    const audited = await t.ctx.db.selectFrom('audit_log').selectAll().where('event_type', '=', 'security.alert').execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ src_ip: attacker, object_id: alerts[0]?.id });
    // Another address is unaffected.
    expect((await loginFrom(t, '203.0.113.5', 'sysadmin', STRONG_PASSWORD)).statusCode).toBe(200);
    // The block ends by itself.
    t.clock.advance(16 * 60_000);
    expect((await loginFrom(t, attacker, 'sysadmin', STRONG_PASSWORD)).statusCode).toBe(200);
    await login(t.app, 'sysadmin', STRONG_PASSWORD);
  });
});
