import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Life cycle of auxiliary officers (辅警管理): labour contracts, monthly assessment with its
 * reward/penalty fund, pay grades, dated rule data (grade table, pay scale, social insurance),
 * uniform issuance and exits. People themselves live in the personnel module's `person` table.
 */
type Builder = CreateTableBuilder<string, never>;

const table = (db: Kysely<any>, name: string, columns: (b: Builder) => Builder) =>
  columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'aux_rule', (b) =>
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
  await db.schema.createIndex('aux_rule_pick_idx').on('aux_rule').columns(['rule_set', 'jurisdiction', 'effective_from']).execute();

  await table(db, 'aux_contract', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('previous_id', 'varchar(36)', (c) => c.references('aux_contract.id'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('ended_date', 'varchar(10)')
      .addColumn('end_reason', 'varchar(500)')
      .addColumn('note', 'varchar(500)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('aux_contract_person_idx').on('aux_contract').columns(['person_id', 'sequence']).execute();
  await db.schema.createIndex('aux_contract_due_idx').on('aux_contract').columns(['status', 'end_date']).execute();

  await table(db, 'aux_assessment_month', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('month', 'varchar(7)', (c) => c.notNull())
      .addColumn('fund_fen', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('grade_table', 'text')
      .addColumn('total_fen', 'integer')
      .addColumn('confirmed_by', 'varchar(36)')
      .addColumn('confirmed_by_name', 'varchar(100)')
      .addColumn('confirmed_at', 'varchar(32)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('aux_assessment_month_uq').on('aux_assessment_month').columns(['org_id', 'month']).unique().execute();
  await db.schema.createIndex('aux_assessment_month_month_idx').on('aux_assessment_month').column('month').execute();

  await table(db, 'aux_assessment_entry', (b) =>
    b
      .addColumn('month_id', 'varchar(36)', (c) => c.notNull().references('aux_assessment_month.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('grade', 'varchar(16)')
      .addColumn('score', 'real')
      .addColumn('amount_fen', 'integer')
      .addColumn('note', 'varchar(500)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('aux_assessment_entry_uq').on('aux_assessment_entry').columns(['month_id', 'person_id']).unique().execute();
  await db.schema.createIndex('aux_assessment_entry_person_idx').on('aux_assessment_entry').column('person_id').execute();

  await table(db, 'aux_pay_grade', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('grade', 'varchar(32)', (c) => c.notNull())
      .addColumn('personal_adjust_fen', 'integer', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('adjustment_id', 'varchar(36)')
      .addColumn('note', 'varchar(500)'),
  );
  await db.schema.createIndex('aux_pay_grade_person_idx').on('aux_pay_grade').columns(['person_id', 'start_date']).execute();

  await table(db, 'aux_pay_adjustment', (b) =>
    b
      .addColumn('org_id', 'varchar(36)', (c) => c.references('org.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('filter', 'text', (c) => c.notNull())
      .addColumn('effective_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('people_count', 'integer', (c) => c.notNull())
      .addColumn('before_total_fen', 'integer', (c) => c.notNull())
      .addColumn('after_total_fen', 'integer', (c) => c.notNull())
      .addColumn('note', 'varchar(500)')
      .addColumn('created_by', 'varchar(36)')
      .addColumn('created_by_name', 'varchar(100)'),
  );

  await table(db, 'aux_uniform', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('item', 'varchar(50)', (c) => c.notNull())
      .addColumn('size', 'varchar(20)')
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('issue_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('next_due_date', 'varchar(10)')
      .addColumn('note', 'varchar(500)'),
  );
  await db.schema.createIndex('aux_uniform_person_idx').on('aux_uniform').columns(['person_id', 'issue_date']).execute();

  await table(db, 'aux_exit', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('exit_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('reason', 'varchar(500)', (c) => c.notNull())
      .addColumn('contract_id', 'varchar(36)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('aux_exit_person_idx').on('aux_exit').column('person_id').execute();
}
