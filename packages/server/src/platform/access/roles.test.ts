import { builtinRoles, permissionCatalogue } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestApp, dialects, type Client, type TestApp } from '../../test-support/test-app.ts';
import { auditRows, createRole, createUser, insertOrg, rootOrgId } from '../accounts/test-factories.ts';
import { newId } from '../ids.ts';

/**
 * The committed permission matrix of the three administrators (GB/T 22239 L3-CES1-08,
 * SECURITY.md §2.3). A change to `builtinRoles` must change this literal too, on purpose.
 */
const BUILTIN_SNAPSHOT = {
  sysadmin: ['org:read', 'org:write', 'system:backup', 'system:jobs', 'user:read', 'user:write'],
  secadmin: ['org:read', 'role:read', 'role:write', 'user:assign-role', 'user:read', 'user:unlock'],
  auditadmin: ['audit:export', 'audit:read'],
};

interface RoleBody {
  id: string;
  code: string;
  builtin: boolean;
  adminKind: string | null;
  permissions: string[];
  dataScope: string;
  scopeOrgIds: string[];
  userCount: number;
}

describe('built-in role snapshot', () => {
  it('the three admin roles hold exactly the committed permissions', () => {
    const actual = Object.fromEntries(Object.entries(builtinRoles).map(([k, r]) => [k, [...r.permissions].sort()]));
    expect(actual).toEqual(BUILTIN_SNAPSHOT);
  });
});

