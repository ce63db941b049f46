import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Publicity (宣传): the publicity team registry, outputs with their verification and points, the
 * bureau's own official accounts (政务新媒体) and the release log of major incidents, with dated
 * rule data (scoring, release timing). The bureau's own publications only.
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'publicity_rule', (b) =>
    b
      .addColumn('rule_set', 'varchar(32)', (c) => c.notNull())
      .addColumn('jurisdiction', 'varchar(6)', (c) => c.notNull())
      .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('evidence', 'varchar(1)', (c) => c.notNull())
      .addColumn('source', 'varchar(200)')
      .addColumn('note', 'varchar(500)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema
    .createIndex('publicity_rule_pick_idx')
    .on('publicity_rule')
    .columns(['rule_set', 'jurisdiction', 'effective_from'])
    .execute();

  await table(db, 'publicity_reporter', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('role', 'varchar(16)', (c) => c.notNull())
      .addColumn('since', 'varchar(10)', (c) => c.notNull())
      .addColumn('until', 'varchar(10)')
      .addColumn('note', 'varchar(500)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('publicity_reporter_person_idx').on('publicity_reporter').columns(['person_id', 'until']).execute();

  await table(db, 'publicity_output', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('outlet', 'varchar(100)', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) => c.notNull())
      .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('url', 'varchar(500)')
      .addColumn('lead', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('points', 'integer')
      .addColumn('rule_id', 'varchar(36)')
      .addColumn('submitted_by', 'varchar(36)')
      .addColumn('verified_by', 'varchar(36)')
      .addColumn('verified_by_name', 'varchar(100)')
      .addColumn('verified_at', 'varchar(32)')
      .addColumn('reject_reason', 'varchar(500)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('publicity_output_rank_idx').on('publicity_output').columns(['status', 'published_on']).execute();
  await db.schema.createIndex('publicity_output_person_idx').on('publicity_output').column('person_id').execute();

  await table(db, 'official_account', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('platform', 'varchar(32)', (c) => c.notNull())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('operator_person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('reviewer_person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('verified', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('official_account_org_idx').on('official_account').column('org_id').execute();

  await table(db, 'publicity_incident', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('occurred_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await table(db, 'publicity_release', (b) =>
    b
      .addColumn('incident_id', 'varchar(36)', (c) => c.notNull().references('publicity_incident.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('account_id', 'varchar(36)', (c) => c.references('official_account.id'))
      .addColumn('summary', 'varchar(500)', (c) => c.notNull()),
  );
  await db.schema.createIndex('publicity_release_incident_idx').on('publicity_release').columns(['incident_id', 'at']).execute();

  for (const t of [
    'publicity_rule',
    'publicity_reporter',
    'publicity_output',
    'official_account',
    'publicity_incident',
    'publicity_release',
  ]) {
    await db.schema.createIndex(`${t}_city_uq`).on(t).columns(['id', 'city_code']).unique().execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'publicity_release',
    'publicity_incident',
    'official_account',
    'publicity_output',
    'publicity_reporter',
    'publicity_rule',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
