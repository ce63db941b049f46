import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Caring for the force (从优待警): leave applications and the annual-leave ledger, consent records,
 * wristbands and their readings and alerts, psychological cases, care records, check-up results, and
 * the dated rule data behind them. People live in personnel's `person` table.
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
const person = (b: Builder) => b.addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'welfare_rule', (b) =>
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
  await db.schema.createIndex('welfare_rule_pick_idx').on('welfare_rule').columns(['rule_set', 'jurisdiction', 'effective_from']).execute();

  await table(db, 'leave_application', (b) =>
    person(b)
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('days', 'real', (c) => c.notNull())
      .addColumn('counting', 'varchar(10)', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('reason', 'varchar(500)', (c) => c.notNull())
      .addColumn('home_visit_option', 'varchar(32)')
      .addColumn('home_visit_relation', 'varchar(32)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('decided_at', 'varchar(32)')
      .addColumn('cancelled_at', 'varchar(32)')
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('leave_application_person_idx').on('leave_application').columns(['person_id', 'start_date']).execute();
  await db.schema
    .createIndex('leave_application_dates_idx')
    .on('leave_application')
    .columns(['status', 'start_date', 'end_date'])
    .execute();

  await table(db, 'leave_ledger_entry', (b) =>
    person(b)
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('days', 'real', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('leave_ledger_person_idx').on('leave_ledger_entry').columns(['person_id', 'year']).execute();

  await table(db, 'welfare_consent', (b) =>
    person(b)
      .addColumn('category', 'varchar(16)', (c) => c.notNull())
      .addColumn('notice_version', 'varchar(20)', (c) => c.notNull())
      .addColumn('granted_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('withdrawn_at', 'varchar(32)'),
  );
  await db.schema
    .createIndex('welfare_consent_person_idx')
    .on('welfare_consent')
    .columns(['person_id', 'category', 'withdrawn_at'])
    .execute();

  await table(db, 'wearable_device', (b) =>
    person(b)
      .addColumn('serial', 'varchar(40)', (c) => c.notNull())
      .addColumn('model', 'varchar(60)')
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('last_reading_at', 'varchar(32)')
      .addColumn('retired_at', 'varchar(32)'),
  );
  await db.schema.createIndex('wearable_device_serial_uq').on('wearable_device').column('serial').unique().execute();
  await db.schema.createIndex('wearable_device_token_uq').on('wearable_device').column('token_hash').unique().execute();
  await db.schema.createIndex('wearable_device_person_idx').on('wearable_device').column('person_id').execute();

  await table(db, 'wearable_reading', (b) =>
    b
      .addColumn('device_id', 'varchar(36)', (c) => c.notNull().references('wearable_device.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('measured_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('value_enc', 'text', (c) => c.notNull()),
  );
  // Idempotency: a device resending a reading (same time, same kind) adds nothing.
  await db.schema
    .createIndex('wearable_reading_uq')
    .on('wearable_reading')
    .columns(['device_id', 'measured_at', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('wearable_reading_person_idx').on('wearable_reading').columns(['person_id', 'kind', 'measured_at']).execute();

  await table(db, 'wearable_alert', (b) =>
    person(b)
      .addColumn('device_id', 'varchar(36)')
      .addColumn('rule_code', 'varchar(40)', (c) => c.notNull())
      .addColumn('rule_name', 'varchar(40)', (c) => c.notNull())
      .addColumn('severity', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('peak', 'real')
      .addColumn('samples', 'integer', (c) => c.notNull())
      .addColumn('matched', 'integer', (c) => c.notNull())
      .addColumn('raised_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('acknowledged_by', 'varchar(36)')
      .addColumn('acknowledged_by_name', 'varchar(100)')
      .addColumn('acknowledged_at', 'varchar(32)')
      .addColumn('closed_at', 'varchar(32)')
      .addColumn('note', 'varchar(500)'),
  );
  await db.schema.createIndex('wearable_alert_person_idx').on('wearable_alert').columns(['person_id', 'rule_code', 'raised_at']).execute();
  await db.schema.createIndex('wearable_alert_status_idx').on('wearable_alert').columns(['status', 'raised_at']).execute();

  await table(db, 'psych_case', (b) =>
    person(b)
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('risk', 'varchar(8)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('summary_enc', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'varchar(36)')
      .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('next_date', 'varchar(10)')
      .addColumn('closed_at', 'varchar(32)')
      .addColumn('outcome_enc', 'text')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('psych_case_person_idx').on('psych_case').columns(['person_id', 'status']).execute();
  await table(db, 'psych_entry', (b) =>
    b
      .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('psych_case.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('note_enc', 'text', (c) => c.notNull())
      .addColumn('next_date', 'varchar(10)')
      .addColumn('by_user', 'varchar(36)')
      .addColumn('by_name', 'varchar(100)'),
  );
  await db.schema.createIndex('psych_entry_case_idx').on('psych_entry').columns(['case_id', 'date']).execute();

  await table(db, 'care_record', (b) =>
    b
      .addColumn('kind', 'varchar(24)', (c) => c.notNull())
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('detail_enc', 'text')
      .addColumn('amount_fen', 'integer')
      .addColumn('deadline', 'varchar(10)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('care_record_org_idx').on('care_record').columns(['org_id', 'kind', 'date']).execute();

  await table(db, 'health_checkup', (b) =>
    person(b)
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('hospital', 'varchar(100)')
      .addColumn('items_enc', 'text', (c) => c.notNull())
      .addColumn('abnormal_count', 'integer', (c) => c.notNull())
      .addColumn('follow_up', 'varchar(8)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('health_checkup_uq').on('health_checkup').columns(['person_id', 'date']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'health_checkup',
    'care_record',
    'psych_entry',
    'psych_case',
    'wearable_alert',
    'wearable_reading',
    'wearable_device',
    'welfare_consent',
    'leave_ledger_entry',
    'leave_application',
    'welfare_rule',
  ])
    await db.schema.dropTable(t).execute();
}
