import { sql, type Kysely } from 'kysely';

/**
 * People who left before status changes closed their unit membership still have an open
 * person_org_history row: close it on the day of their latest status change, so as-of
 * statistics after that day stop counting them in the unit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update person_org_history set end_date = (
      select max(s.start_date) from person_status_history s where s.person_id = person_org_history.person_id
    )
    where end_date is null
      and person_id in (select id from person where status not in ('serving', 'seconded'))
      and (select max(s.start_date) from person_status_history s where s.person_id = person_org_history.person_id) >= start_date`.execute(
    db,
  );
}
