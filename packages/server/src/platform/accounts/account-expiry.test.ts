import { afterEach, describe, expect, it } from 'vitest';
import { makeOrg, makeUser } from '../../test-support/factories.ts';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { disableStaleAccounts } from './account-expiry.ts';

const DAY = 86_400_000;

describe.each(dialects)('account expiry and inactivity (L3-CES1-07) on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  const statusOf = async (id: string) =>
    (await t!.ctx.db.selectFrom('app_user').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status; // t is set by each test before use
  const tryLogin = (username: string) =>
    t!.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: STRONG_PASSWORD } }); // as above

  it('refuses and disables at login an account unused for ACCOUNT_INACTIVE_DAYS', async () => {
    t = await createTestApp(dialect, { accountInactiveDays: 30 });
    const org = await makeOrg(t.ctx, null, '分局');
    const id = await makeUser(t.ctx, 'idle', org, STRONG_PASSWORD);
    expect((await tryLogin('idle')).statusCode).toBe(200);
    t.clock.advance(29 * DAY);
    expect((await tryLogin('idle')).statusCode).toBe(200); // the login itself counts as use
    t.clock.advance(31 * DAY);
    const refused = await tryLogin('idle');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'AUTH_ACCOUNT_DISABLED' } });
    expect(await statusOf(id)).toBe('disabled');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event_type', '=', 'account.disabled')
      .where('object_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ reason: 'inactive', sessionsEnded: true });
  });

  it('the daily sweep disables expired and inactive accounts, ends their sessions, spares the administrators', async () => {
    t = await createTestApp(dialect, { accountInactiveDays: 30 });
    await adminClient(t, 'sysadmin');
    const org = await makeOrg(t.ctx, null, '分局');
    const sleeper = await makeUser(t.ctx, 'sleeper', org, STRONG_PASSWORD);
    const temp = await makeUser(t.ctx, 'temp', org, STRONG_PASSWORD);
    const active = await makeUser(t.ctx, 'active', org, STRONG_PASSWORD);
    const until = new Date(t.clock.now().getTime() + 5 * DAY).toISOString();
    await t.ctx.db.updateTable('app_user').set({ expires_at: until }).where('id', '=', temp).execute();
    const tempSession = await login(t.app, 'temp', STRONG_PASSWORD);

    expect(await disableStaleAccounts(t.ctx)).toEqual({ expired: 0, inactive: 0 });
    t.clock.advance(6 * DAY);
    expect(await disableStaleAccounts(t.ctx)).toEqual({ expired: 1, inactive: 0 });
    expect(await statusOf(temp)).toBe('disabled');
    expect((await tempSession.get('/api/v1/auth/me')).statusCode).toBe(401);

    t.clock.advance(20 * DAY);
    await login(t.app, 'active', STRONG_PASSWORD);
    t.clock.advance(10 * DAY);
    expect(await disableStaleAccounts(t.ctx)).toEqual({ expired: 0, inactive: 1 });
    expect(await statusOf(sleeper)).toBe('disabled');
    expect(await statusOf(active)).toBe('active');
    expect((await tryLogin('sysadmin')).statusCode).toBe(200);
    expect(await disableStaleAccounts(t.ctx)).toEqual({ expired: 0, inactive: 0 });
  });
});
