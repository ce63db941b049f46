import type { Kysely } from 'kysely';

/**
 * The person list (search, filter, export) always filters by unit — the data scope and the tree
 * picker are both `org_id in (…)` — and mostly by age and name. Through the old (org_id, status)
 * index every person in scope cost a table-row read before any filter applied: 16,000 of them in
 * one branch of a 200,000-person province, 170 ms or more per count. This index holds what those
 * filters, the name sort and the count read, so both are answered from the index alone and only
 * the rows of the page shown are read. It starts with org_id, so it serves every lookup the old
 * index did, which is dropped (one index less to write on every import).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('person_list_idx')
    .on('person')
    .columns(['org_id', 'birth_date', 'name_pinyin', 'name_initials', 'kind', 'status', 'sex', 'id'])
    .execute();
  await db.schema.dropIndex('person_org_idx').execute();
}
