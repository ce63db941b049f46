import { builtinRoles, checkPassword, type AdminKind } from '@zhenggong/core';
import type { Db } from '../../db/database.ts';
import { assertSeparation } from '../access/separation.ts';
import { appendAudit, systemActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { hashPassword } from '../auth/passwords.ts';
import { normalizeUsername } from '../auth/usernames.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';

/** Creates the three built-in administrator roles (三员) if they are missing; returns their ids. */
export async function ensureBuiltinRoles(db: Db, cityCode: string, now: string): Promise<Record<AdminKind, string>> {
  const ids = {} as Record<AdminKind, string>;
  for (const [kind, def] of Object.entries(builtinRoles) as [AdminKind, (typeof builtinRoles)[AdminKind]][]) {
    const existing = await db.selectFrom('role').select(['id', 'builtin', 'admin_kind']).where('code', '=', def.code).executeTakeFirst();
    if (existing) {
      // Never promote a business role that happens to carry a reserved code: its holders would
      // silently become administrators. The role API reserves these codes, so this is a tamper check.
      if (existing.builtin !== 1 || existing.admin_kind !== kind)
        throw new Error(`role code "${def.code}" is taken by a non-built-in role; refusing to adopt it`);
      // Keep the built-in permission sets exactly as the code defines them.
      await db
        .updateTable('role')
        .set({ permissions: JSON.stringify(def.permissions), admin_kind: kind, builtin: 1 })
        .where('id', '=', existing.id)
        .execute();
      ids[kind] = existing.id;
      continue;
    }
    const id = newId();
    await db
      .insertInto('role')
      .values({
        id,
        code: def.code,
        name: def.name,
        builtin: 1,
        admin_kind: kind,
        permissions: JSON.stringify(def.permissions),
        data_scope: 'all',
        scope_org_ids: '[]',
        city_code: cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    ids[kind] = id;
  }
  return ids;
}

/** The root of the org tree (the city bureau, 市局); created on first use. */
export async function ensureRootOrg(db: Db, cityCode: string, now: string, name = '市公安局'): Promise<string> {
  const root = await db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  if (root) return root.id;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('org')
      .values({
        id,
        code: null,
        name,
        short_name: null,
        type: 'city_bureau',
        is_unit: 1,
        parent_id: null,
        sort_order: 0,
        status: 'active',
        closed_at: null,
        city_code: cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.insertInto('org_closure').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
  });
  return id;
}

export interface CreateAdminInput {
  readonly username: string;
  readonly password: string;
  readonly kind: AdminKind;
  readonly displayName?: string;
}

/**
 * Creates an administrator account from the CLI. Its password is an initial one: the first
 * login must change it. The first account created is the system administrator by default.
 */
export async function createAdmin(ctx: AppContext, input: CreateAdminInput): Promise<{ id: string }> {
  const { db, config, clock } = ctx;
  const now = clock.now().toISOString();
  const roleIds = await ensureBuiltinRoles(db, config.cityCode, now);
  const rootOrg = await ensureRootOrg(db, config.cityCode, now);
  const norm = normalizeUsername(input.username);
  if (await db.selectFrom('app_user').select('id').where('username_norm', '=', norm).executeTakeFirst())
    throw new AppError('USERNAME_TAKEN');
  const problems = checkPassword(config.passwordPolicy, input.password, input.username);
  if (problems.length > 0) throw new AppError('PASSWORD_POLICY', { reasons: problems });
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('app_user')
      .values({
        id,
        username: input.username,
        username_norm: norm,
        display_name: input.displayName ?? builtinRoles[input.kind].name,
        org_id: rootOrg,
        person_id: null,
        password_hash: passwordHash,
        password_changed_at: now,
        must_change_password: 1,
        failed_count: 0,
        locked_until: null,
        status: 'active',
        expires_at: null,
        last_login_at: null,
        admin_kind: input.kind,
        city_code: config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx.insertInto('user_role').values({ user_id: id, role_id: roleIds[input.kind] }).execute();
    // The CLI path obeys the same 三员 invariant as the API (one admin role, nothing else).
    await assertSeparation(trx, [id]);
    await appendAudit(trx, clock, systemActor, {
      eventType: 'user.create',
      objectType: 'user',
      objectId: id,
      detail: { after: { username: input.username, adminKind: input.kind, via: 'cli' } },
    });
  });
  return { id };
}
