import { sql, type Kysely } from 'kysely';

/**
 * Each warning alert keeps the unit of the person it concerns (the monthly run refreshes it for
 * open alerts), so the cockpit's live 处置中 count is an index range per unit of the subtree
 * instead of a join through every person of it. Existing alerts take their person's unit now.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ew_alert').addColumn('org_id', 'varchar(36)').execute();
  await sql`update ew_alert set org_id = (select p.org_id from person p where p.id = ew_alert.person_id)`.execute(db);
  await db.schema.createIndex('ew_alert_org_status_idx').on('ew_alert').columns(['org_id', 'status']).execute();
}
