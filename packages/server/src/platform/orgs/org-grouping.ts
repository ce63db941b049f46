import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';

/**
 * How province figures are grouped: by owning city (the rows' city_code), or — drilling down into
 * one city — by the subtree of each of its branches (through org_closure, so a person counts in
 * the branch of their current unit).
 */
export type OrgGrouping =
  | { readonly by: 'city'; readonly cityCodes: readonly string[] }
  | { readonly by: 'branch'; readonly cityCode: string; readonly branchIds: readonly string[] };

/**
 * Counts rows of `from` (an SQL fragment with alias `x`, carrying `x.city_code` and an org column)
 * per group. `where` filters the rows; the result maps group key → count.
 */
export async function countGrouped(
  db: Executor,
  grouping: OrgGrouping,
  from: RawBuilder<unknown>,
  orgColumn: string,
  where: RawBuilder<unknown>,
  countExpr: RawBuilder<unknown> = sql`count(*)`,
): Promise<Map<string, number>> {
  if (grouping.by === 'city') {
    if (grouping.cityCodes.length === 0) return new Map();
    const r = await sql<{ k: string; n: number | string }>`
      select x.city_code as k, ${countExpr} as n from ${from}
      where x.city_code in (${sql.join(grouping.cityCodes)}) and ${where} group by x.city_code`.execute(db);
    return new Map(r.rows.map((row) => [row.k, Number(row.n)]));
  }
  if (grouping.branchIds.length === 0) return new Map();
  const r = await sql<{ k: string; n: number | string }>`
    select c.ancestor_id as k, ${countExpr} as n from ${from}
    join org_closure c on c.descendant_id = ${sql.ref(orgColumn)}
    where x.city_code = ${grouping.cityCode} and c.ancestor_id in (${sql.join(grouping.branchIds)}) and ${where}
    group by c.ancestor_id`.execute(db);
  return new Map(r.rows.map((row) => [row.k, Number(row.n)]));
}
