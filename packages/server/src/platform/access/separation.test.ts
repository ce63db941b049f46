import { adminKinds, permissionCatalogue, type AdminKind } from '@zhenggong/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { adminClient, createTestApp, dialects, type Client, type TestApp } from '../../test-support/test-app.ts';
import { auditRows, businessClient, createRole, createUser, insertOrg, rootOrgId } from '../accounts/test-factories.ts';
import { AppError } from '../http/app-error.ts';
import { assertSeparation, separationViolation } from './separation.ts';

const adminOwned = new Map(permissionCatalogue.map((p) => [p.code, p.adminKind]));
const business = permissionCatalogue.filter((p) => p.adminKind === null).map((p) => p.code);
const everyPermission = permissionCatalogue.map((p) => p.code);

describe('separationViolation', () => {
  const biz = { adminKind: null, permissions: ['user:read'] };
  const sys = { adminKind: 'sysadmin' as const, permissions: ['user:write'] };
  const sec = { adminKind: 'secadmin' as const, permissions: ['role:write'] };
  it.each([
    ['business account, business roles', null, [biz, biz], null],
    ['admin account, its own role', 'sysadmin', [sys], null],
    [
      'business role with an admin permission',
      null,
      [{ adminKind: null, permissions: ['user:read', 'role:write'] }],
      'admin_permission_in_business_role',
    ],
    ['two admin roles', 'sysadmin', [sys, sec], 'two_admin_roles'],
    ['admin role plus a business role', 'sysadmin', [sys, biz], 'admin_with_other_roles'],
    ['admin account with business roles only', 'secadmin', [biz], 'admin_with_other_roles'],
    ['business account with an admin role', null, [sec], 'admin_kind_mismatch'],
    ['admin account with another kind’s role', 'auditadmin', [sec], 'admin_kind_mismatch'],
  ] as const)('%s', (_name, kind, roles, expected) => {
    expect(separationViolation(kind, roles)).toBe(expected);
  });
});

/** The invariant, restated independently of the implementation, checked against stored rows. */
async function expectInvariant(db: Db): Promise<void> {
  const users = await db.selectFrom('app_user').select(['id', 'admin_kind']).execute();
  const grants = await db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['ur.user_id', 'r.admin_kind', 'r.code'])
    .execute();
  for (const u of users) {
    const held = grants.filter((g) => g.user_id === u.id);
    const admin = held.filter((g) => g.admin_kind !== null);
    expect(admin.length, `user ${u.id} holds ${admin.length} admin roles`).toBeLessThanOrEqual(1);
    if (admin.length === 1) expect(held, `user ${u.id} mixes an admin role with others`).toHaveLength(1);
    // Admin accounts keep exactly the one role `create-admin` gave them.
    if (u.admin_kind !== null) expect(held.map((g) => g.code)).toEqual([u.admin_kind]);
    else expect(admin).toEqual([]);
  }
  for (const role of await db.selectFrom('role').select(['code', 'admin_kind', 'permissions']).where('admin_kind', 'is', null).execute()) {
    const perms = JSON.parse(role.permissions) as string[];
    expect(
      perms.filter((p) => adminOwned.get(p) != null),
      `business role ${role.code}`,
    ).toEqual([]);
  }
}

