import { rankBy, type RankRow } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { allPeople } from '../personnel/people.ts';

/**
 * What other modules (the assessment module's 宣传 indicator) read from publicity: monthly or
 * annual rankings of people and units over verified outputs, by publication date. Points are in
 * tenths. `scope` limits the people counted (pass { all: true } for a city-wide figure).
 */
export async function publicityRanking(db: Executor, scope: ResolvedScope, period: string, by: 'person' | 'unit'): Promise<RankRow[]> {
  const from = period.length === 4 ? `${period}-01-01` : `${period}-01`;
  const to = period.length === 4 ? `${period}-12-31` : `${period}-31`;
  const rows = await db
    .selectFrom('publicity_output as x')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'x.person_id')
    .innerJoin('org as o', 'o.id', 'x.unit_id')
    .select(['x.person_id', 'x.unit_id', 'x.points', 'p.name', 'o.name as unit_name'])
    .where('x.status', '=', 'verified')
    .where('x.published_on', '>=', from)
    .where('x.published_on', '<=', to)
    .where(scopeWhere(scope, 'p.org_id'))
    .execute();
  return rankBy(
    rows.map((r) =>
      by === 'person'
        ? { key: r.person_id, name: r.name, points: r.points ?? 0 }
        : { key: r.unit_id, name: r.unit_name, points: r.points ?? 0 },
    ),
  );
}
