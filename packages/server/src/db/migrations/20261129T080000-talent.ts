import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Instructors (教官库) with lectures and lecture reviews, the talent pool (警务人才库) with its
 * editable categories, dismissed suggestions and members, and courseware / micro-course
 * submissions (课件/微课) with review scores. Rows about people are scoped through the person's
 * current unit (a join), so no org column is copied here.
 */
type Builder = CreateTableBuilder<string, never>;
const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'instructor', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('grade', 'varchar(16)', (c) => c.notNull())
      .addColumn('subjects', 'text', (c) => c.notNull())
      .addColumn('appointed_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('expires_on', 'varchar(10)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('instructor_person_uq').on('instructor').column('person_id').unique().execute();

  await table(db, 'instructor_lecture', (b) =>
    b
      .addColumn('instructor_id', 'varchar(36)', (c) => c.notNull().references('instructor.id'))
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('subject', 'varchar(30)')
      .addColumn('hours', 'real', (c) => c.notNull())
      .addColumn('audience', 'varchar(200)'),
  );
  await db.schema.createIndex('instructor_lecture_instructor_idx').on('instructor_lecture').columns(['instructor_id', 'date']).execute();

  await table(db, 'lecture_review', (b) =>
    b
      .addColumn('lecture_id', 'varchar(36)', (c) => c.notNull().references('instructor_lecture.id'))
      .addColumn('reviewer_kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('reviewer_name', 'varchar(50)')
      .addColumn('reviewer_user_id', 'varchar(36)')
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('comment', 'varchar(500)'),
  );
  await db.schema.createIndex('lecture_review_lecture_idx').on('lecture_review').column('lecture_id').execute();

  await table(db, 'talent_category', (b) =>
    b
      .addColumn('name', 'varchar(50)', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('talent_category_name_uq').on('talent_category').column('name').unique().execute();

  await table(db, 'talent_member', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('category_id', 'varchar(36)', (c) => c.notNull().references('talent_category.id'))
      .addColumn('grade', 'varchar(16)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('reason', 'varchar(500)')
      .addColumn('confirmed_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('confirmed_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('removed_by', 'varchar(36)')
      .addColumn('removed_at', 'varchar(32)')
      .addColumn('removed_reason', 'varchar(500)'),
  );
  await db.schema.createIndex('talent_member_person_idx').on('talent_member').columns(['person_id', 'category_id', 'status']).execute();
  await db.schema.createIndex('talent_member_category_idx').on('talent_member').columns(['category_id', 'status']).execute();

  await table(db, 'talent_dismissal', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('category_id', 'varchar(36)', (c) => c.notNull().references('talent_category.id'))
      .addColumn('reason', 'varchar(500)', (c) => c.notNull())
      .addColumn('dismissed_by', 'varchar(36)', (c) => c.notNull()),
  );
  await db.schema.createIndex('talent_dismissal_uq').on('talent_dismissal').columns(['person_id', 'category_id']).unique().execute();

  await table(db, 'courseware', (b) =>
    b
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('subject', 'varchar(30)')
      .addColumn('summary', 'varchar(1000)')
      .addColumn('author_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('file_name', 'varchar(120)')
      .addColumn('file_type', 'varchar(16)')
      .addColumn('file_size', 'integer')
      .addColumn('file_sha256', 'varchar(64)')
      .addColumn('storage_name', 'varchar(40)')
      .addColumn('decision_note', 'varchar(500)')
      .addColumn('decided_by', 'varchar(36)')
      .addColumn('decided_at', 'varchar(32)')
      .addColumn('submitted_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('courseware_author_idx').on('courseware').columns(['author_person_id', 'status']).execute();

  await table(db, 'courseware_review', (b) =>
    b
      .addColumn('courseware_id', 'varchar(36)', (c) => c.notNull().references('courseware.id'))
      .addColumn('reviewer_user_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('reviewer_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('comment', 'varchar(500)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema
    .createIndex('courseware_review_uq')
    .on('courseware_review')
    .columns(['courseware_id', 'reviewer_user_id'])
    .unique()
    .execute();

  for (const t of [
    'instructor',
    'instructor_lecture',
    'lecture_review',
    'talent_category',
    'talent_member',
    'talent_dismissal',
    'courseware',
    'courseware_review',
  ]) {
    await db.schema.createIndex(`${t}_id_city_uq`).on(t).columns(['id', 'city_code']).unique().execute();
  }
}
