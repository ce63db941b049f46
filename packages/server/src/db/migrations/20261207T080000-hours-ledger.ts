import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * person_training becomes the 学时 ledger: every line says its source (training, study, other)
 * and the row that wrote it, and hours carry one decimal (a 3.5-hour session). Approved study
 * records written before the ledger existed are copied in, so annual totals count them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('person_training')
    .addColumn('source', 'varchar(16)', (c) => c.notNull().defaultTo('training'))
    .execute();
  await db.schema.alterTable('person_training').addColumn('ref_id', 'varchar(36)').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // SQLite's integer affinity already keeps 3.5 as 3.5; PostgreSQL needs a decimal type.
    await sql`alter table person_training alter column hours type double precision`.execute(db);
    await sql`alter table training_session alter column hours type double precision`.execute(db);
    await sql`alter table training_class alter column planned_hours type double precision`.execute(db);
    await sql`alter table training_enrollment alter column hours_earned type double precision`.execute(db);
  }
  await db.schema.createIndex('person_training_ref_idx').on('person_training').column('ref_id').execute();
  // Completions already written keep their link to the enrollment that wrote them.
  await sql`update person_training set ref_id = (select e.id from training_enrollment e where e.person_training_id = person_training.id)`.execute(
    db,
  );
  await sql`insert into person_training (id, person_id, date, course, hours, organizer, source, ref_id, city_code, created_at)
    select r.id, r.person_id, r.date, r.title, r.hours, null, 'study', r.id, r.city_code, r.created_at
    from study_record r where r.status = 'approved'`.execute(db);
}
