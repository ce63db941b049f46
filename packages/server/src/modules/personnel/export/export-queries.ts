import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../../platform/access/data-scope.ts';

/** Full person rows (with the unit name) for one page of an export, scope applied again as a second fence. */
export const personRowsByIds = (db: Executor, scope: ResolvedScope, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('person as p')
        .innerJoin('org as o', 'o.id', 'p.org_id')
        .selectAll('p')
        .select('o.name as org_name')
        .where('p.id', 'in', ids)
        .where(scopeWhere(scope, 'p.org_id'))
        .execute();

/** Names of an org and its ancestors, top first ("示例市公安局", "上城分局", "清波派出所"). */
export async function orgPathNames(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_closure as c')
    .innerJoin('org as o', 'o.id', 'c.ancestor_id')
    .select(['o.name'])
    .where('c.descendant_id', '=', orgId)
    .orderBy(sql`c.depth`, 'desc')
    .execute();
  return rows.map((r) => r.name);
}
