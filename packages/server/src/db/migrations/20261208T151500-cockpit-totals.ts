import { sql, type Kysely } from 'kysely';

/**
 * The cockpit's figures summed over each org's whole subtree when the month's snapshot is written
 * (`ew_cockpit_total`), so a cockpit read is a primary-key range of about fifty rows instead of a
 * join of every unit's figures on the closure table. Months written before are back-filled from
 * `ew_cockpit_figure` with the tree as it stands.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ew_cockpit_total')
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('figure', 'varchar(24)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ew_cockpit_total_pk', ['as_of', 'org_id', 'figure', 'bucket'])
    .execute();
  await sql`insert into ew_cockpit_total (as_of, org_id, figure, bucket, value, city_code)
    select f.as_of, c.ancestor_id, f.figure, f.bucket, sum(f.value), f.city_code
    from ew_cockpit_figure f join org_closure c on c.descendant_id = f.org_id
    group by f.as_of, c.ancestor_id, f.figure, f.bucket, f.city_code`.execute(db);
}
