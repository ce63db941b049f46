import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Personnel records (队伍信息): a person core shared by officers (民警) and auxiliary officers (辅警),
 * their current values for fast search, and history as dated rows that are never overwritten.
 */
type Builder = CreateTableBuilder<string, never>;

/** Columns every history table has. */
const historyTable = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(
    db.schema
      .createTable(name)
      .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id')),
  )
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('name_pinyin', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_initials', 'varchar(50)', (c) => c.notNull())
    .addColumn('former_names', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_bidx', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_number_masked', 'varchar(18)', (c) => c.notNull())
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('ethnicity', 'varchar(4)')
    .addColumn('political_status', 'varchar(4)')
    .addColumn('party_join_date', 'varchar(10)')
    .addColumn('native_place', 'varchar(6)')
    .addColumn('birthplace', 'varchar(6)')
    .addColumn('education', 'varchar(4)')
    .addColumn('degree', 'varchar(20)')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_masked', 'varchar(20)')
    .addColumn('photo', 'varchar(100)')
    .addColumn('work_start_date', 'varchar(10)')
    .addColumn('police_start_date', 'varchar(10)')
    .addColumn('police_number', 'varchar(20)')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('post', 'varchar(100)')
    .addColumn('rank', 'varchar(4)')
    .addColumn('rank_date', 'varchar(10)')
    .addColumn('officer_level', 'varchar(4)')
    .addColumn('tech_level', 'varchar(4)')
    .addColumn('aux_category', 'varchar(32)')
    .addColumn('contract_end', 'varchar(10)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('status_date', 'varchar(10)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_id_number_uq').on('person').column('id_number_bidx').unique().execute();
  await db.schema.createIndex('person_police_number_uq').on('person').column('police_number').unique().execute();
  await db.schema.createIndex('person_org_idx').on('person').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('person_pinyin_idx').on('person').column('name_pinyin').execute();
  await db.schema.createIndex('person_initials_idx').on('person').column('name_initials').execute();
  await db.schema.createIndex('person_name_idx').on('person').column('name').execute();
  await db.schema.createIndex('person_birth_idx').on('person').column('birth_date').execute();
  await db.schema.createIndex('person_id_city_uq').on('person').columns(['id', 'city_code']).unique().execute();

  await historyTable(db, 'person_org_history', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('post', 'varchar(100)')
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)'),
  );
  await db.schema
    .createIndex('person_org_history_asof_idx')
    .on('person_org_history')
    .columns(['org_id', 'start_date', 'end_date'])
    .execute();
  await db.schema.createIndex('person_org_history_person_idx').on('person_org_history').columns(['person_id', 'start_date']).execute();

  await historyTable(db, 'person_rank_history', (b) =>
    b
      .addColumn('rank', 'varchar(4)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('note', 'varchar(200)'),
  );
  await historyTable(db, 'person_level_history', (b) =>
    b
      .addColumn('sequence', 'varchar(16)', (c) => c.notNull())
      .addColumn('level', 'varchar(4)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)'),
  );
  await historyTable(db, 'person_post_history', (b) =>
    b
      .addColumn('post', 'varchar(100)', (c) => c.notNull())
      .addColumn('org_id', 'varchar(36)', (c) => c.references('org.id'))
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)'),
  );
  await historyTable(db, 'person_status_history', (b) =>
    b
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('note', 'varchar(200)'),
  );
  await historyTable(db, 'person_education', (b) =>
    b
      .addColumn('level', 'varchar(4)', (c) => c.notNull())
      .addColumn('degree', 'varchar(20)')
      .addColumn('school', 'varchar(100)')
      .addColumn('major', 'varchar(100)')
      .addColumn('full_time', 'integer', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)')
      .addColumn('end_date', 'varchar(10)'),
  );
  await historyTable(db, 'person_family', (b) =>
    b
      .addColumn('relation', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(50)', (c) => c.notNull())
      .addColumn('birth_date', 'varchar(10)')
      .addColumn('political_status', 'varchar(4)')
      .addColumn('work_unit', 'varchar(200)'),
  );
  await historyTable(db, 'person_resume', (b) =>
    b
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('text', 'varchar(500)', (c) => c.notNull()),
  );
  await historyTable(db, 'person_award', (b) =>
    b
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('level', 'varchar(32)')
      .addColumn('issuer', 'varchar(200)'),
  );
  await historyTable(db, 'person_discipline', (b) =>
    b
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('reason', 'varchar(500)')
      .addColumn('end_date', 'varchar(10)'),
  );
  for (const t of [
    'person_rank_history',
    'person_level_history',
    'person_post_history',
    'person_status_history',
    'person_education',
    'person_family',
    'person_resume',
    'person_award',
    'person_discipline',
  ]) {
    await db.schema.createIndex(`${t}_person_idx`).on(t).column('person_id').execute();
  }

  await db.schema
    .createTable('saved_filter')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('module', 'varchar(32)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_filter_user_idx').on('saved_filter').columns(['user_id', 'module']).execute();

  await db.schema
    .createTable('correction_request')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('requested_by', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_note', 'varchar(500)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('correction_request_person_idx').on('correction_request').columns(['person_id', 'status']).execute();
}
