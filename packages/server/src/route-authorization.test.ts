import { makeIdNumber, permissionCatalogue } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersonRow } from './modules/personnel/person-rows.ts';
import { insertPersonWithHistory } from './modules/personnel/person-service.ts';
import { sql } from 'kysely';
import { makeOrg, makeRole, makeUser } from './test-support/factories.ts';
import { moduleFixtureSeeders } from './test-support/module-fixtures.ts';
import { adminClient, createTestApp, dialects, login, type Client, type TestApp } from './test-support/test-app.ts';

/**
 * Walks the app's own route table, so every route a module adds is covered without editing
 * this file. A route with a new path parameter needs a branch-B row for it: modules provide
 * them in their `authorization-fixtures.ts` (listed in test-support/module-fixtures.ts), and
 * the test fails until there is one.
 */
describe.each(dialects)('authorization of every route on %s', (dialect) => {
  let t: TestApp;
  let branchA: Client;
  let nobody: Client;
  const fixtures: Record<string, string> = {};
  const params: Record<string, string> = {};
  const moduleBodies: Record<string, object> = {};
  const moduleQueries: Record<string, Record<string, string>> = {};
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
    const personRow = toPersonRow(t.ctx, {
      kind: 'officer',
      name: `乙民警${MARK}`,
      idNumber: makeIdNumber('330102', '1980-01-01', 11),
      orgId: b1,
    });
    if (!personRow.ok) throw new Error('fixture person invalid');
    await t.ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, personRow.row, '2020-01-01'));
    const personB = personRow.row.id;
    Object.assign(fixtures, { roles: roleA, orgB: b, orgA: a });
    Object.assign(params, {
      '/api/v1/orgs': b1,
      '/api/v1/users': userB,
      '/api/v1/roles': roleA,
      '/api/v1/dicts': 'sex',
      '/api/v1/personnel': personB,
      // Jobs are instance-wide (no branch rows): a real job name, refused for lack of system:jobs.
      '/api/v1/system/jobs': 'exams.deadline-sweep',
    });
    const branchB = await login(t.app, `b-staff-${MARK}`, 'Branch#Pass123');
    const env = { t, ctx: t.ctx, root, orgA: a, orgA1: a1, orgB: b, orgB1: b1, personB, userB, roleA, branchB, MARK };
    for (const seed of moduleFixtureSeeders) {
      const m = await seed(env);
      Object.assign(params, m.params);
      Object.assign(moduleBodies, m.bodies ?? {});
      Object.assign(moduleQueries, m.queries ?? {});
    }
  });
  afterAll(() => t.close());

  const routes = () => t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/'));

  /** Fills path parameters with rows of branch B (the branch the test users must not reach). */
  function urlFor(url: string): string {
    return url.replace(/:(\w+)/g, (_m, name: string) => {
      const prefix = Object.keys(params)
        .filter((k) => !k.includes('#') && (url === k || url.startsWith(`${k}/`)))
        .sort((x, y) => y.length - x.length)[0];
      const value = params[`${url}#${name}`] ?? (prefix ? params[prefix] : undefined);
      if (!value) throw new Error(`No fixture for parameter :${name} of ${url}: add one to the module's authorization-fixtures.ts`);
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
      'POST /api/v1/personnel/people': {
        kind: 'officer',
        name: '入侵',
        idNumber: makeIdNumber('330102', '1990-01-01', 13),
        orgId: fixtures.orgB,
      },
      'PATCH /api/v1/personnel/people/:id': { post: 'hijacked' },
      'PUT /api/v1/personnel/people/:id/account': { userId: null },
    };
    return (
      bodies[`${method} ${url}`] ??
      moduleBodies[`${method} ${url}`] ?? {
        orgId: fixtures.orgB,
        parentId: fixtures.orgB,
        name: 'x',
        roleIds: [fixtures.roles],
        status: 'disabled',
      }
    );
  };

  /** A GET route's URL with the module's hostile query string, if it has one. */
  const hostileUrl = (method: string, url: string): string => {
    const query = method === 'GET' ? moduleQueries[`GET ${url}`] : undefined;
    return query ? `${urlFor(url)}?${new URLSearchParams(query).toString()}` : urlFor(url);
  };

  /** The response as text; a workbook (zipped, so a leak would not show in its bytes) as its sheets' cells. */
  async function readable(res: LightMyRequestResponse): Promise<string> {
    if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell.text)));
    });
    return cells.join('\n');
  }

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
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: urlFor(r.url),
        ...(r.method === 'GET' ? {} : hostileRequest(r.method, r.url)),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to a logged-in user lacking the permission', async () => {
    const everyone = new Set(permissionCatalogue.filter((p) => p.everyone).map((p) => p.code));
    for (const r of routes().filter((x) => x.permission && !everyone.has(x.permission))) {
      const res = await nobody.request({
        method: r.method as 'GET',
        url: urlFor(r.url),
        ...(r.method === 'GET' ? {} : hostileRequest(r.method, r.url)),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  /** Tables whose rows change by merely logging in or being audited. */
  const volatile = new Set(['app_user', 'session', 'audit_log', 'audit_head', 'kysely_migration', 'kysely_migration_lock']);
  async function tableNames(): Promise<string[]> {
    const rows =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.ctx.db)
        : await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
            t.ctx.db,
          );
    return rows.rows
      .map((r) => r.name)
      .filter((n) => !volatile.has(n))
      .sort();
  }

  it('never lets a branch-A user read, change or delete branch-B rows', async () => {
    const names = await tableNames();
    expect(names).toContain('person');
    // Every table of every module, rows sorted, so a write anywhere shows.
    const snapshot = async () => {
      const tables: unknown[] = [
        await t.ctx.db
          .selectFrom('app_user')
          .select(['id', 'username', 'display_name', 'org_id', 'status', 'password_hash', 'locked_until'])
          .orderBy('id')
          .execute(),
      ];
      for (const name of names) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.ctx.db);
        tables.push([name, rows.rows.map((r) => JSON.stringify(r)).sort()]);
      }
      return JSON.stringify(tables);
    };
    const before = await snapshot();
    for (const r of routes().filter((x) => !x.public && !x.url.startsWith('/api/v1/auth/'))) {
      const isRead = r.method === 'GET';
      const res = await branchA.request({
        method: r.method as 'GET',
        url: hostileUrl(r.method, r.url),
        ...(isRead ? {} : hostileRequest(r.method, r.url)),
      });
      const where = `${r.method} ${r.url} → ${res.statusCode}`;
      if (isRead && res.statusCode === 200) {
        expect(await readable(res), where).not.toContain(MARK);
      } else {
        expect([400, 403, 404], where).toContain(res.statusCode);
        expect(res.body, where).not.toContain(MARK);
      }
    }
    expect(await snapshot()).toBe(before);
  });
});
