import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Team-condition analysis and early warning (队伍质态研判): recorded facts from sources whose own
 * modules are not there yet, monthly indicator snapshots, versioned rules, alerts with their
 * intervention log, appeals, models, cockpit snapshots and quarterly branch reports.
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'ew_fact', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('kind', 'varchar(24)', (c) => c.notNull())
      .addColumn('event_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('known_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('value', 'real', (c) => c.notNull())
      .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'varchar(200)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('ew_fact_known_idx').on('ew_fact').columns(['known_date', 'person_id']).execute();
  await db.schema.createIndex('ew_fact_person_idx').on('ew_fact').columns(['person_id', 'kind', 'event_date']).execute();

  await db.schema
    .createTable('ew_indicator_snapshot')
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('indicator', 'varchar(32)', (c) => c.notNull())
    .addColumn('value', 'real')
    .addColumn('peer_key', 'varchar(120)')
    .addColumn('peer_n', 'integer')
    .addColumn('peer_pct', 'real')
    .addColumn('peer_z', 'real')
    .addColumn('refs', 'text', (c) => c.notNull())
    .addColumn('run_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ew_indicator_snapshot_pk', ['as_of', 'person_id', 'indicator'])
    .execute();
  await db.schema.createIndex('ew_indicator_snapshot_person_idx').on('ew_indicator_snapshot').columns(['person_id', 'as_of']).execute();

  await table(db, 'ew_policy', (b) =>
    b
      .addColumn('code', 'varchar(40)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('evidence', 'varchar(1)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('ew_policy_uq').on('ew_policy').columns(['code', 'version', 'city_code']).unique().execute();

  await table(db, 'ew_run', (b) =>
    b
      .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
      .addColumn('people', 'integer', (c) => c.notNull())
      .addColumn('snapshots', 'integer', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('finished_at', 'varchar(32)', (c) => c.notNull()),
  );

  await table(db, 'ew_alert', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('policy_code', 'varchar(40)', (c) => c.notNull())
      .addColumn('policy_version', 'integer', (c) => c.notNull())
      .addColumn('level', 'varchar(16)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('first_as_of', 'varchar(10)', (c) => c.notNull())
      .addColumn('last_as_of', 'varchar(10)', (c) => c.notNull())
      .addColumn('sentence', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('model', 'text')
      .addColumn('officer_visible', 'integer', (c) => c.notNull())
      .addColumn('assignee_id', 'varchar(36)')
      .addColumn('due_on', 'varchar(10)')
      .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('case_id', 'varchar(36)')
      .addColumn('outcome', 'varchar(16)')
      .addColumn('closed_on', 'varchar(10)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('ew_alert_person_idx').on('ew_alert').columns(['person_id', 'policy_code', 'status']).execute();
  await db.schema.createIndex('ew_alert_status_idx').on('ew_alert').columns(['status', 'due_on']).execute();

  await table(db, 'ew_alert_event', (b) =>
    b
      .addColumn('alert_id', 'varchar(36)', (c) => c.notNull().references('ew_alert.id'))
      .addColumn('action', 'varchar(24)', (c) => c.notNull())
      .addColumn('actor_id', 'varchar(36)')
      .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('data', 'text'),
  );
  await db.schema.createIndex('ew_alert_event_alert_idx').on('ew_alert_event').columns(['alert_id', 'created_at']).execute();

  await table(db, 'ew_appeal', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('fact_ref', 'varchar(80)', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('reviewer_id', 'varchar(36)')
      .addColumn('answer', 'text')
      .addColumn('decided_at', 'varchar(32)'),
  );
  await db.schema.createIndex('ew_appeal_person_idx').on('ew_appeal').columns(['person_id', 'status']).execute();

  await table(db, 'ew_model', (b) =>
    b
      .addColumn('version', 'varchar(40)', (c) => c.notNull())
      .addColumn('trained_through', 'varchar(10)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('metrics', 'text', (c) => c.notNull()),
  );

  await db.schema
    .createTable('ew_model_score')
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('rank_pct', 'real', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ew_model_score_pk', ['as_of', 'person_id'])
    .execute();

  // Cockpit (驾驶舱): one row per establishment unit, figure and bucket, summed up the org tree when read.
  await db.schema
    .createTable('ew_cockpit_figure')
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('figure', 'varchar(24)', (c) => c.notNull())
    .addColumn('bucket', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ew_cockpit_figure_pk', ['as_of', 'org_id', 'figure', 'bucket'])
    .execute();
  await db.schema
    .createTable('ew_cockpit_member')
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('age_band', 'varchar(16)', (c) => c.notNull())
    .addColumn('rank', 'varchar(40)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ew_cockpit_member_pk', ['as_of', 'person_id'])
    .execute();
  await db.schema.createIndex('ew_cockpit_member_org_idx').on('ew_cockpit_member').columns(['as_of', 'org_id', 'kind']).execute();

  await table(db, 'ew_report', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('quarter', 'varchar(6)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('figures', 'text', (c) => c.notNull())
      .addColumn('sections', 'text', (c) => c.notNull())
      .addColumn('case_id', 'varchar(36)')
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('ew_report_uq').on('ew_report').columns(['org_id', 'quarter']).unique().execute();
}
