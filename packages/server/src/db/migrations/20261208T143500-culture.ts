import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Police culture (警营文化): programmes (reading, fitness, sports) with registrations and
 * participation, contests with entries and judges' scores, and works collections (文集 / 作品集)
 * with reviewed works. Files live under DATA_DIR/uploads/culture, named by the server.
 */
type Builder = CreateTableBuilder<string, never>;

const TABLES = [
  'culture_programme',
  'culture_registration',
  'culture_contest',
  'culture_judge',
  'culture_entry',
  'culture_score',
  'culture_collection',
  'culture_work',
] as const;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

const file = (b: Builder) =>
  b
    .addColumn('file_name', 'varchar(200)')
    .addColumn('file_type', 'varchar(100)')
    .addColumn('file_size', 'integer')
    .addColumn('stored_name', 'varchar(64)');

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'culture_programme', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
      .addColumn('capacity', 'integer')
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('culture_programme_org_idx').on('culture_programme').columns(['org_id', 'start_date']).execute();
  await table(db, 'culture_registration', (b) =>
    b
      .addColumn('programme_id', 'varchar(36)', (c) => c.notNull().references('culture_programme.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('registered_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('attended', 'integer')
      .addColumn('amount_tenths', 'integer')
      .addColumn('recorded_by', 'varchar(36)')
      .addColumn('recorded_at', 'varchar(32)'),
  );
  // One registration a person and programme: a second click (or a race) cannot take two places.
  await db.schema
    .createIndex('culture_registration_uq')
    .on('culture_registration')
    .columns(['programme_id', 'person_id'])
    .unique()
    .execute();
  await db.schema.createIndex('culture_registration_person_idx').on('culture_registration').column('person_id').execute();

  await table(db, 'culture_contest', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('entry_deadline', 'varchar(10)', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('published_at', 'varchar(32)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await table(db, 'culture_judge', (b) =>
    b
      .addColumn('contest_id', 'varchar(36)', (c) => c.notNull().references('culture_contest.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  );
  await db.schema.createIndex('culture_judge_uq').on('culture_judge').columns(['contest_id', 'person_id']).unique().execute();
  await table(db, 'culture_entry', (b) =>
    file(
      b
        .addColumn('contest_id', 'varchar(36)', (c) => c.notNull().references('culture_contest.id'))
        .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('body', 'text'),
    ),
  );
  await db.schema.createIndex('culture_entry_contest_idx').on('culture_entry').column('contest_id').execute();
  await table(db, 'culture_score', (b) =>
    b
      .addColumn('entry_id', 'varchar(36)', (c) => c.notNull().references('culture_entry.id'))
      .addColumn('judge_person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('score_tenths', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('culture_score_uq').on('culture_score').columns(['entry_id', 'judge_person_id']).unique().execute();

  await table(db, 'culture_collection', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await table(db, 'culture_work', (b) =>
    file(
      b
        .addColumn('collection_id', 'varchar(36)', (c) => c.notNull().references('culture_collection.id'))
        .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
        .addColumn('title', 'varchar(200)', (c) => c.notNull())
        .addColumn('body', 'text'),
    )
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('review_note', 'varchar(500)')
      .addColumn('reviewed_by', 'varchar(36)')
      .addColumn('reviewed_at', 'varchar(32)'),
  );
  await db.schema.createIndex('culture_work_collection_idx').on('culture_work').columns(['collection_id', 'status']).execute();

  for (const t of TABLES) await db.schema.createIndex(`${t}_city_uq`).on(t).columns(['id', 'city_code']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [...TABLES].reverse()) await db.schema.dropTable(t).execute();
}
