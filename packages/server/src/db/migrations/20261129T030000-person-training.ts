import type { Kysely } from 'kysely';

/** Training hours (培训学时) as dated rows; the training module will write here too. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_training')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('course', 'varchar(200)', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('organizer', 'varchar(200)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_training_person_idx').on('person_training').columns(['person_id', 'date']).execute();
}
