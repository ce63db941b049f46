import { makeIdNumber, permissionCatalogue } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersonRow } from './modules/personnel/person-rows.ts';
import { insertPersonWithHistory } from './modules/personnel/person-service.ts';
import { makeOrg, makeRole, makeUser } from './test-support/factories.ts';
import { adminClient, createTestApp, dialects, login, type Client, type TestApp } from './test-support/test-app.ts';

/**
 * Walks the app's own route table, so every route a module adds is covered without editing
 * this file — except that a route with a new path parameter needs a fixture below, and the
 * test fails until it has one.
 */
describe.each(dialects)('authorization of every route on %s', (dialect) => {
  let t: TestApp;
  let branchA: Client;
  let nobody: Client;
  const fixtures: Record<string, string> = {};
  const MARK = 'SECRET-B';

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const sys = await adminClient(t, 'sysadmin');
    const root = (await sys.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]!.id;
    const a = await makeOrg(t.ctx, root, '甲分局');
    const a1 = await makeOrg(t.ctx, a, '甲派出所', { type: 'station' });
    const b = await makeOrg(t.ctx, root, `乙分局-${MARK}`);
    const b1 = await makeOrg(t.ctx, b, `乙派出所-${MARK}`, { type: 'station' });
    const business = permissionCatalogue.filter((p) => p.adminKind === null).map((p) => p.code);
    const roleA = await makeRole(t.ctx, 'branch-a-all', business, 'org_and_below');
    await makeUser(t.ctx, 'a-staff', a1, 'Branch#Pass123', [roleA]);
    const userB = await makeUser(t.ctx, `b-staff-${MARK}`, b1, 'Branch#Pass123', [roleA]);
    await makeUser(t.ctx, 'nobody', a, 'Nobody#Pass123');
    branchA = await login(t.app, 'a-staff', 'Branch#Pass123');
    nobody = await login(t.app, 'nobody', 'Nobody#Pass123');
    const personRow = toPersonRow(t.ctx, { kind: 'officer', name: `乙民警${MARK}`, idNumber: makeIdNumber('330102', '1980-01-01', 11), orgId: b1 });
    if (!personRow.ok) throw new Error('fixture person invalid');
    await t.ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, personRow.row, '2020-01-01'));
    const personB = personRow.row.id;
    Object.assign(fixtures, { orgs: b1, users: userB, roles: roleA, dicts: 'sex', personnel: personB, orgB: b, orgA: a });
  });
  afterAll(() => t.close());

  const routes = () => t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/'));

  /** Fills path parameters with rows of branch B (the branch the test users must not reach). */
  function urlFor(url: string): string {
    const resource = url.split('/')[3] ?? '';
    return url.replace(/:(\w+)/g, (_m, name: string) => {
      const value = name === 'code' ? fixtures.dicts : fixtures[resource];
      if (!value) throw new Error(`No fixture for parameter :${name} of ${url}: add one to route-authorization.test.ts`);
      return value;
    });
  }
  /**
   * A body that passes validation, so the scope check itself is what must refuse: it names
   * branch B wherever the route takes an org. Routes not listed get a generic body.
   */
  const hostileBody = (method: string, url: string): object => {
    const bodies: Record<string, object> = {
      'POST /api/v1/orgs/': { name: 'x', parentId: fixtures.orgB, type: 'branch', isUnit: true },
      'PATCH /api/v1/orgs/:id': { name: 'hijacked' },
      'POST /api/v1/orgs/:id/move': { parentId: fixtures.orgA },
      'POST /api/v1/users/': { username: 'hijacker', displayName: 'x', orgId: fixtures.orgB, password: 'Str0ng!Passw0rd' },
      'PATCH /api/v1/users/:id': { displayName: 'hijacked' },
      'PUT /api/v1/users/:id/roles': { roleIds: [] },
      'POST /api/v1/users/:id/reset-password': { password: 'Str0ng!Passw0rd9' },
      'POST /api/v1/personnel/people': { kind: 'officer', name: '入侵', idNumber: makeIdNumber('330102', '1990-01-01', 13), orgId: fixtures.orgB },
      'PATCH /api/v1/personnel/people/:id': { post: 'hijacked' },
      'PUT /api/v1/personnel/people/:id/account': { userId: null },
    };
    return bodies[`${method} ${url}`] ?? { orgId: fixtures.orgB, parentId: fixtures.orgB, name: 'x', roleIds: [fixtures.roles], status: 'disabled' };
  };

  /** Routes that take a raw body (a photo) get one of their own type; the rest get JSON. */
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const hostileRequest = (method: string, url: string) =>
    url.endsWith('/photo') ? { payload: PNG, headers: { 'content-type': 'image/png' } } : { payload: hostileBody(method, url) };

  it('classifies every API route (permission, session-only or public)', () => {
    expect(routes().length).toBeGreaterThan(10);
    for (const r of routes()) expect(r.public || r.sessionOnly || typeof r.permission === 'string', `${r.method} ${r.url}`).toBe(true);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const r of routes().filter((x) => !x.public)) {
      const res = await t.app.inject({ method: r.method as 'GET', url: urlFor(r.url), ...(r.method === 'GET' ? {} : hostileRequest(r.method, r.url)) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to a logged-in user lacking the permission', async () => {
    const everyone = new Set(permissionCatalogue.filter((p) => p.everyone).map((p) => p.code));
    for (const r of routes().filter((x) => x.permission && !everyone.has(x.permission))) {
      const res = await nobody.request({ method: r.method as 'GET', url: urlFor(r.url), ...(r.method === 'GET' ? {} : hostileRequest(r.method, r.url)) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('never lets a branch-A user read, change or delete branch-B rows', async () => {
    const snapshot = async () =>
      JSON.stringify([
        await t.ctx.db.selectFrom('org').selectAll().orderBy('id').execute(),
        await t.ctx.db.selectFrom('app_user').select(['id', 'username', 'display_name', 'org_id', 'status', 'password_hash', 'locked_until']).orderBy('id').execute(),
        await t.ctx.db.selectFrom('user_role').selectAll().orderBy('user_id').orderBy('role_id').execute(),
        await t.ctx.db.selectFrom('role').selectAll().orderBy('id').execute(),
        await t.ctx.db.selectFrom('person').selectAll().orderBy('id').execute(),
        await t.ctx.db.selectFrom('person_org_history').selectAll().orderBy('id').execute(),
      ]);
    const before = await snapshot();
    for (const r of routes().filter((x) => !x.public && !x.url.startsWith('/api/v1/auth/'))) {
      const isRead = r.method === 'GET';
      const res = await branchA.request({ method: r.method as 'GET', url: urlFor(r.url), ...(isRead ? {} : hostileRequest(r.method, r.url)) });
      const where = `${r.method} ${r.url} → ${res.statusCode}`;
      if (isRead && res.statusCode === 200) {
        expect(res.body, where).not.toContain(MARK);
      } else {
        expect([400, 403, 404], where).toContain(res.statusCode);
        expect(res.body, where).not.toContain(MARK);
      }
    }
    expect(await snapshot()).toBe(before);
  });
});
