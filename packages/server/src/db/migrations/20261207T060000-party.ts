import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Party building (基层党建): party organisations mapped onto the org tree, the member pipeline with
 * its dated steps, 三会一课 meetings with sign-in and attendance, dues payments, nominations decided
 * through the workflow, and the dated rule data. People stay in personnel's `person` table.
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'party_rule', (b) =>
    b
      .addColumn('rule_set', 'varchar(32)', (c) => c.notNull())
      .addColumn('jurisdiction', 'varchar(6)', (c) => c.notNull())
      .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('evidence', 'varchar(1)', (c) => c.notNull())
      .addColumn('source', 'varchar(200)')
      .addColumn('note', 'varchar(1000)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('party_rule_pick_idx').on('party_rule').columns(['rule_set', 'jurisdiction', 'effective_from']).execute();

  await table(db, 'party_org', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('parent_id', 'varchar(36)', (c) => c.references('party_org.id'))
      .addColumn('secretary_person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('term_start', 'varchar(10)')
      .addColumn('term_end', 'varchar(10)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_org_org_idx').on('party_org').column('org_id').execute();

  await table(db, 'party_member', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('party_org_id', 'varchar(36)', (c) => c.notNull().references('party_org.id'))
      .addColumn('stage', 'varchar(16)', (c) => c.notNull())
      .addColumn('since', 'varchar(10)', (c) => c.notNull())
      .addColumn('extended_until', 'varchar(10)')
      .addColumn('admitted_on', 'varchar(10)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_member_person_uq').on('party_member').column('person_id').unique().execute();
  await db.schema.createIndex('party_member_org_idx').on('party_member').columns(['party_org_id', 'stage']).execute();

  await table(db, 'party_member_step', (b) =>
    b
      .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('party_member.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('stage', 'varchar(16)')
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('note', 'varchar(1000)')
      .addColumn('detail', 'varchar(500)')
      .addColumn('recorded_by', 'varchar(36)'),
  );
  await db.schema.createIndex('party_member_step_member_idx').on('party_member_step').columns(['member_id', 'date']).execute();

  await table(db, 'party_meeting', (b) =>
    b
      .addColumn('party_org_id', 'varchar(36)', (c) => c.notNull().references('party_org.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('planned_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('place', 'varchar(200)')
      .addColumn('agenda', 'varchar(1000)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('held_on', 'varchar(10)')
      .addColumn('minutes', 'text')
      .addColumn('resolutions', 'text')
      .addColumn('code', 'varchar(6)')
      .addColumn('code_opens_at', 'varchar(32)')
      .addColumn('code_closes_at', 'varchar(32)')
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_meeting_org_idx').on('party_meeting').columns(['party_org_id', 'held_on']).execute();

  await table(db, 'party_attendance', (b) =>
    b
      .addColumn('meeting_id', 'varchar(36)', (c) => c.notNull().references('party_meeting.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('method', 'varchar(16)', (c) => c.notNull())
      .addColumn('reason', 'varchar(200)')
      .addColumn('marked_by', 'varchar(36)')
      .addColumn('marked_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_attendance_uq').on('party_attendance').columns(['meeting_id', 'person_id']).unique().execute();

  await table(db, 'party_dues', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('party_org_id', 'varchar(36)', (c) => c.notNull().references('party_org.id'))
      .addColumn('month', 'varchar(7)', (c) => c.notNull())
      .addColumn('pay_fen', 'integer', (c) => c.notNull())
      .addColumn('rate_permille', 'integer', (c) => c.notNull())
      .addColumn('due_fen', 'integer', (c) => c.notNull())
      .addColumn('paid_fen', 'integer', (c) => c.notNull())
      .addColumn('paid_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('rule_id', 'varchar(36)')
      .addColumn('recorded_by', 'varchar(36)'),
  );
  await db.schema.createIndex('party_dues_uq').on('party_dues').columns(['person_id', 'month']).unique().execute();
  await db.schema.createIndex('party_dues_org_idx').on('party_dues').columns(['party_org_id', 'month']).execute();

  await table(db, 'party_selection', (b) =>
    b
      .addColumn('party_org_id', 'varchar(36)', (c) => c.notNull().references('party_org.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('party_selection_org_idx').on('party_selection').column('party_org_id').execute();

  for (const t of [
    'party_rule',
    'party_org',
    'party_member',
    'party_member_step',
    'party_meeting',
    'party_attendance',
    'party_dues',
    'party_selection',
  ]) {
    await db.schema.createIndex(`${t}_city_uq`).on(t).columns(['id', 'city_code']).unique().execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'party_selection',
    'party_dues',
    'party_attendance',
    'party_meeting',
    'party_member_step',
    'party_member',
    'party_org',
    'party_rule',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
