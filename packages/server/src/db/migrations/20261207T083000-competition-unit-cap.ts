import type { Kysely } from 'kysely';

/** The per-unit cap on counted entrants (每单位每项计分人数), set per event; null counts everyone. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('competition_event').addColumn('counted_per_unit', 'integer').execute();
}
