import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Party activities: minutes attachments (files through the platform intake), selections linked to
 * the exemplar machinery, essay contests linked to competition events, and activity records
 * (红色教育, 基层干部培训班) with their participants.
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

const TABLES = ['party_meeting_file', 'party_activity', 'party_activity_person', 'party_essay_contest', 'party_essay'];

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'party_meeting_file', (b) =>
    b
      .addColumn('meeting_id', 'varchar(36)', (c) => c.notNull().references('party_meeting.id'))
      .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
      .addColumn('stored_name', 'varchar(64)', (c) => c.notNull())
      .addColumn('mime', 'varchar(100)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('uploaded_by', 'varchar(36)'),
  );
  await db.schema.createIndex('party_meeting_file_meeting_idx').on('party_meeting_file').column('meeting_id').execute();

  await table(db, 'party_activity', (b) =>
    b
      .addColumn('party_org_id', 'varchar(36)', (c) => c.notNull().references('party_org.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('place', 'varchar(200)')
      .addColumn('description', 'varchar(2000)')
      .addColumn('hours_tenths', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_activity_org_idx').on('party_activity').columns(['party_org_id', 'date']).execute();
  await table(db, 'party_activity_person', (b) =>
    b
      .addColumn('activity_id', 'varchar(36)', (c) => c.notNull().references('party_activity.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('training_id', 'varchar(36)'),
  );
  await db.schema
    .createIndex('party_activity_person_uq')
    .on('party_activity_person')
    .columns(['activity_id', 'person_id'])
    .unique()
    .execute();

  await table(db, 'party_essay_contest', (b) =>
    b
      .addColumn('party_org_id', 'varchar(36)', (c) => c.notNull().references('party_org.id'))
      .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('competition_event.id'))
      .addColumn('item_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('theme', 'varchar(2000)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('party_essay_contest_org_idx').on('party_essay_contest').column('party_org_id').execute();
  await table(db, 'party_essay', (b) =>
    b
      .addColumn('contest_id', 'varchar(36)', (c) => c.notNull().references('party_essay_contest.id'))
      .addColumn('entry_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('title', 'varchar(200)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_essay_contest_idx').on('party_essay').column('contest_id').execute();

  await db.schema.alterTable('party_selection').addColumn('campaign_id', 'varchar(36)').execute();
  await db.schema.alterTable('party_selection').addColumn('candidate_id', 'varchar(36)').execute();

  for (const t of TABLES) await db.schema.createIndex(`${t}_city_uq`).on(t).columns(['id', 'city_code']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('party_selection').dropColumn('candidate_id').execute();
  await db.schema.alterTable('party_selection').dropColumn('campaign_id').execute();
  for (const t of [...TABLES].reverse()) await db.schema.dropTable(t).execute();
}
