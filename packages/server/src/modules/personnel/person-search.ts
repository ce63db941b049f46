import { parseIdNumber, type PersonSearchQuery } from '@zhenggong/core';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { presentListItem } from './person-presenter.ts';
import { today } from './person-rows.ts';

const sortColumns = {
  name: 'p.name_pinyin',
  birthDate: 'p.birth_date',
  age: 'p.birth_date',
  policeStartDate: 'p.police_start_date',
  rank: 'p.rank',
  policeNumber: 'p.police_number',
  createdAt: 'p.created_at',
} as const;

/** The date `years` whole years before `date` (for age and service-year ranges). */
const yearsBefore = (date: string, years: number): string => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/**
 * What political staff search by. The keyword is read as an ID number (exact, through the blind
 * index), a police number, pinyin or initials ("zw" finds 张伟), or part of a name.
 */
function filters(ctx: AppContext, scope: ResolvedScope, f: PersonSearchQuery): Expression<SqlBool>[] {
  const conds: Expression<SqlBool>[] = [scopeWhere(scope, 'p.org_id')];
  const kw = f.keyword?.normalize('NFKC').trim();
  if (kw) {
    const id = parseIdNumber(kw);
    if (id.ok) conds.push(sql<SqlBool>`p.id_number_bidx = ${ctx.fieldCrypto.blindIndex('id_number', id.info.value)}`);
    else if (/^\d{4,8}$/.test(kw)) conds.push(sql<SqlBool>`p.police_number = ${kw}`);
    else if (/^[a-z]{1,30}$/i.test(kw)) {
      // Prefix as a range, not LIKE: SQLite's LIKE ignores case and PostgreSQL's needs pattern
      // ops, so neither would use the indexes. The keys hold only a–z, so k ≤ key ≤ k + 'z'… is the prefix.
      const k = kw.toLowerCase();
      const upper = `${k}${'z'.repeat(40)}`;
      conds.push(
        sql<SqlBool>`((p.name_initials >= ${k} and p.name_initials <= ${upper}) or (p.name_pinyin >= ${k} and p.name_pinyin <= ${upper}))`,
      );
    } else conds.push(sql<SqlBool>`p.name like ${`%${kw.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  }
  const eq = (column: string, value: string | undefined) => value !== undefined && conds.push(sql<SqlBool>`${sql.ref(column)} = ${value}`);
  eq('p.kind', f.kind);
  eq('p.rank', f.rank);
  eq('p.officer_level', f.officerLevel);
  eq('p.education', f.education);
  eq('p.political_status', f.politicalStatus);
  eq('p.status', f.status);
  eq('p.sex', f.sex);
  if (f.post) conds.push(sql<SqlBool>`p.post like ${`%${f.post}%`}`);
  const now = today(ctx);
  // Age a ≤ x ≤ b ⇔ born in (today − (b+1) years, today − a years].
  if (f.ageMin !== undefined) conds.push(sql<SqlBool>`p.birth_date <= ${yearsBefore(now, f.ageMin)}`);
  if (f.ageMax !== undefined) conds.push(sql<SqlBool>`p.birth_date > ${yearsBefore(now, f.ageMax + 1)}`);
  if (f.serviceYearsMin !== undefined) conds.push(sql<SqlBool>`p.police_start_date <= ${yearsBefore(now, f.serviceYearsMin)}`);
  if (f.serviceYearsMax !== undefined) conds.push(sql<SqlBool>`p.police_start_date > ${yearsBefore(now, f.serviceYearsMax + 1)}`);
  return conds;
}

/** Membership filter: current unit, or — with `asOf` — the unit the person belonged to on that date. */
function orgFilter(f: PersonSearchQuery): Expression<SqlBool> | undefined {
  if (!f.orgId && !f.asOf) return undefined;
  const orgs = f.orgId
    ? f.includeSub === false
      ? sql`(${f.orgId})`
      : sql`(select descendant_id from org_closure where ancestor_id = ${f.orgId})`
    : undefined;
  if (!f.asOf) return sql<SqlBool>`p.org_id in ${orgs}`;
  return sql<SqlBool>`exists (select 1 from person_org_history h where h.person_id = p.id and h.start_date <= ${f.asOf}
    and (h.end_date is null or h.end_date > ${f.asOf})${orgs ? sql` and h.org_id in ${orgs}` : sql``})`;
}

/** The search's WHERE (scope, filters, membership) and ORDER BY column, shared by the page and the export. */
async function searchPlan(ctx: AppContext, scope: ResolvedScope, f: PersonSearchQuery) {
  if (f.orgId) await assertOrgInScope(ctx.db, scope, f.orgId);
  const conds = filters(ctx, scope, f);
  const membership = orgFilter(f);
  if (membership) conds.push(membership);
  const where = sql.join(conds, sql` and `).$castTo<SqlBool>();
  const sortKey = (f.sort?.replace(/^-/, '') ?? 'name') as keyof typeof sortColumns;
  const column = sortColumns[sortKey] ?? sortColumns.name;
  // Age ascending means birth date descending.
  const desc = (f.sort?.startsWith('-') ?? false) !== (sortKey === 'age');
  return { where, column, direction: desc ? ('desc' as const) : ('asc' as const) };
}

export async function searchPeople(ctx: AppContext, scope: ResolvedScope, f: PersonSearchQuery) {
  const { where, column, direction } = await searchPlan(ctx, scope, f);
  const db: Executor = ctx.db;
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  // The page's ids first, then their rows: the filter, sort and limit run on the narrow list
  // index (person_list_idx), and only the rows shown are read, where selecting whole rows would
  // read and sort every matching row (5,000 in one branch at 200,000 people) to keep 20.
  const pageIds = db
    .selectFrom('person as p')
    .select('p.id')
    .where(where)
    .orderBy(sql.ref(column), direction)
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [rows, total] = await Promise.all([
    db
      .selectFrom(pageIds.as('k'))
      .innerJoin('person as p', 'p.id', 'k.id')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .selectAll('p')
      .select('o.name as org_name')
      .orderBy(sql.ref(column), direction)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('person as p')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  const now = today(ctx);
  return { items: rows.map((r) => presentListItem(r, now)), total: Number(total.n) };
}

/**
 * The ids of everything the search finds, in the list's order, in one statement (at most
 * `limit`). An export reads these once and fetches the rows by id in batches: paging the list
 * with OFFSET instead re-sorts and skips everything before each page, so a 200,000-row export
 * grew with the square of its size.
 */
export async function searchPeopleIds(ctx: AppContext, scope: ResolvedScope, f: PersonSearchQuery, limit: number): Promise<string[]> {
  const { where, column, direction } = await searchPlan(ctx, scope, f);
  const rows = await ctx.db
    .selectFrom('person as p')
    .select('p.id')
    .where(where)
    .orderBy(sql.ref(column), direction)
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
