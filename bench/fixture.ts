import { hashPassword } from '@zhenggong/server/platform/auth/passwords';
import { normalizeUsername } from '@zhenggong/server/platform/auth/usernames';
import type { AppContext } from '@zhenggong/server/platform/context';
import { newId } from '@zhenggong/server/platform/ids';
import { makeOrg, makeRole, makeUser } from '@zhenggong/server/test-support/factories';
import { seedDemoPeople } from '@zhenggong/server/modules/personnel/demo/demo-people';
import type { UserTable } from '@zhenggong/server/db/database';

export const BENCH_USERNAME = 'bench-reader';
export const BENCH_PASSWORD = 'Bench#Reader2026';

export interface FixtureSize {
  /** Branches (分局) under the city bureau; each gets 2 internal departments and `stationsPerBranch` stations. */
  readonly branches: number;
  readonly stationsPerBranch: number;
  /** Accounts spread over every org (the benchmark user comes on top). */
  readonly users: number;
}

/** A city: 1 + 3 + 12 × (1 + 2 + 5) = 100 orgs and 5,000 accounts. */
export const citySize: FixtureSize = { branches: 12, stationsPerBranch: 5, users: 5000 };

export interface Fixture {
  readonly orgCount: number;
  readonly userCount: number;
  /** The branch whose subtree the benchmark user may read (scope org_and_below). */
  readonly scopeRootId: string;
  /** Accounts inside that subtree, the benchmark user included: the `total` the list must report. */
  readonly visibleUsers: number;
  /** Orgs in that subtree. */
  readonly branchSize: number;
  readonly seconds: number;
  /** People (人员档案) seeded by `seedPeople` for the person-search cases; 0 otherwise. */
  readonly people?: number;
  /** People inside the scope root's subtree. */
  readonly visiblePeople?: number;
  readonly peopleSeconds?: number;
}

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'];
const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁'];

/** Deterministic pseudo-random numbers, so every run builds the same city. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Builds the city fixture: orgs through the test factories (closure rows included), accounts in
 * bulk with one shared argon2 hash (the API would hash 5,000 times), each holding one ordinary
 * role; the benchmark user sits in an internal department of branch 1 with `user:read`,
 * `org:read` and `personnel:read` at scope org_and_below, so scope resolution has to find the establishment unit.
 */
export async function buildFixture(ctx: AppContext, size: FixtureSize = citySize): Promise<Fixture> {
  const started = performance.now();
  const rand = lcg(20261129);
  const root = await makeOrg(ctx, null, '示例市公安局', { type: 'city_bureau' });
  const orgs: string[] = [root];
  const subtreeOf = new Map<string, string>(); // org → branch it belongs to
  for (const name of ['政治部', '指挥中心', '警务保障部']) orgs.push(await makeOrg(ctx, root, `市局${name}`, { isUnit: false }));
  const branches: string[] = [];
  for (let b = 1; b <= size.branches; b++) {
    const branch = await makeOrg(ctx, root, `示例市公安局第${b}分局`, { type: 'branch' });
    branches.push(branch);
    const members = [branch];
    for (const name of ['政治处', '警务保障室']) members.push(await makeOrg(ctx, branch, `第${b}分局${name}`, { isUnit: false }));
    for (let s = 1; s <= size.stationsPerBranch; s++)
      members.push(await makeOrg(ctx, branch, `第${b}分局第${s}派出所`, { type: 'station' }));
    for (const m of members) subtreeOf.set(m, branch);
    orgs.push(...members);
  }
  const scopeRootId = branches[0] as string;

  const officer = await makeRole(ctx, 'bench-officer', ['dict:read'], 'self');
  const reader = await makeRole(ctx, 'bench-branch-reader', ['user:read', 'org:read', 'personnel:read'], 'org_and_below');
  const passwordHash = await hashPassword('Shared#Fixture2026');
  const base = Date.parse('2024-01-01T00:00:00.000Z');
  let visibleUsers = 0;
  const rows: UserTable[] = [];
  for (let i = 1; i <= size.users; i++) {
    const orgId = orgs[Math.floor(rand() * orgs.length)] as string;
    if (subtreeOf.get(orgId) === scopeRootId) visibleUsers++;
    const created = new Date(base + i * 3_600_000).toISOString();
    const username = `jy${String(i).padStart(6, '0')}`;
    const name =
      (surnames[Math.floor(rand() * surnames.length)] as string) +
      (given[Math.floor(rand() * given.length)] as string) +
      (rand() < 0.6 ? (given[Math.floor(rand() * given.length)] as string) : '');
    rows.push({
      id: newId(),
      username,
      username_norm: normalizeUsername(username),
      display_name: name,
      org_id: orgId,
      person_id: null,
      password_hash: passwordHash,
      password_changed_at: created,
      must_change_password: 0,
      failed_count: 0,
      locked_until: null,
      status: rand() < 0.05 ? 'disabled' : 'active',
      expires_at: null,
      last_login_at: rand() < 0.8 ? new Date(base + i * 3_600_000 + 86_400_000).toISOString() : null,
      admin_kind: null,
      city_code: ctx.config.cityCode,
      created_at: created,
      updated_at: created,
      pending_org_id: null,
      held_reason: null,
      totp_secret: null,
      totp_enrolled_at: null,
      totp_last_step: null,
    });
  }
  // 19 columns × 500 rows stays under SQLite's and PostgreSQL's bind-parameter limits.
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await trx.insertInto('app_user').values(chunk).execute();
      await trx
        .insertInto('user_role')
        .values(chunk.map((r) => ({ user_id: r.id, role_id: officer })))
        .execute();
    }
  });
  const dept = orgs[orgs.indexOf(scopeRootId) + 1] as string; // 第1分局政治处
  await makeUser(ctx, BENCH_USERNAME, dept, BENCH_PASSWORD, [reader, officer]);
  visibleUsers++;
  return {
    orgCount: orgs.length,
    userCount: size.users + 1,
    scopeRootId,
    visibleUsers,
    branchSize: 3 + size.stationsPerBranch,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Adds `people` synthetic people (档案) with the platform's own demo generator, spread over every
 * org but the city bureau itself (its default), and counts those in the benchmark user's scope.
 */
export async function seedPeople(ctx: AppContext, fixture: Fixture, people: number): Promise<Fixture> {
  const started = performance.now();
  if (people > 0) await seedDemoPeople(ctx, { people });
  const row = await ctx.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', fixture.scopeRootId))
    .executeTakeFirstOrThrow();
  return { ...fixture, people, visiblePeople: Number(row.n), peopleSeconds: (performance.now() - started) / 1000 };
}
