import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Competitions (比武竞赛): events organised by a unit (the event's data scope), items scored
 * higher-better or lower-better, entries of one person or a team from a unit, and the published
 * results written per person (the record other modules read through competitionResultsOf).
 */
type Builder = CreateTableBuilder<string, never>;
const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'competition_event', (b) =>
    b
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) => c.notNull())
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('description', 'varchar(2000)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('published_at', 'varchar(32)')
      .addColumn('published_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('competition_event_org_idx').on('competition_event').columns(['org_id', 'start_date']).execute();

  await table(db, 'competition_item', (b) =>
    b
      .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('competition_event.id'))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('direction', 'varchar(8)', (c) => c.notNull())
      .addColumn('unit', 'varchar(20)')
      .addColumn('max_team_size', 'integer')
      .addColumn('sort_order', 'integer', (c) => c.notNull()),
  );
  await db.schema.createIndex('competition_item_event_idx').on('competition_item').column('event_id').execute();

  await table(db, 'competition_entry', (b) =>
    b
      .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('competition_event.id'))
      .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('competition_item.id'))
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('team_name', 'varchar(100)')
      .addColumn('score', 'real')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('competition_entry_item_idx').on('competition_entry').columns(['event_id', 'item_id']).execute();

  await db.schema
    .createTable('competition_entry_member')
    .addColumn('entry_id', 'varchar(36)', (c) => c.notNull().references('competition_entry.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('competition_item.id'))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('competition_entry_member_pk', ['entry_id', 'person_id'])
    .execute();
  // One person enters an item once, in one entry.
  await db.schema
    .createIndex('competition_entry_member_item_uq')
    .on('competition_entry_member')
    .columns(['item_id', 'person_id'])
    .unique()
    .execute();

  await table(db, 'competition_result', (b) =>
    b
      .addColumn('event_id', 'varchar(36)', (c) => c.notNull().references('competition_event.id'))
      .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('competition_item.id'))
      .addColumn('entry_id', 'varchar(36)', (c) => c.notNull().references('competition_entry.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('event_title', 'varchar(200)', (c) => c.notNull())
      .addColumn('item_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) => c.notNull())
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('team_name', 'varchar(100)')
      .addColumn('score', 'real')
      .addColumn('rank', 'integer')
      .addColumn('entrants', 'integer', (c) => c.notNull()),
  );
  await db.schema.createIndex('competition_result_person_idx').on('competition_result').columns(['person_id', 'date']).execute();
  await db.schema.createIndex('competition_result_event_idx').on('competition_result').column('event_id').execute();

  for (const t of ['competition_event', 'competition_item', 'competition_entry', 'competition_result']) {
    await db.schema.createIndex(`${t}_id_city_uq`).on(t).columns(['id', 'city_code']).unique().execute();
  }
}
