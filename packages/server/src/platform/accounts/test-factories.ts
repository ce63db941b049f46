import { expect } from 'vitest';
import type { Db } from '../../db/database.ts';
import { login, STRONG_PASSWORD, type Client, type TestApp } from '../../test-support/test-app.ts';
import { newId } from '../ids.ts';

/**
 * Fixtures for the accounts and access suites. Orgs are inserted straight into `org` and
 * `org_closure` so these suites do not depend on the org routes.
 */
export async function insertOrg(
  db: Db,
  parentId: string | null,
  name: string,
  opts: { isUnit?: boolean; status?: 'active' | 'closed' } = {},
): Promise<string> {
  const id = newId();
  const now = '2026-06-01T08:00:00.000Z';
  await db
    .insertInto('org')
    .values({
      id,
      code: null,
      name,
      short_name: null,
      type: 'branch',
      is_unit: opts.isUnit === false ? 0 : 1,
      parent_id: parentId,
      sort_order: 0,
      status: opts.status ?? 'active',
      closed_at: null,
      city_code: '330100',
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (parentId) {
    const ancestors = await db.selectFrom('org_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', parentId).execute();
    for (const a of ancestors)
      await db
        .insertInto('org_closure')
        .values({ ancestor_id: a.ancestor_id, descendant_id: id, depth: a.depth + 1 })
        .execute();
  }
  await db.insertInto('org_closure').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
  return id;
}

/** The root org (市局) that `create-admin` makes. */
export async function rootOrgId(db: Db): Promise<string> {
  return (await db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
}

export const INITIAL = 'Init!alPass9';

/** Creates an account through the API as the system administrator; returns its id. */
export async function createUser(sys: Client, username: string, orgId: string, displayName = username): Promise<string> {
  const res = await sys.post('/api/v1/users', { username, displayName, orgId, password: INITIAL });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function createRole(
  sec: Client,
  body: { code: string; permissions: string[]; dataScope: string; scopeOrgIds?: string[]; name?: string },
): Promise<string> {
  const res = await sec.post('/api/v1/roles', { name: body.code, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** An account created by the sysadmin, given roles by the secadmin, logged in with its password changed. */
export async function businessClient(
  t: TestApp,
  sys: Client,
  sec: Client,
  username: string,
  orgId: string,
  roleIds: string[],
): Promise<Client> {
  const id = await createUser(sys, username, orgId);
  if (roleIds.length > 0) expect((await sec.put(`/api/v1/users/${id}/roles`, { roleIds })).statusCode).toBe(200);
  const c = await login(t.app, username, INITIAL);
  expect((await c.post('/api/v1/auth/password', { oldPassword: INITIAL, newPassword: STRONG_PASSWORD })).statusCode).toBe(204);
  return c;
}

export interface AuditRow {
  readonly actorId: string | null;
  readonly outcome: string;
  readonly detail: Record<string, unknown>;
}

export async function auditRows(db: Db, eventType: string, objectId: string): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['actor_id', 'outcome', 'detail'])
    .where('event_type', '=', eventType)
    .where('object_id', '=', objectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ actorId: r.actor_id, outcome: r.outcome, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
