import type { Kysely } from 'kysely';

/** Training classes (培训班), sessions, enrollment, attendance, anonymous evaluations and coverage requirements. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_class')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('place', 'varchar(200)')
    .addColumn('planned_hours', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('description', 'text')
    .addColumn('threshold', 'integer', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_class_org_idx').on('training_class').columns(['org_id', 'start_date']).execute();

  await db.schema
    .createTable('training_session')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('class_id', 'varchar(36)', (c) => c.notNull().references('training_class.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('code', 'varchar(6)')
    .addColumn('code_opens_at', 'varchar(32)')
    .addColumn('code_closes_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_session_class_idx').on('training_session').columns(['class_id', 'date']).execute();

  await db.schema
    .createTable('training_enrollment')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('class_id', 'varchar(36)', (c) => c.notNull().references('training_class.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('hours_earned', 'integer')
    .addColumn('completed_at', 'varchar(32)')
    .addColumn('confirmed_by', 'varchar(36)')
    .addColumn('override_reason', 'varchar(500)')
    .addColumn('person_training_id', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('training_enrollment_class_person_uq', ['class_id', 'person_id'])
    .execute();
  await db.schema.createIndex('training_enrollment_person_idx').on('training_enrollment').columns(['person_id', 'status']).execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('training_session.id'))
    .addColumn('class_id', 'varchar(36)', (c) => c.notNull().references('training_class.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('method', 'varchar(10)', (c) => c.notNull())
    .addColumn('marked_by', 'varchar(36)')
    .addColumn('marked_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addUniqueConstraint('training_attendance_session_person_uq', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('training_attendance_class_idx').on('training_attendance').columns(['class_id', 'person_id']).execute();

  // Evaluations carry no person and only a date, so they cannot be joined back to the receipt.
  await db.schema
    .createTable('training_evaluation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('class_id', 'varchar(36)', (c) => c.notNull().references('training_class.id'))
    .addColumn('content', 'integer', (c) => c.notNull())
    .addColumn('teaching', 'integer', (c) => c.notNull())
    .addColumn('organisation', 'integer', (c) => c.notNull())
    .addColumn('comment', 'varchar(1000)')
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_evaluation_class_idx').on('training_evaluation').column('class_id').execute();
  await db.schema
    .createTable('training_evaluation_receipt')
    .addColumn('class_id', 'varchar(36)', (c) => c.notNull().references('training_class.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_evaluation_receipt_pk', ['class_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('training_coverage')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('period_start', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_end', 'varchar(10)', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_coverage_org_idx').on('training_coverage').column('org_id').execute();
}
