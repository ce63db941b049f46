import { normalizeTarget, type NormalizedTarget, type TargetGroup } from '@zhenggong/core';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';

/** People on the force (在职/借调) count toward classes and coverage; those who left do not. */
export const ACTIVE_STATUSES = ['serving', 'seconded'] as const;

export interface TargetPerson {
  id: string;
  name: string;
  org_id: string;
  org_name: string;
  post: string | null;
  rank: string | null;
  officer_level: string | null;
}

/**
 * The target group as SQL, mirroring core's `inTarget`: every given condition must hold, named
 * people are in regardless. Always intersected with the caller's data scope.
 */
export async function peopleInTarget(
  db: Executor,
  scope: ResolvedScope,
  target: NormalizedTarget,
  only?: readonly string[],
): Promise<TargetPerson[]> {
  const conditions: ReturnType<typeof sql<SqlBool>>[] = [];
  if (target.orgIds.length > 0)
    conditions.push(sql<SqlBool>`p.org_id in (select descendant_id from org_closure where ancestor_id in (${sql.join(target.orgIds)}))`);
  if (target.ranks.length > 0) conditions.push(sql<SqlBool>`p.rank in (${sql.join(target.ranks)})`);
  if (target.levels.length > 0) conditions.push(sql<SqlBool>`p.officer_level in (${sql.join(target.levels)})`);
  if (target.posts.length > 0) conditions.push(sql<SqlBool>`p.post in (${sql.join(target.posts)})`);
  const rule = conditions.length > 0 ? sql<SqlBool>`(${sql.join(conditions, sql` and `)})` : sql<SqlBool>`1 = 0`;
  const named = target.personIds.length > 0 ? sql<SqlBool>`p.id in (${sql.join(target.personIds)})` : sql<SqlBool>`1 = 0`;
  let q = db
    .selectFrom('person as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.org_id', 'o.name as org_name', 'p.post', 'p.rank', 'p.officer_level'])
    .where('p.status', 'in', ACTIVE_STATUSES)
    .where(sql<SqlBool>`(${rule} or ${named})`)
    .where(scopeWhere(scope, 'p.org_id'));
  if (only) q = q.where('p.id', 'in', only.length > 0 ? [...only] : ['']);
  return q.orderBy('p.name_pinyin').orderBy('p.id').execute();
}

/** Checks a target from a request: not empty, its orgs and named people inside the caller's scope. */
export async function checkedTarget(db: Executor, scope: ResolvedScope, raw: TargetGroup): Promise<NormalizedTarget> {
  const target = normalizeTarget(raw);
  if (target.orgIds.length + target.ranks.length + target.levels.length + target.posts.length + target.personIds.length === 0)
    throw new AppError('TRAINING_TARGET_EMPTY');
  for (const orgId of target.orgIds) await assertOrgInScope(db, scope, orgId);
  if (target.personIds.length > 0) {
    const found = await db
      .selectFrom('person as p')
      .select('p.id')
      .where('p.id', 'in', target.personIds)
      .where(scopeWhere(scope, 'p.org_id'))
      .execute();
    if (found.length !== target.personIds.length) throw new AppError('PERSON_NOT_FOUND');
  }
  return target;
}

export const parseTarget = (json: string): NormalizedTarget => normalizeTarget(JSON.parse(json) as TargetGroup);

export interface Branch {
  id: string;
  name: string;
}

/**
 * The branch (分局/直属单位) each org falls under, seen from `topOrgId`: the child of the top org
 * on the path down to it, or the top org itself for its own departments.
 */
export async function branchesOf(db: Executor, topOrgId: string, orgIds: readonly string[]): Promise<Map<string, Branch>> {
  const result = new Map<string, Branch>();
  if (orgIds.length === 0) return result;
  const top = await db.selectFrom('org').select(['id', 'name']).where('id', '=', topOrgId).executeTakeFirstOrThrow();
  const unique = [...new Set(orgIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('org_closure as c')
      .innerJoin('org as b', 'b.id', 'c.ancestor_id')
      .select(['c.descendant_id', 'b.id', 'b.name'])
      .where('b.parent_id', '=', topOrgId)
      .where('c.descendant_id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) result.set(r.descendant_id, { id: r.id, name: r.name });
  }
  for (const id of unique) if (!result.has(id)) result.set(id, { id: top.id, name: top.name });
  return result;
}
