import { ON_FORCE_STATUSES } from '@zhenggong/core';
import { sql, type Expression, type SqlBool } from 'kysely';
import { scopeWhere, assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { today } from './person-rows.ts';

export interface StatsQuery {
  readonly orgId?: string | undefined;
  readonly asOf?: string | undefined;
  readonly kind?: 'officer' | 'auxiliary' | undefined;
}

type Bucket = { key: string | null; count: number };
const ageBands = [
  ['<30', 0, 29],
  ['30-39', 30, 39],
  ['40-49', 40, 49],
  ['50-54', 50, 54],
  ['55+', 55, 200],
] as const;

const yearsBefore = (date: string, years: number): string => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/**
 * Headcount by unit, rank, level, age band, education, political status, sex and kind — for
 * today (people serving now, by their current unit) or for a past date (people who belonged to a
 * unit then, by the org history; ranks from the rank history; ages at that date).
 */
export async function personStats(ctx: AppContext, scope: ResolvedScope, q: StatsQuery) {
  if (q.orgId) await assertOrgInScope(ctx.db, scope, q.orgId);
  const date = q.asOf ?? today(ctx);
  const db = ctx.db;
  // The unit a person counted in: current unit, or the unit of the membership open on `date`.
  const unitOf = q.asOf
    ? sql`(select h.org_id from person_org_history h where h.person_id = p.id and h.start_date <= ${date} and (h.end_date is null or h.end_date > ${date}) order by h.start_date desc limit 1)`
    : sql`p.org_id`;
  const conds: Expression<SqlBool>[] = [scopeWhere(scope, 'p.org_id'), sql<SqlBool>`${unitOf} is not null`];
  if (!q.asOf) conds.push(sql<SqlBool>`p.status in (${sql.join(ON_FORCE_STATUSES)})`);
  if (q.kind) conds.push(sql<SqlBool>`p.kind = ${q.kind}`);
  if (q.orgId) conds.push(sql<SqlBool>`${unitOf} in (select descendant_id from org_closure where ancestor_id = ${q.orgId})`);
  const where = sql.join(conds, sql` and `).$castTo<SqlBool>();

  const groupBy = async (expr: ReturnType<typeof sql>): Promise<Bucket[]> => {
    const rows = await db
      .selectFrom('person as p')
      .select([expr.as('key'), (eb) => eb.fn.countAll().as('count')])
      .where(where)
      // By position: PostgreSQL would see the parameterised expression twice as two different ones.
      .groupBy(sql`1`)
      .execute();
    return rows.map((r) => ({ key: (r.key as string | null) ?? null, count: Number(r.count) })).sort((a, b) => b.count - a.count);
  };
  const rankExpr = q.asOf
    ? sql`(select r.rank from person_rank_history r where r.person_id = p.id and r.start_date <= ${date} order by r.start_date desc limit 1)`
    : sql`p.rank`;
  const ageCase = sql.join(
    ageBands.map(
      ([label, min, max]) =>
        sql`when p.birth_date <= ${yearsBefore(date, min)} and p.birth_date > ${yearsBefore(date, max + 1)} then ${label}`,
    ),
    sql` `,
  );
  // Units shown: the children of the chosen org (or of the caller's visible roots), each with its
  // subtree. A caller who sees one unit only (a branch) gets that unit's stations and brigades: a
  // single bar of everything says nothing.
  const unitsUnder = (parent: string | null) =>
    db
      .selectFrom('org')
      .select(['id', 'name'])
      .where(parent ? sql<SqlBool>`parent_id = ${parent}` : sql<SqlBool>`parent_id in (select id from org where parent_id is null)`)
      .where(scopeWhere(scope, 'org.id'))
      .where('status', '=', 'active')
      .orderBy('sort_order')
      .orderBy('name')
      .execute();
  let unitRows = await unitsUnder(q.orgId ?? null);
  for (let depth = 0; !q.orgId && unitRows.length === 1 && depth < 8; depth++) {
    const below = await unitsUnder(unitRows[0]!.id);
    if (below.length === 0) break;
    unitRows = below;
  }
  const byUnit = await Promise.all(
    unitRows.map(async (u) => {
      const row = await db
        .selectFrom('person as p')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(where)
        .where(sql<SqlBool>`${unitOf} in (select descendant_id from org_closure where ancestor_id = ${u.id})`)
        .executeTakeFirstOrThrow();
      return { orgId: u.id, orgName: u.name, count: Number(row.n) };
    }),
  );
  const [total, byRank, byLevel, byAge, byEducation, byPolitical, bySex, byKind] = await Promise.all([
    db
      .selectFrom('person as p')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    groupBy(rankExpr),
    groupBy(sql`p.officer_level`),
    groupBy(sql`case ${ageCase} else null end`),
    groupBy(sql`p.education`),
    groupBy(sql`p.political_status`),
    groupBy(sql`p.sex`),
    groupBy(sql`p.kind`),
  ]);
  return {
    asOf: date,
    orgId: q.orgId ?? null,
    total: Number(total.n),
    byUnit,
    byRank,
    byLevel,
    byAge,
    byEducation,
    byPolitical,
    bySex,
    byKind,
  };
}
