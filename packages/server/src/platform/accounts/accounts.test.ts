import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type Client, type TestApp } from '../../test-support/test-app.ts';
import { newId } from '../ids.ts';
import { auditRows, businessClient, createRole, createUser, INITIAL, insertOrg, rootOrgId } from './test-factories.ts';

interface UserBody {
  id: string;
  username: string;
  orgId: string;
  orgName: string;
  status: string;
  roles: { code: string }[];
  locked: boolean;
}
interface Page {
  items: UserBody[];
  total: number;
}

describe.each(dialects)('users on %s', (dialect) => {
  let t: TestApp;
  let sys: Client;
  let sec: Client;
  let root: string;
  let branchA: string;
  let stationA: string;
  let branchB: string;
  let readerA: Client;
  let a2: string;
  let b1: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sys = await adminClient(t, 'sysadmin');
    sec = await adminClient(t, 'secadmin');
    root = await rootOrgId(t.ctx.db);
    branchA = await insertOrg(t.ctx.db, root, '东城分局');
    stationA = await insertOrg(t.ctx.db, branchA, '东城派出所');
    branchB = await insertOrg(t.ctx.db, root, '西城分局');
    const reader = await createRole(sec, { code: 'branch-reader', permissions: ['user:read', 'org:read'], dataScope: 'org_and_below' });
    readerA = await businessClient(t, sys, sec, 'reader.a', branchA, [reader]);
    a2 = await createUser(sys, 'officer.a2', stationA, '张三');
    b1 = await createUser(sys, 'officer.b1', branchB, '李四');
  });
  afterAll(() => t.close());

  it('creates an account with an initial password that must be changed, audited without the password', async () => {
    const res = await sys.post('/api/v1/users', { username: 'New.User', displayName: '王五', orgId: branchA, password: INITIAL });
    expect(res.statusCode).toBe(201);
    const user = res.json<UserBody>();
    expect(user).toMatchObject({ username: 'New.User', orgId: branchA, orgName: '东城分局', status: 'active', roles: [], locked: false });
    const row = await t.ctx.db.selectFrom('app_user').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(1);
    expect(row.username_norm).toBe('new.user');
    const me = (await login(t.app, 'new.user', INITIAL)).get('/api/v1/auth/me');
    expect((await me).json().user.mustChangePassword).toBe(true);
    const audit = await auditRows(t.ctx.db, 'user.create', user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(sys.userId);
    expect(audit[0]?.detail.after).toMatchObject({ username: 'New.User', orgId: branchA, status: 'active' });
    expect(JSON.stringify(audit)).not.toContain(INITIAL);
  });

  it('refuses usernames equal after NFKC and case folding, weak passwords and unusable orgs', async () => {
    const clash = await sys.post('/api/v1/users', { username: 'ＮＥＷ.ｕｓｅｒ', displayName: 'x', orgId: branchA, password: INITIAL });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('USERNAME_TAKEN');
    const weak = await sys.post('/api/v1/users', { username: 'weakling', displayName: 'x', orgId: branchA, password: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.reasons).toContain('classes');
    const ghost = await sys.post('/api/v1/users', { username: 'ghost', displayName: 'x', orgId: newId(), password: INITIAL });
    expect(ghost.json().error.code).toBe('ORG_NOT_FOUND');
    const closed = await insertOrg(t.ctx.db, root, '已撤销分局', { status: 'closed' });
    const toClosed = await sys.post('/api/v1/users', { username: 'ghost', displayName: 'x', orgId: closed, password: INITIAL });
    expect(toClosed.json().error.code).toBe('ORG_CLOSED');
    expect(await t.ctx.db.selectFrom('app_user').select('id').where('username_norm', '=', 'ghost').execute()).toHaveLength(0);
    for (const username of ['two words', 'tab\there', 'x']) {
      const bad = await sys.post('/api/v1/users', { username, displayName: 'x', orgId: branchA, password: INITIAL });
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('rejects extra fields (mass assignment) with 400 and writes nothing', async () => {
    for (const extra of [{ adminKind: 'sysadmin' }, { status: 'disabled' }, { mustChangePassword: false }]) {
      const res = await sys.post('/api/v1/users', { username: 'sneaky', displayName: 'x', orgId: branchA, password: INITIAL, ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await t.ctx.db.selectFrom('app_user').select('id').where('username_norm', '=', 'sneaky').execute()).toHaveLength(0);
    const patch = await sys.patch(`/api/v1/users/${a2}`, { displayName: '张三', adminKind: 'secadmin' });
    expect(patch.statusCode).toBe(400);
    const row = await t.ctx.db.selectFrom('app_user').select(['admin_kind', 'display_name']).where('id', '=', a2).executeTakeFirstOrThrow();
    expect(row).toEqual({ admin_kind: null, display_name: '张三' });
  });

  it('lists with paging, total, filters and sort', async () => {
    const all = (await sys.get('/api/v1/users?pageSize=2&sort=-username')).json<Page>();
    expect(all.items).toHaveLength(2);
    const everyone = (await sys.get('/api/v1/users?pageSize=500&sort=username')).json<Page>();
    expect(everyone.total).toBe(everyone.items.length);
    expect(all.total).toBe(everyone.total);
    const names = everyone.items.map((u) => u.username.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect(all.items[0]?.username.toLowerCase()).toBe(names[names.length - 1]);
    const page2 = (await sys.get('/api/v1/users?pageSize=2&page=2&sort=-username')).json<Page>();
    expect(page2.items[0]?.id).not.toBe(all.items[0]?.id);

    const subtree = (await sys.get(`/api/v1/users?orgId=${branchA}`)).json<Page>();
    expect(subtree.items.map((u) => u.id)).toContain(a2);
    expect(subtree.items.every((u) => [branchA, stationA].includes(u.orgId))).toBe(true);
    const only = (await sys.get(`/api/v1/users?orgId=${branchA}&includeSub=false`)).json<Page>();
    expect(only.items.map((u) => u.id)).not.toContain(a2);
    expect(only.items.every((u) => u.orgId === branchA)).toBe(true);

    const kw = (await sys.get(`/api/v1/users?keyword=${encodeURIComponent('张')}`)).json<Page>();
    expect(kw.items.map((u) => u.id)).toEqual([a2]);
    const kwName = (await sys.get('/api/v1/users?keyword=OFFICER.B')).json<Page>();
    expect(kwName.items.map((u) => u.id)).toEqual([b1]);
    const wildcard = (await sys.get('/api/v1/users?keyword=%25')).json<Page>();
    expect(wildcard.total).toBe(0); // '%' is matched literally, not as a wildcard

    expect((await sys.get('/api/v1/users?sort=password_hash')).statusCode).toBe(400);
    expect((await sys.get('/api/v1/users?isAdmin=1')).statusCode).toBe(400);
  });

  it('limits a branch user to the subtree of their unit: list, get, org filter', async () => {
    const list = (await readerA.get('/api/v1/users?pageSize=500')).json<Page>();
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.total).toBe(list.items.length);
    expect(list.items.every((u) => [branchA, stationA].includes(u.orgId))).toBe(true);
    expect(list.items.map((u) => u.id)).toContain(a2);
    expect((await readerA.get(`/api/v1/users/${a2}`)).statusCode).toBe(200);
    const other = await readerA.get(`/api/v1/users/${b1}`);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('USER_NOT_FOUND');
    expect(other.body).not.toContain('officer.b1');
    const admin = await readerA.get(`/api/v1/users/${sys.userId}`);
    expect(admin.statusCode).toBe(404);
    const filter = await readerA.get(`/api/v1/users?orgId=${branchB}`);
    // Another branch's org answers 404 like an org that does not exist: a 403 would confirm it.
    expect(filter.statusCode).toBe(404);
    expect(filter.json().error.code).toBe('ORG_NOT_FOUND');
    const unknown = await readerA.get('/api/v1/users?orgId=0190a0b0-0000-7000-8000-000000000000');
    expect({ status: unknown.statusCode, body: unknown.json().error.code }).toEqual({
      status: filter.statusCode,
      body: filter.json().error.code,
    });
    // Writes need admin-kind permissions, which a business role can never carry.
    expect((await readerA.patch(`/api/v1/users/${b1}`, { displayName: 'x' })).statusCode).toBe(403);
    expect((await readerA.post(`/api/v1/users/${b1}/reset-password`, { password: STRONG_PASSWORD })).statusCode).toBe(403);
    expect((await readerA.post(`/api/v1/users/${b1}/unlock`)).statusCode).toBe(403);
  });

  it('scopes writes too: a holder of a branch-limited write role gets 404 outside it and for foreign orgs', async () => {
    // Such a role cannot be made through the API (三员); it is inserted directly to test the scoping underneath.
    const roleId = newId();
    const now = t.clock.now().toISOString();
    await t.ctx.db
      .insertInto('role')
      .values({
        id: roleId,
        code: 'branch-writer',
        name: 'x',
        builtin: 0,
        admin_kind: null,
        permissions: JSON.stringify(['user:read', 'user:write', 'user:unlock']),
        data_scope: 'org_and_below',
        scope_org_ids: '[]',
        city_code: '330100',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const writer = await createUser(sys, 'writer.a', branchA);
    await t.ctx.db.insertInto('user_role').values({ user_id: writer, role_id: roleId }).execute();
    const w = await login(t.app, 'writer.a', INITIAL);
    await w.post('/api/v1/auth/password', { oldPassword: INITIAL, newPassword: STRONG_PASSWORD });
    for (const res of [
      await w.patch(`/api/v1/users/${b1}`, { status: 'disabled' }),
      await w.post(`/api/v1/users/${b1}/reset-password`, { password: STRONG_PASSWORD }),
      await w.post(`/api/v1/users/${b1}/unlock`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('USER_NOT_FOUND');
    }
    expect((await t.ctx.db.selectFrom('app_user').select('status').where('id', '=', b1).executeTakeFirstOrThrow()).status).toBe('active');
    expect((await w.patch(`/api/v1/users/${a2}`, { displayName: '张三丰' })).statusCode).toBe(200);
    const move = await w.patch(`/api/v1/users/${a2}`, { orgId: branchB });
    expect(move.statusCode).toBe(404);
    expect(move.json().error.code).toBe('ORG_NOT_FOUND');
    const create = await w.post('/api/v1/users', { username: 'outsider', displayName: 'x', orgId: branchB, password: INITIAL });
    expect(create.json().error.code).toBe('ORG_NOT_FOUND');
    expect((await auditRows(t.ctx.db, 'user.update', a2)).some((r) => r.outcome === 'failure' && r.detail.code === 'OUT_OF_SCOPE')).toBe(
      true,
    );
    await w.patch(`/api/v1/users/${a2}`, { displayName: '张三' });
  });

  it('disabling ends every session of the account in the same change, audited before → after', async () => {
    const id = await createUser(sys, 'leaver', branchB);
    const c = await login(t.app, 'leaver', INITIAL);
    await login(t.app, 'leaver', INITIAL);
    expect(await t.ctx.db.selectFrom('session').select('id').where('user_id', '=', id).execute()).toHaveLength(2);
    const res = await sys.patch(`/api/v1/users/${id}`, { status: 'disabled', displayName: '离职人员' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', displayName: '离职人员' });
    expect(await t.ctx.db.selectFrom('session').select('id').where('user_id', '=', id).execute()).toHaveLength(0);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leaver', password: INITIAL } });
    expect(relogin.json().error.code).toBe('AUTH_ACCOUNT_DISABLED');
    const [audit] = await auditRows(t.ctx.db, 'user.update', id);
    expect(audit?.detail).toMatchObject({
      before: { status: 'active', displayName: 'leaver' },
      after: { status: 'disabled', displayName: '离职人员' },
      sessionsEnded: true,
    });
    const move = await sys.patch(`/api/v1/users/${id}`, { orgId: branchA, status: 'active' });
    expect(move.json()).toMatchObject({ orgId: branchA, orgName: '东城分局', status: 'active' });
  });

  it('resets a password: policy-checked, held until the security administrator releases it, must change at next login, sessions ended, audited', async () => {
    const id = await createUser(sys, 'forgetful', branchB);
    const c = await businessClient(t, sys, sec, 'forgetful2', branchB, []);
    const weak = await sys.post(`/api/v1/users/${c.userId}/reset-password`, { password: 'short' });
    expect(weak.json().error.code).toBe('PASSWORD_POLICY');
    const res = await sys.post(`/api/v1/users/${c.userId}/reset-password`, { password: 'Reset#Pass2026' });
    expect(res.statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    // Whoever reset it knows the password: the account is held (ADR 004).
    const held = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'forgetful2', password: 'Reset#Pass2026' },
    });
    expect(held.statusCode).toBe(403);
    expect(held.json().error.code).toBe('AUTH_ACCOUNT_HELD');
    expect((await sys.get(`/api/v1/users/${c.userId}`)).json()).toMatchObject({ held: true });
    expect((await sys.post(`/api/v1/users/${c.userId}/release`)).statusCode).toBe(403);
    const released = await sec.post(`/api/v1/users/${c.userId}/release`);
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ held: false });
    expect((await auditRows(t.ctx.db, 'user.release', c.userId)).length).toBe(1);
    const again = await login(t.app, 'forgetful2', 'Reset#Pass2026');
    expect((await again.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    // The replaced password went into the history, so the owner cannot switch back to it.
    const back = await again.post('/api/v1/auth/password', { oldPassword: 'Reset#Pass2026', newPassword: STRONG_PASSWORD });
    expect(back.json().error.details.reasons).toContain('reused');
    const [audit] = await auditRows(t.ctx.db, 'user.password_reset', c.userId);
    expect(audit?.detail).toMatchObject({ mustChangePassword: true });
    expect(JSON.stringify(audit)).not.toContain('Reset#Pass2026');
    expect((await sys.post(`/api/v1/users/${id}/reset-password`, { password: 'Reset#Pass2026' })).statusCode).toBe(204);
  });

  it('unlocks a locked account (security administrator only), audited', async () => {
    const id = await createUser(sys, 'clumsy', branchA);
    for (let i = 0; i < 5; i++)
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'clumsy', password: 'wrong' } });
    expect((await sys.get(`/api/v1/users/${id}`)).json()).toMatchObject({ locked: true });
    const bySys = await sys.post(`/api/v1/users/${id}/unlock`);
    expect(bySys.statusCode).toBe(403);
    expect(bySys.json().error.code).toBe('FORBIDDEN');
    const res = await sec.post(`/api/v1/users/${id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ locked: false, lockedUntil: null });
    const row = await t.ctx.db
      .selectFrom('app_user')
      .select(['locked_until', 'failed_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_count: 0 });
    await expect(login(t.app, 'clumsy', INITIAL)).resolves.toBeDefined();
    const [audit] = await auditRows(t.ctx.db, 'user.unlock', id);
    expect(audit?.actorId).toBe(sec.userId);
    expect((audit?.detail.before as { lockedUntil: string | null }).lockedUntil).not.toBeNull();
  });

  it('keeps administrator accounts out of reach of the API, with a failure audit row', async () => {
    for (const res of [
      await sys.patch(`/api/v1/users/${sec.userId}`, { status: 'disabled' }),
      await sys.post(`/api/v1/users/${sec.userId}/reset-password`, { password: 'Takeover#2026' }),
      await sys.patch(`/api/v1/users/${sys.userId}`, { displayName: 'me' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('ADMIN_ACCOUNT_PROTECTED');
    }
    expect((await sec.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await auditRows(t.ctx.db, 'user.update', sec.userId)).map((r) => r.outcome)).toEqual(['failure']);
    expect((await auditRows(t.ctx.db, 'user.password_reset', sec.userId)).map((r) => r.outcome)).toEqual(['failure']);
  });

  it('assigns roles with PUT semantics, audited before → after', async () => {
    const r1 = await createRole(sec, { code: 'r-one', permissions: ['org:read'], dataScope: 'org' });
    const r2 = await createRole(sec, { code: 'r-two', permissions: ['user:read'], dataScope: 'self' });
    const first = await sec.put(`/api/v1/users/${b1}/roles`, { roleIds: [r1, r2] });
    expect(first.statusCode).toBe(200);
    expect(first.json<UserBody>().roles.map((r) => r.code)).toEqual(['r-one', 'r-two']);
    const second = await sec.put(`/api/v1/users/${b1}/roles`, { roleIds: [r2] });
    expect(second.json<UserBody>().roles.map((r) => r.code)).toEqual(['r-two']);
    const audit = await auditRows(t.ctx.db, 'user.roles', b1);
    expect(audit.map((a) => a.detail)).toEqual([
      { before: [], after: ['r-one', 'r-two'] },
      { before: ['r-one', 'r-two'], after: ['r-two'] },
    ]);
    const missing = await sec.put(`/api/v1/users/${b1}/roles`, { roleIds: [newId()] });
    expect(missing.json().error.code).toBe('ROLE_NOT_FOUND');
    expect((await sys.put(`/api/v1/users/${b1}/roles`, { roleIds: [] })).statusCode).toBe(403);
    expect((await sec.put(`/api/v1/users/${newId()}/roles`, { roleIds: [] })).json().error.code).toBe('USER_NOT_FOUND');
  });
});
