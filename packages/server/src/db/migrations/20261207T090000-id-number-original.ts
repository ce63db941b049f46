import type { Kysely } from 'kysely';

/**
 * The 15-digit first-generation ID number a person was registered with, encrypted, when the
 * stored 18-digit number was upgraded from it (GB 11643: "19" inserted, check digit computed).
 * Null for everyone registered with an 18-digit number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').addColumn('id_number_original_enc', 'text').execute();
}
