import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { resolveScope } from '../access/data-scope.ts';
import { systemActor } from '../audit/audit-service.ts';
import { updateOrg } from './org-service.ts';

interface Node {
  id: string;
  name: string;
  children: Node[];
}
const names = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.name, ...names(n.children)]);

describe.each(dialects)('org tree on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let rootId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await adminClient(t, 'sysadmin');
    rootId = (await admin.get('/api/v1/orgs/tree')).json<Node[]>()[0]!.id;
  });
  afterAll(() => t.close());

  it('creates, renames, moves a subtree and closes, keeping "this unit and below" right at any depth', async () => {
    const mk = async (name: string, parentId: string, type = 'branch', isUnit = true) => {
      const res = await admin.post('/api/v1/orgs', { name, parentId, type, isUnit });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const a = await mk('甲分局', rootId);
    const b = await mk('乙分局', rootId);
    const a1 = await mk('甲一派出所', a, 'station');
    const a11 = await mk('甲一警务室', a1, 'team');
    const renamed = await admin.patch(`/api/v1/orgs/${a1}`, { name: '甲一派出所（新）', code: '330102000001' });
    expect(renamed.json().name).toBe('甲一派出所（新）');

    const moved = await admin.post(`/api/v1/orgs/${a1}/move`, { parentId: b });
    expect(moved.statusCode, moved.body).toBe(200);
    const closure = await t.ctx.db.selectFrom('org_closure').selectAll().where('descendant_id', '=', a11).orderBy('depth').execute();
    expect(closure.map((c) => [c.ancestor_id, c.depth])).toEqual([
      [a11, 0],
      [a1, 1],
      [b, 2],
      [rootId, 3],
    ]);

    const intoSelf = await admin.post(`/api/v1/orgs/${a1}/move`, { parentId: a11 });
    expect(intoSelf.json().error.code).toBe('ORG_MOVE_INTO_SELF');

    expect((await admin.post(`/api/v1/orgs/${a1}/close`)).json().error.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    expect((await admin.post(`/api/v1/orgs/${a11}/close`)).json().status).toBe('closed');
    const tree = (await admin.get('/api/v1/orgs/tree')).json<Node[]>();
    expect(names(tree)).not.toContain('甲一警务室');
    expect(names((await admin.get('/api/v1/orgs/tree?includeClosed=true')).json<Node[]>())).toContain('甲一警务室');
    const events = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', a1).execute();
    expect(events.map((e) => e.event_type)).toEqual(['org.create', 'org.update', 'org.move']);
  });

  it('shows a branch user only their subtree, as the root of their tree', async () => {
    const east = await makeOrg(t.ctx, rootId, '东分局');
    const eastDept = await makeOrg(t.ctx, east, '东分局政治处', { isUnit: false });
    const eastStation = await makeOrg(t.ctx, east, '东派出所', { type: 'station' });
    const west = await makeOrg(t.ctx, rootId, '西分局');
    const role = await makeRole(t.ctx, 'east-reader', ['org:read'], 'org_and_below');
    await makeUser(t.ctx, 'east-staff', eastDept, 'Reader#Pass123', [role]);
    const c = await login(t.app, 'east-staff', 'Reader#Pass123');
    const tree = (await c.get('/api/v1/orgs/tree')).json<Node[]>();
    expect(tree.map((n) => n.name)).toEqual(['东分局']);
    expect(names(tree).sort()).toEqual(['东分局', '东分局政治处', '东派出所'].sort());
    expect((await c.get(`/api/v1/orgs/${eastStation}`)).statusCode).toBe(200);
    const other = await c.get(`/api/v1/orgs/${west}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('西分局');
  });

  it('"own org" is the establishment unit with its internal departments, not its subordinate units', async () => {
    const north = await makeOrg(t.ctx, rootId, '北分局');
    const dept = await makeOrg(t.ctx, north, '北分局警务保障室', { isUnit: false });
    const subDept = await makeOrg(t.ctx, dept, '北分局警务保障室装备组', { isUnit: false });
    const station = await makeOrg(t.ctx, north, '北派出所', { type: 'station' });
    const role = await makeRole(t.ctx, 'north-own', ['org:read'], 'org');
    await makeUser(t.ctx, 'north-staff', subDept, 'Reader#Pass123', [role]);
    const c = await login(t.app, 'north-staff', 'Reader#Pass123');
    const visible = names((await c.get('/api/v1/orgs/tree')).json<Node[]>());
    expect(visible.sort()).toEqual(['北分局', '北分局警务保障室', '北分局警务保障室装备组'].sort());
    expect((await c.get(`/api/v1/orgs/${station}`)).statusCode).toBe(404);
  });

  it('scopes writes too: a service call outside the caller scope finds nothing', async () => {
    const south = await makeOrg(t.ctx, rootId, '南分局');
    const far = await makeOrg(t.ctx, rootId, '远分局');
    const role = await makeRole(t.ctx, 'south-writer', ['org:write'], 'org_and_below');
    const uid = await makeUser(t.ctx, 'south-writer', south, 'Writer#Pass123', [role]);
    const roles = [
      { id: role, code: 'south-writer', name: 'x', permissions: ['org:write'], dataScope: 'org_and_below' as const, scopeOrgIds: [] },
    ];
    const principal = {
      userId: uid,
      username: 'south-writer',
      displayName: 'x',
      orgId: south,
      adminKind: null,
      sessionId: '',
      csrfToken: '',
      mustChangePassword: false,
      passwordExpired: false,
      mfa: 'done' as const,
      orgChangePending: false,
      roles,
      permissions: new Set(['org:write']),
    };
    const scope = await resolveScope(t.ctx.db, principal, 'org:write');
    await expect(updateOrg(t.ctx, scope, systemActor, far, { name: 'hijacked' })).rejects.toMatchObject({ code: 'ORG_NOT_FOUND' });
    await expect(updateOrg(t.ctx, scope, systemActor, south, { name: '南分局（改）' })).resolves.toMatchObject({ name: '南分局（改）' });
    const farRow = await t.ctx.db.selectFrom('org').select('name').where('id', '=', far).executeTakeFirstOrThrow();
    expect(farRow.name).toBe('远分局');
  });

  it('validates input: unknown fields, wrong types, bad parent', async () => {
    const before = await t.ctx.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const extra = await admin.post('/api/v1/orgs', { name: 'x', parentId: rootId, type: 'branch', isUnit: true, status: 'closed' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('VALIDATION_FAILED');
    const wrongType = await admin.post('/api/v1/orgs', { name: 'x', parentId: rootId, type: 'branch', isUnit: 'yes' });
    expect(wrongType.statusCode).toBe(400);
    const badType = await admin.post('/api/v1/orgs', { name: 'x', parentId: rootId, type: 'castle', isUnit: true });
    expect(badType.statusCode).toBe(400);
    const blank = await admin.post('/api/v1/orgs', { name: '   ', parentId: rootId, type: 'branch', isUnit: true });
    expect(blank.statusCode).toBe(400);
    const after = await t.ctx.db
      .selectFrom('org')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
