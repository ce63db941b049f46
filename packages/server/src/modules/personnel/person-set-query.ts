import { hasRule, ON_FORCE_STATUSES, yearsBefore, type NormalizedPersonSet } from '@zhenggong/core';
import { sql, type Expression, type SqlBool } from 'kysely';

type Condition = Expression<SqlBool>;
const nobody = sql<SqlBool>`1 = 0`;
const oneOf = (column: string, values: readonly string[] | undefined): Condition | undefined =>
  values?.length ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})` : undefined;

/** Age a ≤ x ≤ b on `asOf` ⇔ the date falls in (asOf − (b+1) years, asOf − a years]. */
function yearsRange(column: string, asOf: string, min: number | undefined, max: number | undefined): Condition[] {
  const out: Condition[] = [];
  if (min !== undefined) out.push(sql<SqlBool>`${sql.ref(column)} <= ${yearsBefore(asOf, min)}`);
  if (max !== undefined) out.push(sql<SqlBool>`${sql.ref(column)} > ${yearsBefore(asOf, max + 1)}`);
  return out;
}

/**
 * A person set as SQL over a `person` row aliased `alias`, mirroring core's `inPersonSet`: rule
 * conditions all hold or the person is named; the status is one of the set's (on the force by
 * default); excluded people never match. The caller's data scope is applied separately.
 */
export function personSetWhere(set: NormalizedPersonSet, today: string, alias = 'p'): Condition {
  const col = (c: string) => `${alias}.${c}`;
  const rule: Condition[] = [];
  if (set.orgIds.length > 0)
    rule.push(
      set.includeSubUnits === false
        ? sql<SqlBool>`${sql.ref(col('org_id'))} in (${sql.join(set.orgIds)})`
        : sql<SqlBool>`${sql.ref(col('org_id'))} in (select descendant_id from org_closure where ancestor_id in (${sql.join(set.orgIds)}))`,
    );
  for (const c of [
    oneOf(col('kind'), set.kinds),
    oneOf(col('rank'), set.ranks),
    oneOf(col('officer_level'), set.levels),
    oneOf(col('post'), set.posts),
    oneOf(col('tech_level'), set.grades),
  ])
    if (c) rule.push(c);
  const asOf = set.asOf ?? today;
  rule.push(...yearsRange(col('birth_date'), asOf, set.ageMin, set.ageMax));
  rule.push(...yearsRange(col('police_start_date'), asOf, set.serviceYearsMin, set.serviceYearsMax));
  const ruleSql = hasRule(set) ? sql<SqlBool>`(${sql.join(rule, sql` and `)})` : nobody;
  const named = oneOf(col('id'), set.personIds) ?? nobody;
  const conds: Condition[] = [
    sql<SqlBool>`${sql.ref(col('status'))} in (${sql.join(set.statuses ?? ON_FORCE_STATUSES)})`,
    sql<SqlBool>`(${ruleSql} or ${named})`,
  ];
  if (set.excludePersonIds?.length) conds.push(sql<SqlBool>`${sql.ref(col('id'))} not in (${sql.join(set.excludePersonIds)})`);
  return sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}
