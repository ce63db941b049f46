import type { Executor } from '../../db/database.ts';

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