describe.each(dialects)('roles on %s', (dialect) => {
  let t: TestApp;
  let sys: Client;
  let sec: Client;
  let aud: Client;
  let branch: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sys = await adminClient(t, 'sysadmin');
    sec = await adminClient(t, 'secadmin');
    aud = await adminClient(t, 'auditadmin');
    branch = await insertOrg(t.ctx.db, await rootOrgId(t.ctx.db), '东城分局');
  });
  afterAll(() => t.close());

  it('stores the built-in roles as the snapshot, each held by its one admin', async () => {
    const roles = (await sec.get('/api/v1/roles')).json<RoleBody[]>();
    const builtin = Object.fromEntries(roles.filter((r) => r.builtin).map((r) => [r.code, r.permissions]));
    expect(builtin).toEqual(BUILTIN_SNAPSHOT);
    expect(roles.filter((r) => r.builtin).every((r) => r.adminKind === r.code && r.userCount === 1 && r.dataScope === 'all')).toBe(true);
  });

  it('lists the permission catalogue with each permission’s owner', async () => {
    const res = await sec.get('/api/v1/permissions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(permissionCatalogue.map((p) => ({ code: p.code, group: p.group, adminKind: p.adminKind })));
  });

  it('only the security administrator reads or writes roles', async () => {
    for (const c of [sys, aud]) {
      expect((await c.get('/api/v1/roles')).statusCode).toBe(403);
      expect((await c.post('/api/v1/roles', { code: 'x-role', name: 'x', permissions: [], dataScope: 'self' })).statusCode).toBe(403);
    }
  });

  it('creates a business role, audited, and validates its definition', async () => {
    const res = await sec.post('/api/v1/roles', {
      code: 'cadre-reader',
      name: '干部查询',
      permissions: ['user:read', 'org:read'],
      dataScope: 'custom',
      scopeOrgIds: [branch],
    });
    expect(res.statusCode).toBe(201);
    const role = res.json<RoleBody>();
    expect(role).toMatchObject({
      builtin: false,
      adminKind: null,
      permissions: ['org:read', 'user:read'],
      dataScope: 'custom',
      scopeOrgIds: [branch],
      userCount: 0,
    });
    const [audit] = await auditRows(t.ctx.db, 'role.create', role.id);
    expect(audit?.detail.after).toMatchObject({ code: 'cadre-reader', permissions: ['org:read', 'user:read'] });

    const cases: [object, number, string][] = [
      [{ code: 'r-unknown', permissions: ['user:fly'], dataScope: 'all' }, 400, 'ROLE_UNKNOWN_PERMISSION'],
      [{ code: 'r-custom', permissions: [], dataScope: 'custom' }, 400, 'ROLE_SCOPE_ORGS_REQUIRED'],
      [{ code: 'r-custom', permissions: [], dataScope: 'custom', scopeOrgIds: [newId()] }, 404, 'ORG_NOT_FOUND'],
      [{ code: 'cadre-reader', permissions: [], dataScope: 'all' }, 409, 'ROLE_CODE_TAKEN'],
      // Built-in codes stay reserved, so the bootstrap can never adopt a business role as an admin role.
      [{ code: 'auditadmin', permissions: [], dataScope: 'all' }, 409, 'ROLE_CODE_TAKEN'],
      [{ code: 'r-sneaky', permissions: ['user:read'], dataScope: 'all', builtin: true }, 400, 'VALIDATION_FAILED'],
      [{ code: 'r-sneaky', permissions: ['user:read'], dataScope: 'all', adminKind: 'secadmin' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const r = await sec.post('/api/v1/roles', { name: 'x', ...body });
      expect([r.statusCode, r.json().error.code]).toEqual([status, code]);
    }
    expect(
      (await sec.post('/api/v1/roles', { code: 'r-unknown', name: 'x', permissions: ['user:fly'], dataScope: 'all' })).json().error.details,
    ).toEqual({ permission: 'user:fly' });
    const codes = (await t.ctx.db.selectFrom('role').select('code').execute()).map((r) => r.code);
    expect(codes.filter((c) => c.startsWith('r-'))).toEqual([]);
  });

  it('patches a role: permissions and scope changes are audited before → after', async () => {
    const id = await createRole(sec, { code: 'patchable', permissions: ['org:read'], dataScope: 'org' });
    const res = await sec.patch(`/api/v1/roles/${id}`, {
      permissions: ['org:read', 'user:read'],
      dataScope: 'custom',
      scopeOrgIds: [branch],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ permissions: ['org:read', 'user:read'], dataScope: 'custom', scopeOrgIds: [branch] });
    const back = await sec.patch(`/api/v1/roles/${id}`, { dataScope: 'org_and_below' });
    expect(back.json()).toMatchObject({ dataScope: 'org_and_below', scopeOrgIds: [] });
    const audit = await auditRows(t.ctx.db, 'role.update', id);
    expect(audit[0]?.detail).toMatchObject({
      before: { permissions: ['org:read'], dataScope: 'org', scopeOrgIds: [] },
      after: { permissions: ['org:read', 'user:read'], dataScope: 'custom', scopeOrgIds: [branch] },
    });
    expect((await sec.patch(`/api/v1/roles/${id}`, { dataScope: 'custom' })).json().error.code).toBe('ROLE_SCOPE_ORGS_REQUIRED');
    expect((await sec.patch(`/api/v1/roles/${id}`, { code: 'cadre-reader' })).json().error.code).toBe('ROLE_CODE_TAKEN');
    expect((await sec.patch(`/api/v1/roles/${id}`, {})).statusCode).toBe(400);
    expect((await sec.patch(`/api/v1/roles/${newId()}`, { name: 'x' })).json().error.code).toBe('ROLE_NOT_FOUND');
  });

  it('refuses to change or delete built-in roles', async () => {
    const builtin = (await sec.get('/api/v1/roles')).json<RoleBody[]>().filter((r) => r.builtin);
    for (const role of builtin) {
      for (const body of [{ name: 'renamed' }, { permissions: ['org:read'] }, { dataScope: 'self' }]) {
        const patch = await sec.patch(`/api/v1/roles/${role.id}`, body);
        expect([patch.statusCode, patch.json().error.code]).toEqual([409, 'ROLE_BUILTIN']);
      }
      const del = await sec.delete(`/api/v1/roles/${role.id}`);
      expect([del.statusCode, del.json().error.code]).toEqual([409, 'ROLE_BUILTIN']);
    }
    const after = (await sec.get('/api/v1/roles')).json<RoleBody[]>().filter((r) => r.builtin);
    expect(after).toEqual(builtin);
  });

  it('deletes an unused role, audited; a role in use stays', async () => {
    const used = await createRole(sec, { code: 'in-use', permissions: ['org:read'], dataScope: 'self' });
    const user = await createUser(sys, 'holder', branch);
    expect((await sec.put(`/api/v1/users/${user}/roles`, { roleIds: [used] })).statusCode).toBe(200);
    expect((await sec.get('/api/v1/roles')).json<RoleBody[]>().find((r) => r.id === used)?.userCount).toBe(1);
    const blocked = await sec.delete(`/api/v1/roles/${used}`);
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([409, 'ROLE_IN_USE']);
    expect((await sec.put(`/api/v1/users/${user}/roles`, { roleIds: [] })).statusCode).toBe(200);
    const ok = await sec.delete(`/api/v1/roles/${used}`);
    expect(ok.statusCode).toBe(204);
    expect(await t.ctx.db.selectFrom('role').select('id').where('id', '=', used).execute()).toHaveLength(0);
    const [audit] = await auditRows(t.ctx.db, 'role.delete', used);
    expect(audit?.detail.before).toMatchObject({ code: 'in-use' });
    expect((await sec.delete(`/api/v1/roles/${used}`)).json().error.code).toBe('ROLE_NOT_FOUND');
  });
});
