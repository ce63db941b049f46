import { retirementCategory, retirementDate, retirementRuleSets, type RetirementQuery, type RetirementResponse } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { peopleInScope, unitsOf } from './subjects.ts';

/** 退休预警: who reaches the statutory retirement age in the years asked, by year and by unit. */
export async function retirementForecast(ctx: AppContext, scope: ResolvedScope, q: RetirementQuery): Promise<RetirementResponse> {
  if (q.fromYear > q.toYear || q.toYear - q.fromYear > 30) throw new AppError('CADRES_YEARS_INVALID');
  const rules = retirementRuleSets[0]!;
  const people = await peopleInScope(ctx, ctx.db, scope, { orgId: q.orgId });
  const units = await unitsOf(
    ctx.db,
    people.map((p) => p.org_id),
  );
  const rows = people
    .map((p) => ({ p, r: retirementDate(p.birth_date, retirementCategory(p.sex, p.kind, rules), rules) }))
    .filter(({ r }) => Number(r.month.slice(0, 4)) >= q.fromYear && Number(r.month.slice(0, 4)) <= q.toYear)
    .sort((a, b) => a.r.date.localeCompare(b.r.date) || a.p.id.localeCompare(b.p.id));
  const byYear = new Map<number, number>();
  const byUnit = new Map<string, number>();
  for (const { p, r } of rows) {
    const year = Number(r.month.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
    const key = `${units.branch.get(p.org_id)?.name ?? ''}\u0000${year}`;
    byUnit.set(key, (byUnit.get(key) ?? 0) + 1);
  }
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return {
    ruleSetId: rules.id,
    byYear: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count })),
    byUnit: [...byUnit].map(([k, count]) => {
      const [unitName, year] = k.split('\u0000') as [string, string];
      return { unitName, year: Number(year), count };
    }),
    total: rows.length,
    items: rows.slice((page - 1) * pageSize, page * pageSize).map(({ p, r }) => ({
      personId: p.id,
      name: p.name,
      orgName: units.names.get(p.org_id) ?? '',
      unitName: units.branch.get(p.org_id)?.name ?? '',
      sex: p.sex,
      birthDate: p.birth_date,
      officerLevel: p.officer_level,
      ...r,
    })),
  };
}
