import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/**
 * Approved study hours (学习教育学时) per person dated in [from, to], for performance assessment;
 * people without any are absent. No data scope: callers checked the people.
 */
export async function approvedStudyHoursOf(
  db: Executor,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('study_record')
      .select(['person_id', sql<number>`sum(hours)`.as('h')])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('status', '=', 'approved')
      .where('date', '>=', from)
      .where('date', '<=', to)
      .groupBy('person_id')
      .execute();
    for (const r of rows) out.set(r.person_id, Number(r.h));
  }
  return out;
}
