import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countGrouped, type OrgGrouping } from '../../platform/orgs/org-grouping.ts';

/** Exams' public face: results taken this year per group (city or branch), for the province views. */
export function examsTakenBy(db: Executor, grouping: OrgGrouping, year: number): Promise<Map<string, number>> {
  return countGrouped(
    db,
    grouping,
    sql`exam_result x`,
    'x.org_id',
    sql`x.absent = 0 and x.taken_at >= ${`${year}-01-01`} and x.taken_at < ${`${year + 1}-01-01`}`,
  );
}