describe.each(dialects)('三员分立 on %s', (dialect) => {
  let t: TestApp;
  let admins: Record<AdminKind, Client>;
  let builtinIds: Record<AdminKind, string>;
  let branch: string;
  let reader: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admins = {
      sysadmin: await adminClient(t, 'sysadmin'),
      secadmin: await adminClient(t, 'secadmin'),
      auditadmin: await adminClient(t, 'auditadmin'),
    };
    const roles = await t.ctx.db.selectFrom('role').select(['id', 'code']).where('builtin', '=', 1).execute();
    builtinIds = Object.fromEntries(roles.map((r) => [r.code, r.id])) as Record<AdminKind, string>;
    branch = await insertOrg(t.ctx.db, await rootOrgId(t.ctx.db), '东城分局');
    reader = await createRole(admins.secadmin, { code: 'reader', permissions: ['user:read', 'org:read'], dataScope: 'org_and_below' });
    officer = await createUser(admins.sysadmin, 'officer', branch);
  });
  afterAll(() => t.close());

  const put = (c: Client, userId: string, roleIds: string[]) => c.put(`/api/v1/users/${userId}/roles`, { roleIds });
  const expectRefused = (
    res: { statusCode: number; json: () => { error: { code: string; details?: { reason?: string } } } },
    status: number,
    code: string,
    reason?: string,
  ) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    if (reason) expect(res.json().error.details?.reason).toBe(reason);
  };

  it('no built-in admin role can be assigned through the API, to anyone', async () => {
    const sec = admins.secadmin;
    for (const kind of adminKinds) {
      expectRefused(await put(sec, officer, [builtinIds[kind]]), 409, 'SEPARATION_OF_DUTIES', 'admin_role_via_api');
      expectRefused(await put(sec, officer, [reader, builtinIds[kind]]), 409, 'SEPARATION_OF_DUTIES', 'admin_role_via_api');
    }
    // A second admin role for an admin account (two admin roles).
    expectRefused(
      await put(sec, admins.sysadmin.userId, [builtinIds.sysadmin, builtinIds.auditadmin]),
      409,
      'SEPARATION_OF_DUTIES',
      'admin_account',
    );
    await expectInvariant(t.ctx.db);
  });

  it('an admin account cannot be given other roles, nor lose its own', async () => {
    const sec = admins.secadmin;
    for (const kind of ['sysadmin', 'auditadmin'] as const) {
      expectRefused(await put(sec, admins[kind].userId, [builtinIds[kind], reader]), 409, 'SEPARATION_OF_DUTIES', 'admin_account');
      expectRefused(await put(sec, admins[kind].userId, [reader]), 409, 'SEPARATION_OF_DUTIES', 'admin_account');
      expectRefused(await put(sec, admins[kind].userId, []), 409, 'SEPARATION_OF_DUTIES', 'admin_account');
    }
    const audit = await auditRows(t.ctx.db, 'user.roles', admins.auditadmin.userId);
    expect(audit.every((a) => a.outcome === 'failure' && a.detail.code === 'SEPARATION_OF_DUTIES')).toBe(true);
    expect(audit).toHaveLength(3);
    await expectInvariant(t.ctx.db);
  });

  it('the security administrator cannot assign roles to itself', async () => {
    for (const roleIds of [[], [reader], [builtinIds.secadmin]]) {
      expectRefused(await put(admins.secadmin, admins.secadmin.userId, roleIds), 403, 'SELF_GRANT_FORBIDDEN');
    }
    expect((await auditRows(t.ctx.db, 'user.roles', admins.secadmin.userId)).map((a) => a.outcome)).toEqual([
      'failure',
      'failure',
      'failure',
    ]);
  });

  it('a business role can never carry an administrator permission', async () => {
    const sec = admins.secadmin;
    for (const perm of permissionCatalogue.filter((p) => p.adminKind !== null)) {
      const created = await sec.post('/api/v1/roles', {
        code: 'mixed',
        name: 'x',
        permissions: ['user:read', perm.code],
        dataScope: 'all',
      });
      expectRefused(created, 409, 'SEPARATION_OF_DUTIES', 'admin_permission_in_business_role');
      const patched = await sec.patch(`/api/v1/roles/${reader}`, { permissions: [perm.code] });
      expectRefused(patched, 409, 'SEPARATION_OF_DUTIES', 'admin_permission_in_business_role');
    }
    expect((await auditRows(t.ctx.db, 'role.update', reader)).every((a) => a.outcome === 'failure')).toBe(true);
    await expectInvariant(t.ctx.db);
  });

  it('the invariant check in the transaction catches rows that bypassed the service', async () => {
    const db = t.ctx.db;
    const refusal = (userId: string) =>
      db
        .transaction()
        .execute((trx) => assertSeparation(trx, [userId]))
        .then(
          () => null,
          (e: unknown) => (e instanceof AppError ? e.details?.reason : e),
        );
    await db.insertInto('user_role').values({ user_id: officer, role_id: builtinIds.auditadmin }).execute();
    expect(await refusal(officer)).toBe('admin_kind_mismatch');
    await db.insertInto('user_role').values({ user_id: officer, role_id: reader }).execute();
    expect(await refusal(officer)).toBe('admin_with_other_roles');
    await db.deleteFrom('user_role').where('user_id', '=', officer).execute();
    expect(await refusal(officer)).toBeNull();
  });

  it('model-based: random role and assignment calls by random actors never break the invariant', async () => {
    const biz = await businessClient(t, admins.sysadmin, admins.secadmin, 'biz.actor', branch, [reader]);
    const actors = [admins.sysadmin, admins.secadmin, admins.auditadmin, biz];
    const targets = [
      admins.sysadmin.userId,
      admins.secadmin.userId,
      admins.auditadmin.userId,
      biz.userId,
      officer,
      await createUser(admins.sysadmin, 'officer2', branch),
    ];
    const adminTargets = new Set(targets.slice(0, 3));
    // The model: which roles exist and which are built in. Outcomes are predicted from it.
    const pool: { id: string; builtin: boolean }[] = [
      ...adminKinds.map((k) => ({ id: builtinIds[k], builtin: true })),
      { id: reader, builtin: false },
    ];
    let codeSeq = 0;
    const successes = { createRole: 0, patchRole: 0, assign: 0 };
    const hasAdminPerm = (perms: readonly string[]) => perms.some((p) => adminOwned.get(p) != null);
    const perms = fc.oneof(fc.subarray(business), fc.subarray(everyPermission));
    const command = fc.oneof(
      fc.record({
        kind: fc.constant('createRole' as const),
        actor: fc.nat(3),
        perms,
        scope: fc.constantFrom('all', 'org', 'org_and_below', 'self'),
      }),
      fc.record({ kind: fc.constant('patchRole' as const), actor: fc.nat(3), role: fc.nat(), perms }),
      fc.record({
        kind: fc.constant('assign' as const),
        actor: fc.nat(3),
        target: fc.nat(5),
        roles: fc.uniqueArray(fc.nat(), { maxLength: 3 }),
      }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
        for (const cmd of commands) {
          const actor = actors[cmd.actor] as Client;
          const isSec = cmd.actor === 1;
          let expected: [number, string | null];
          let res;
          if (cmd.kind === 'createRole') {
            expected = !isSec ? [403, 'FORBIDDEN'] : hasAdminPerm(cmd.perms) ? [409, 'SEPARATION_OF_DUTIES'] : [201, null];
            res = await actor.post('/api/v1/roles', {
              code: `fc-${dialect}-${codeSeq++}`,
              name: 'fc',
              permissions: cmd.perms,
              dataScope: cmd.scope,
            });
            if (res.statusCode === 201) pool.push({ id: res.json<{ id: string }>().id, builtin: false });
          } else if (cmd.kind === 'patchRole') {
            const role = pool[cmd.role % pool.length] as (typeof pool)[number];
            expected = !isSec
              ? [403, 'FORBIDDEN']
              : role.builtin
                ? [409, 'ROLE_BUILTIN']
                : hasAdminPerm(cmd.perms)
                  ? [409, 'SEPARATION_OF_DUTIES']
                  : [200, null];
            res = await actor.patch(`/api/v1/roles/${role.id}`, { permissions: cmd.perms });
          } else {
            const target = targets[cmd.target] as string;
            const roles = [...new Set(cmd.roles.map((i) => pool[i % pool.length] as (typeof pool)[number]))];
            expected = !isSec
              ? [403, 'FORBIDDEN']
              : target === actor.userId
                ? [403, 'SELF_GRANT_FORBIDDEN']
                : adminTargets.has(target) || roles.some((r) => r.builtin)
                  ? [409, 'SEPARATION_OF_DUTIES']
                  : [200, null];
            res = await actor.put(`/api/v1/users/${target}/roles`, { roleIds: roles.map((r) => r.id) });
          }
          expect([res.statusCode, res.statusCode < 300 ? null : res.json().error.code], `${JSON.stringify(cmd)} → ${res.body}`).toEqual(
            expected,
          );
          if (res.statusCode < 300) successes[cmd.kind]++;
          await expectInvariant(t.ctx.db);
        }
      }),
      { numRuns: 15 },
    );
    // Guard against a vacuous run in which every call was refused.
    expect(successes.createRole + successes.patchRole + successes.assign).toBeGreaterThan(0);
  });
});
