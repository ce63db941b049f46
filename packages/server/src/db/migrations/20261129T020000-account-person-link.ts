import type { Kysely } from 'kysely';

/** One person, at most one account (GB/T 22239 L3-CES1-07 d); NULLs (admins, unlinked) are not constrained. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('app_user_person_uq').on('app_user').column('person_id').unique().execute();
}
