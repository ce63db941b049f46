import { permissionCatalogue } from '@zhenggong/core';
import type { OrgTable, Trx } from '../db/database.ts';
import type { ResolvedScope } from '../platform/access/data-scope.ts';
import { createRole } from '../platform/access/role-service.ts';
import { assignRoles, createUser } from '../platform/accounts/account-service.ts';
import { appendAudit, systemActor } from '../platform/audit/audit-service.ts';
import { osUser } from '../platform/backup/os-user.ts';
import type { AppContext } from '../platform/context.ts';
import { newId } from '../platform/ids.ts';
// The org service creates one node per transaction; the seed needs ~120 nodes in one, so it uses
// the module's own insert (which keeps the closure rows right) inside a transaction of its own.
import { insertOrg } from '../platform/orgs/org-queries.ts';
import { CliError } from './cli-errors.ts';
import { DEMO_ROOT_CODE, DEMO_ROOT_NAME, demoBranches, demoOrgPlan, politicalDeptCode } from './demo-orgs.ts';
import { oneTimePassword } from './one-time-password.ts';
import { retryBusy } from './retry-busy.ts';

const everywhere: ResolvedScope = { all: true };
const DEMO_ROLE = 'demo-political-staff';

type NewOrg = Omit<OrgTable, 'status' | 'closed_at' | 'city_code' | 'created_at' | 'updated_at'>;

/**
 * The demo root: created on an empty tree, or the lone default root that create-admin makes,
 * renamed (audited). Anything else is real data, and demo data must never mix with it.
 */
async function demoRoot(trx: Trx, ctx: AppContext, row: (o: NewOrg) => OrgTable): Promise<{ rootId: string; created: number }> {
  const existing = await trx.selectFrom('org').select(['id', 'parent_id', 'name', 'code', 'type']).execute();
  const fields = { name: DEMO_ROOT_NAME, short_name: null, code: DEMO_ROOT_CODE, type: 'city_bureau', is_unit: 1 };
  const lone = existing[0];
  if (existing.length === 0) {
    const rootId = newId();
    await insertOrg(trx, row({ id: rootId, parent_id: null, sort_order: 0, ...fields }));
    return { rootId, created: 1 };
  }
  if (existing.length > 1 || !lone || lone.parent_id !== null) throw new CliError('SEED_TREE_NOT_EMPTY', { count: existing.length });
  await trx
    .updateTable('org')
    .set({ ...fields, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', lone.id)
    .execute();
  await appendAudit(trx, ctx.clock, systemActor, {
    eventType: 'org.update',
    objectType: 'org',
    objectId: lone.id,
    detail: {
      before: { name: lone.name, code: lone.code, type: lone.type },
      after: { name: DEMO_ROOT_NAME, code: DEMO_ROOT_CODE },
      via: 'cli seed-demo',
    },
  });
  return { rootId: lone.id, created: 0 };
}

/** Builds the demo tree in one transaction with one audit row. Idempotent: does nothing when the demo root exists. */
export async function seedDemoTree(ctx: AppContext): Promise<{ created: number }> {
  const now = ctx.clock.now().toISOString();
  const row = (o: NewOrg): OrgTable => ({
    ...o,
    status: 'active',
    closed_at: null,
    city_code: ctx.config.cityCode,
    created_at: now,
    updated_at: now,
  });
  return retryBusy(() =>
    ctx.db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('org').select('id').where('code', '=', DEMO_ROOT_CODE).executeTakeFirst()) return { created: 0 };
      const root = await demoRoot(trx, ctx, row);
      const ids = new Map<string, string>([[DEMO_ROOT_CODE, root.rootId]]);
      for (const o of demoOrgPlan()) {
        const id = newId();
        const parent = ids.get(o.parentCode) as string; // the plan lists parents before children
        const fields = { name: o.name, short_name: o.shortName, code: o.code, type: o.type, is_unit: o.isUnit ? 1 : 0 };
        await insertOrg(trx, row({ id, parent_id: parent, sort_order: o.sortOrder, ...fields }));
        ids.set(o.code, id);
      }
      const created = root.created + demoOrgPlan().length;
      await appendAudit(trx, ctx.clock, systemActor, {
        eventType: 'org.seed-demo',
        objectType: 'org',
        objectId: root.rootId,
        detail: { root: DEMO_ROOT_NAME, created, branches: demoBranches.length, via: 'cli', osUser: osUser() },
      });
      return { created };
    }),
  );
}

export interface DemoUser {
  readonly username: string;
  /** Set only when generated here, for printing once. */
  readonly password: string | null;
  readonly created: boolean;
}

/**
 * One political-staff (政工) account per branch, in the branch's 政治处, holding a demo role with
 * every business permission over its own branch (org_and_below). Created through the account
 * and role services, so each carries its audit rows and must change its password at first login.
 */
