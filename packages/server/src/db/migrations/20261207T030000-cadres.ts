import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Cadres and ranks (干部和职级警衔): promotion cases, 套改 batches and their lines, edited rule
 * sets, cadre records (任免、考察、约谈、激励、容错纠错、挂职交流), leadership-team posts, targets and
 * evaluations, and the young-cadre pool. Also the two record items promotion needs on the person:
 * 职级任职时间 (level_date) and 职务层次 (post_level).
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').addColumn('level_date', 'varchar(10)').execute();
  await db.schema.alterTable('person').addColumn('post_level', 'varchar(16)').execute();

  await table(db, 'cadre_rule_set', (b) =>
    b
      .addColumn('rule_id', 'varchar(60)', (c) => c.notNull().unique())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('based_on', 'varchar(60)')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await table(db, 'cadre_promotion', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('track', 'varchar(8)', (c) => c.notNull())
      .addColumn('from_code', 'varchar(4)', (c) => c.notNull())
      .addColumn('to_code', 'varchar(4)', (c) => c.notNull())
      .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('decided_on', 'varchar(10)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('cadre_promotion_person_idx').on('cadre_promotion').columns(['person_id', 'status']).execute();
  await table(db, 'cadre_conversion_batch', (b) =>
    b
      .addColumn('rule_set_id', 'varchar(60)', (c) => c.notNull())
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('people', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)'),
  );
  await table(db, 'cadre_conversion_line', (b) =>
    b
      .addColumn('batch_id', 'varchar(36)', (c) => c.notNull().references('cadre_conversion_batch.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('sequence', 'varchar(16)', (c) => c.notNull())
      .addColumn('from_code', 'varchar(4)', (c) => c.notNull())
      .addColumn('to_code', 'varchar(4)', (c) => c.notNull()),
  );
  await db.schema.createIndex('cadre_conversion_line_batch_idx').on('cadre_conversion_line').columns(['batch_id']).execute();
  await table(db, 'cadre_record', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('title', 'varchar(100)', (c) => c.notNull())
      .addColumn('doc_no', 'varchar(60)')
      .addColumn('host_unit', 'varchar(100)')
      .addColumn('result', 'varchar(200)')
      .addColumn('detail_enc', 'text')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('cadre_record_person_idx').on('cadre_record').columns(['person_id', 'date']).execute();
  await table(db, 'cadre_post', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('title', 'varchar(40)', (c) => c.notNull())
      .addColumn('seat_order', 'integer', (c) => c.notNull())
      .addColumn('person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('since', 'varchar(10)')
      .addColumn('doc_no', 'varchar(60)'),
  );
  await db.schema.createIndex('cadre_post_org_idx').on('cadre_post').columns(['org_id', 'seat_order']).execute();
  await table(db, 'cadre_team_target', (b) =>
    b.addColumn('org_id', 'varchar(36)', (c) => c.notNull().unique().references('org.id')).addColumn('targets', 'text', (c) => c.notNull()),
  );
  await table(db, 'cadre_team_evaluation', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('date', 'varchar(10)', (c) => c.notNull())
      .addColumn('title', 'varchar(100)', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('followups', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('cadre_team_evaluation_org_idx').on('cadre_team_evaluation').columns(['org_id', 'date']).execute();
  await table(db, 'cadre_young', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().unique().references('person.id'))
      .addColumn('entered_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('plan', 'varchar(1000)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('rotations', 'text', (c) => c.notNull()),
  );
}
