import type { Kysely } from 'kysely';

/**
 * Annual appraisal results (年度考核结果) on the person's record: one row per person and year.
 * Written by the assessment module when grades are confirmed (or by a clerk for years before the
 * platform); read by promotion eligibility, awards guards, the profile and the 任免审批表.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_appraisal')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('grade', 'varchar(16)', (c) => c.notNull())
    .addColumn('source', 'varchar(32)', (c) => c.notNull())
    .addColumn('note', 'varchar(200)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_appraisal_person_year_uq').on('person_appraisal').columns(['person_id', 'year']).unique().execute();
}