export async function seedDemoUsers(ctx: AppContext, password: string | undefined): Promise<DemoUser[]> {
  const role = await ctx.db.selectFrom('role').select('id').where('code', '=', DEMO_ROLE).executeTakeFirst();
  const roleId =
    role?.id ??
    (
      await retryBusy(() =>
        createRole(ctx, everywhere, systemActor, {
          code: DEMO_ROLE,
          name: '政工干部（示例）',
          permissions: permissionCatalogue.filter((p) => p.adminKind === null && !p.everyone).map((p) => p.code),
          dataScope: 'org_and_below',
        }),
      )
    ).id;
  const users: DemoUser[] = [];
  for (const [i, branch] of demoBranches.entries()) {
    const username = `demo-${branch.slug}`;
    if (await ctx.db.selectFrom('app_user').select('id').where('username_norm', '=', username).executeTakeFirst()) {
      users.push({ username, password: null, created: false });
      continue;
    }
    const dept = await ctx.db.selectFrom('org').select('id').where('code', '=', politicalDeptCode(i)).executeTakeFirstOrThrow();
    const initial = password ?? oneTimePassword(ctx.config.passwordPolicy, username);
    const body = { username, displayName: `${branch.name}分局政工干部（示例）`, orgId: dept.id, password: initial };
    const user = await retryBusy(() => createUser(ctx, everywhere, systemActor, body));
    await retryBusy(() => assignRoles(ctx, everywhere, systemActor, user.id, [roleId]));
    users.push({ username, password: password === undefined ? initial : null, created: true });
  }
  users.push(await seedCityStaff(ctx, password, roleId));
  return users;
}

/** The city political department's account (市局政治部): the demo role at the city bureau, so its scope is every branch. */
export const DEMO_CITY_USER = 'demo-city';

/**
 * The city's political staff sit at the root: the city review steps (a quarterly report's
 * acceptance, an award's city review, a promotion's 政治部审批) find their approvers there.
 */
async function seedCityStaff(ctx: AppContext, password: string | undefined, roleId: string): Promise<DemoUser> {
  const username = DEMO_CITY_USER;
  if (await ctx.db.selectFrom('app_user').select('id').where('username_norm', '=', username).executeTakeFirst())
    return { username, password: null, created: false };
  const root = await ctx.db.selectFrom('org').select('id').where('code', '=', DEMO_ROOT_CODE).executeTakeFirstOrThrow();
  const initial = password ?? oneTimePassword(ctx.config.passwordPolicy, username);
  const body = { username, displayName: '市局政治部政工干部（示例）', orgId: root.id, password: initial };
  const user = await retryBusy(() => createUser(ctx, everywhere, systemActor, body));
  await retryBusy(() => assignRoles(ctx, everywhere, systemActor, user.id, [roleId]));
  return { username, password: password === undefined ? initial : null, created: true };
}

/** Branches whose officers get demo accounts of their own (two each, from the branch's stations). */
const OFFICER_ACCOUNT_BRANCHES = 3;
const stationCodes = (branchIndex: number): string[] =>
  [5, 6, 7, 8, 9].map((c) => `DEMO-${String(branchIndex + 1).padStart(2, '0')}${String(c).padStart(2, '0')}`);

/**
 * Officers who sign in as themselves: accounts linked to demo person records (本人信息, 我的考试,
 * 我的学习培训 and corrections work for them). No role: what an officer does on their own record
 * is every account's permission. Needs the demo people; idempotent by username.
 */
export async function seedDemoOfficerAccounts(ctx: AppContext, password: string | undefined): Promise<DemoUser[]> {
  const { allPeople, linkAccount } = await import('../modules/personnel/people.ts');
  const users: DemoUser[] = [];
  for (const [i, branch] of demoBranches.slice(0, OFFICER_ACCOUNT_BRANCHES).entries()) {
    const stations = await ctx.db.selectFrom('org').select('id').where('code', 'in', stationCodes(i)).execute();
    if (stations.length === 0) continue;
    const officers = await allPeople(ctx.db)
      .where(
        'org_id',
        'in',
        stations.map((s) => s.id),
      )
      .where('kind', '=', 'officer')
      .where('status', '=', 'serving')
      .orderBy('police_number')
      .limit(2)
      .execute();
    for (const [n, officer] of officers.entries()) {
      const username = `demo-${branch.slug}-mj${n + 1}`;
      if (await ctx.db.selectFrom('app_user').select('id').where('username_norm', '=', username).executeTakeFirst()) {
        users.push({ username, password: null, created: false });
        continue;
      }
      const initial = password ?? oneTimePassword(ctx.config.passwordPolicy, username);
      const user = await retryBusy(() =>
        createUser(ctx, everywhere, systemActor, {
          username,
          displayName: `${officer.name}（示例民警）`,
          orgId: officer.org_id,
          password: initial,
        }),
      );
      await retryBusy(() => linkAccount(ctx, everywhere, systemActor, officer.id, user.id));
      users.push({ username, password: password === undefined ? initial : null, created: true });
    }
  }
  return users;
}

/** Synthetic officers and auxiliaries across the demo tree, once: a database with people is left alone. */
export async function seedDemoPeopleOnce(ctx: AppContext, people: number): Promise<number> {
  const { seedDemoPeople } = await import('../modules/personnel/demo/demo-people.ts');
  const { anyPersonExists } = await import('../modules/personnel/people.ts');
  if (await anyPersonExists(ctx.db)) return 0;
  const seeded = (await seedDemoPeople(ctx, { people })).people;
  const { seedCadresDemo } = await import('../modules/cadres/cadres-demo.ts');
  await seedCadresDemo(ctx);
  return seeded;
}
