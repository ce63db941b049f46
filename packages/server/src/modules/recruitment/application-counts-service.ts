import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countGrouped, type OrgGrouping } from '../../platform/orgs/org-grouping.ts';

/** Recruitment's public face: applications submitted this year per group, for the province views. */
export function applicationsBy(db: Executor, grouping: OrgGrouping, year: number): Promise<Map<string, number>> {
  return countGrouped(
    db,
    grouping,
    sql`recruit_application x`,
    'x.org_id',
    sql`x.submitted_at >= ${`${year}-01-01`} and x.submitted_at < ${`${year + 1}-01-01`}`,
  );
}
