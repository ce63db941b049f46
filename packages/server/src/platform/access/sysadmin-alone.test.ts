import { builtinRoles, makeIdNumber, permissionCatalogue } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersonRow } from '../../modules/personnel/person-rows.ts';
import { insertPersonWithHistory } from '../../modules/personnel/person-service.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type Client, type TestApp } from '../../test-support/test-app.ts';
import { newId } from '../ids.ts';

/**
 * 三员分立 (ADR 004): the system administrator alone must not obtain business data. This walks
 * every route the system administrator can reach (its permissions, the everyone permissions,
 * session-only and public routes), taken from the app's own route table, with the bodies that
 * would help it most — move a business account to the city root, reset its password, log in as
 * it — and proves no response carries a person's data and no such path opens.
 */
describe.each(dialects)('the system administrator alone on %s', (dialect) => {
  let t: TestApp;
  let sys: Client;

  const ids: Record<string, string> = {};
  const MARK = 'PERSON-DATA-MARK';
  const idNumber = makeIdNumber('330102', '1981-02-03', 17);
  const TAKEOVER = 'Takeover#Pass2026';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sys = await adminClient(t, 'sysadmin');
    const root = (await sys.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]!.id;
    const branchA = await makeOrg(t.ctx, root, '甲分局');
    const stationA = await makeOrg(t.ctx, branchA, '甲派出所', { type: 'station' });
    const branchB = await makeOrg(t.ctx, root, '乙分局');
    const business = permissionCatalogue.filter((p) => p.adminKind === null).map((p) => p.code);
    const role = await makeRole(t.ctx, 'station-clerk', business, 'org_and_below');
    const clerk = await makeUser(t.ctx, 'clerk', stationA, 'Clerk#Pass2026', [role]);
    for (const [name, org, seq] of [[`乙民警${MARK}`, branchB, 17] as const, ['甲民警', stationA, 19] as const]) {
      const person = toPersonRow(t.ctx, {
        kind: 'officer',
        name,
        idNumber: seq === 17 ? idNumber : makeIdNumber('330102', '1982-02-03', seq),
        orgId: org,
      });
      if (!person.ok) throw new Error('fixture person invalid');
      await t.ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, person.row, '2020-01-01'));
    }
    Object.assign(ids, { root, branchA, stationA, branchB, clerk });
  });
  afterAll(() => t.close());

  const everyone = new Set(permissionCatalogue.filter((p) => p.everyone).map((p) => p.code));
  const sysPermissions = new Set(builtinRoles.sysadmin.permissions);
  const reachable = () =>
    t.app.routeInventory.filter(
      (r) =>
        r.url.startsWith('/api/v1/') &&
        (r.public || r.sessionOnly || (r.permission !== undefined && (sysPermissions.has(r.permission) || everyone.has(r.permission)))),
    );

  /** The bodies most useful to an administrator after business data; the rest get a generic one. */
  const bodies = (): Record<string, unknown> => ({
    'POST /api/v1/orgs': { name: '影子科', parentId: ids.root, type: 'branch', isUnit: true },
    'PATCH /api/v1/orgs/:id': { name: '乙分局（改）' },
    // Moving the branch with the data under the clerk's unit is a legitimate restructuring; it
    // still gives the system administrator nothing while it cannot act as the clerk.
    'POST /api/v1/orgs/:id/move': { parentId: ids.stationA },
    'POST /api/v1/users': { username: 'shadow', displayName: '影子', orgId: ids.root, password: STRONG_PASSWORD },
    'PATCH /api/v1/users/:id': { orgId: ids.root },
    'POST /api/v1/users/:id/reset-password': { password: TAKEOVER },
    'POST /api/v1/auth/login': { username: 'clerk', password: TAKEOVER },
    'POST /api/v1/auth/password': { oldPassword: 'wrong', newPassword: TAKEOVER },
    'POST /api/v1/auth/mfa/verify': { code: '000000' },
    'POST /api/v1/auth/mfa/enrol/confirm': { code: '000000' },
    'POST /api/v1/personnel/me/corrections': { field: 'name', value: 'x', reason: 'x' },
  });
  const paramFor = (url: string, name: string): string => {
    if (url.startsWith('/api/v1/orgs/')) return ids.branchB!;
    if (url.startsWith('/api/v1/users/')) return ids.clerk!;
    if (name === 'code') return 'sex';
    // "Mine" routes act on the caller's own person, which an administrator does not have.
    return newId();
  };

  it('walks every route the system administrator holds and gets no business data', async () => {
    const walked: string[] = [];
    // The login as the clerk after the reset (the takeover), the session-ending route last.
    const order = (url: string) => (url === '/api/v1/auth/logout' ? 2 : url === '/api/v1/auth/login' ? 1 : 0);
    const routes = reachable().sort((a, b) => order(a.url) - order(b.url));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const url = r.url.replace(/:(\w+)/g, (_m, name: string) => paramFor(r.url, name));
      const key = `${r.method} ${r.url}`;
      const payload = r.method === 'GET' || r.method === 'DELETE' ? undefined : (bodies()[key] ?? { name: 'x', orgId: ids.root });
      const res =
        r.url === '/api/v1/auth/login'
          ? await t.app.inject({ method: 'POST', url, payload: payload as object })
          : await sys.request({ method: r.method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }) });
      expect(res.body, `${key} → ${res.statusCode}`).not.toContain(MARK);
      expect(res.body, `${key} → ${res.statusCode}`).not.toContain(idNumber.slice(6, 14));
      walked.push(`${key} → ${res.statusCode}`);
    }
    // The takeover attempt itself: the login as the clerk with the password the administrator set.
    expect(walked).toContain('POST /api/v1/auth/login → 403');
    expect(walked).toContain('POST /api/v1/users/:id/reset-password → 204');
  });

  it('leaves the reset account unusable and the moved account without roles until the security administrator acts', async () => {
    const row = await t.ctx.db
      .selectFrom('app_user')
      .select(['org_id', 'pending_org_id', 'held_reason'])
      .where('id', '=', ids.clerk!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ org_id: ids.stationA, pending_org_id: ids.root, held_reason: 'password_reset' });
    const asClerk = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clerk', password: TAKEOVER } });
    expect(asClerk.json().error.code).toBe('AUTH_ACCOUNT_HELD');
    // An account the system administrator made itself holds nothing until the security administrator grants it.
    const shadow = await login(t.app, 'shadow', STRONG_PASSWORD);
    await shadow.post('/api/v1/auth/password', { oldPassword: STRONG_PASSWORD, newPassword: 'Shadow#Pass2026x' });
    const people = await shadow.get('/api/v1/personnel/people');
    expect(people.statusCode).toBe(403);
    expect(people.body).not.toContain(MARK);
  });
});

