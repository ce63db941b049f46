import type { Kysely } from 'kysely';

/**
 * Question banks (题库), questions with immutable versions, and papers (试卷).
 * A question row holds the current tags for filtering; every edit adds a question_version row
 * that is never changed afterwards, so papers drawn for past exams keep their wording and keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('qb_bank')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)')
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qb_bank_org_idx').on('qb_bank').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('qb_question')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('bank_id', 'varchar(36)', (c) => c.notNull().references('qb_bank.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('current_version_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('police_category', 'varchar(50)')
    .addColumn('subject', 'varchar(50)')
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('source_law', 'varchar(200)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qb_question_bank_idx').on('qb_question').columns(['bank_id', 'status', 'type', 'difficulty']).execute();
  await db.schema.createIndex('qb_question_org_idx').on('qb_question').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('qb_question_version')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qb_question.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('answer_key', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text')
    .addColumn('police_category', 'varchar(50)')
    .addColumn('subject', 'varchar(50)')
    .addColumn('difficulty', 'integer', (c) => c.notNull())
    .addColumn('source_law', 'varchar(200)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qb_question_version_uq').on('qb_question_version').columns(['question_id', 'version_no']).unique().execute();

  await db.schema
    .createTable('qb_paper')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('bank_ids', 'text', (c) => c.notNull())
    .addColumn('shuffle_questions', 'integer', (c) => c.notNull())
    .addColumn('shuffle_options', 'integer', (c) => c.notNull())
    .addColumn('partial_credit', 'real', (c) => c.notNull())
    .addColumn('total_score', 'real', (c) => c.notNull())
    .addColumn('pass_score', 'real')
    .addColumn('time_minutes', 'integer')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qb_paper_org_idx').on('qb_paper').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('qb_paper_item')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('paper_id', 'varchar(36)', (c) => c.notNull().references('qb_paper.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'varchar(36)', (c) => c.notNull().references('qb_question.id'))
    .addColumn('question_version_id', 'varchar(36)', (c) => c.notNull().references('qb_question_version.id'))
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qb_paper_item_paper_idx').on('qb_paper_item').columns(['paper_id', 'position']).execute();
  await db.schema.createIndex('qb_paper_item_version_idx').on('qb_paper_item').column('question_version_id').execute();

  await db.schema
    .createTable('qb_paper_rule')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('paper_id', 'varchar(36)', (c) => c.notNull().references('qb_paper.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('police_category', 'varchar(50)')
    .addColumn('subject', 'varchar(50)')
    .addColumn('difficulty', 'integer')
    .addColumn('source_law', 'varchar(200)')
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qb_paper_rule_paper_idx').on('qb_paper_rule').columns(['paper_id', 'position']).execute();
}
