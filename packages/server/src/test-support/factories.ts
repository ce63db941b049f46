import type { DataScope } from '@zhenggong/core';
import { hash } from '@node-rs/argon2';
import { normalizeUsername } from '../platform/auth/usernames.ts';
import type { AppContext } from '../platform/context.ts';
import { newId } from '../platform/ids.ts';
import { insertOrg } from '../platform/orgs/org-queries.ts';

/**
 * Accounts made by fixtures get a cheap argon2id hash (1 MiB, t=1), made once per password: the
 * login that follows verifies at the same cost, so each fixture user costs milliseconds instead
 * of two production-cost argon2 runs. Accounts made through the API (and every password change)
 * still use the production parameters, which passwords.test.ts pins.
 */
const fixtureHashes = new Map<string, Promise<string>>();
function fixtureHash(password: string): Promise<string> {
  let made = fixtureHashes.get(password);
  if (!made) {
    made = hash(password, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
    fixtureHashes.set(password, made);
  }
  return made;
}

/** Inserts an org node (with closure rows) directly, bypassing the API — for fixtures. */
export async function makeOrg(
  ctx: AppContext,
  parentId: string | null,
  name: string,
  opts: { isUnit?: boolean; type?: string } = {},
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute((trx) =>
    insertOrg(trx, {
      id,
      code: null,
      name,
      short_name: null,
      type: opts.type ?? (opts.isUnit === false ? 'department' : 'branch'),
      is_unit: opts.isUnit === false ? 0 : 1,
      parent_id: parentId,
      sort_order: 0,
      status: 'active',
      closed_at: null,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    }),
  );
  return id;
}

export async function makeRole(
  ctx: AppContext,
  code: string,
  permissions: string[],
  dataScope: DataScope,
  scopeOrgIds: string[] = [],
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('role')
    .values({
      id,
      code,
      name: code,
      builtin: 0,
      admin_kind: null,
      permissions: JSON.stringify(permissions),
      data_scope: dataScope,
      scope_org_ids: JSON.stringify(scopeOrgIds),
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A ready-to-use business account (no forced password change). */
export async function makeUser(
  ctx: AppContext,
  username: string,
  orgId: string,
  password: string,
  roleIds: string[] = [],
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('app_user')
    .values({
      id,
      username,
      username_norm: normalizeUsername(username),
      display_name: username,
      org_id: orgId,
      person_id: null,
      password_hash: await fixtureHash(password),
      password_changed_at: now,
      must_change_password: 0,
      failed_count: 0,
      locked_until: null,
      status: 'active',
      expires_at: null,
      last_login_at: null,
      admin_kind: null,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const roleId of roleIds) await ctx.db.insertInto('user_role').values({ user_id: id, role_id: roleId }).execute();
  return id;
}