describe.each(dialects)('an org change of a business account on %s', (dialect) => {
  let t: TestApp;
  it('suspends its roles in its existing session until the security administrator confirms, then applies the new scope', async () => {
    t = await createTestApp(dialect);
    try {
      const sys = await adminClient(t, 'sysadmin');
      const sec = await adminClient(t, 'secadmin');
      const root = (await sys.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]!.id;
      const station = await makeOrg(t.ctx, root, '丙派出所', { type: 'station' });
      const other = await makeOrg(t.ctx, root, '丁分局');
      const person = toPersonRow(t.ctx, {
        kind: 'officer',
        name: '丁民警',
        idNumber: makeIdNumber('330102', '1983-04-05', 21),
        orgId: other,
      });
      if (!person.ok) throw new Error('fixture person invalid');
      await t.ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, person.row, '2020-01-01'));
      const role = await makeRole(t.ctx, 'reader', ['personnel:read'], 'org_and_below');
      const clerk = await makeUser(t.ctx, 'reader', station, 'Reader#Pass2026', [role]);
      const session = await login(t.app, 'reader', 'Reader#Pass2026');
      expect((await session.get('/api/v1/personnel/people')).json().total).toBe(0);

      const moved = await sys.patch(`/api/v1/users/${clerk}`, { orgId: root });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ orgId: station, pendingOrgId: root });
      // Today's hole: the existing session saw the whole city at once. Now its roles are suspended.
      const during = await session.get('/api/v1/personnel/people');
      expect(during.statusCode).toBe(403);
      expect(during.body).not.toContain('丁民警');
      expect((await session.get('/api/v1/auth/me')).json().user).toMatchObject({
        orgChangePending: true,
        permissions: expect.not.arrayContaining(['personnel:read']),
      });

      expect((await sys.post(`/api/v1/users/${clerk}/confirm-org`)).statusCode).toBe(403);
      const confirmed = await sec.post(`/api/v1/users/${clerk}/confirm-org`);
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({ orgId: root, pendingOrgId: null });
      expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
      const after = await login(t.app, 'reader', 'Reader#Pass2026');
      expect((await after.get('/api/v1/personnel/people')).json().total).toBe(1);
      const audit = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', clerk).execute();
      expect(audit.map((a) => a.event_type)).toEqual(expect.arrayContaining(['user.update', 'user.org_confirm']));
    } finally {
      await t.close();
    }
  });
});
