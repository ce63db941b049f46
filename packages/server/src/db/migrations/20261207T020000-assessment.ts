import type { Kysely } from 'kysely';

/**
 * Performance assessment (百分制考核, 年度考核) and daily management (日常考核、谈心谈话、家访).
 * Schemes are versioned data; a round is one unit's period under one scheme version; results
 * keep the explanation they were computed with. Talk content is encrypted at rest.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('asm_scheme')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('subject', 'varchar(12)', (c) => c.notNull())
    .addColumn('person_kind', 'varchar(12)')
    .addColumn('period_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('evidence', 'varchar(1)', (c) => c.notNull())
    .addColumn('source', 'varchar(200)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('asm_scheme_code_version_uq', ['city_code', 'code', 'version'])
    .execute();

  await db.schema
    .createTable('asm_round')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('scheme_id', 'varchar(36)', (c) => c.notNull().references('asm_scheme.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('period', 'varchar(40)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('case_id', 'varchar(36)')
    .addColumn('as_of', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('asm_round_unit_period_uq', ['scheme_id', 'org_id', 'period'])
    .execute();

  await db.schema
    .createTable('asm_result')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull().references('asm_round.id'))
    .addColumn('person_id', 'varchar(36)')
    .addColumn('subject_org_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('subject_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('manual', 'text', (c) => c.notNull())
    .addColumn('self', 'text')
    .addColumn('explanation', 'text')
    .addColumn('base', 'double precision', (c) => c.notNull())
    .addColumn('bonus', 'double precision', (c) => c.notNull())
    .addColumn('deduction', 'double precision', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('suggested_grade', 'varchar(10)')
    .addColumn('grade', 'varchar(10)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asm_result_round_idx').on('asm_result').columns(['round_id', 'total']).execute();
  await db.schema.createIndex('asm_result_person_idx').on('asm_result').columns(['person_id']).execute();

  await db.schema
    .createTable('asm_appeal')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('result_id', 'varchar(36)', (c) => c.notNull().references('asm_result.id'))
    .addColumn('round_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('indicator_key', 'varchar(32)')
    .addColumn('reason_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('proposal', 'text')
    .addColumn('decision_note', 'varchar(500)')
    .addColumn('change', 'varchar(300)')
    .addColumn('case_id', 'varchar(36)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('asm_appeal_round_idx').on('asm_appeal').columns(['round_id', 'status']).execute();

  await db.schema
    .createTable('asm_daily_entry')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('category', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(300)', (c) => c.notNull())
    .addColumn('score', 'double precision')
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('recorded_by_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asm_daily_entry_person_idx').on('asm_daily_entry').columns(['person_id', 'date']).execute();

  await db.schema
    .createTable('asm_talk')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('talker', 'varchar(60)', (c) => c.notNull())
    .addColumn('topic_enc', 'text', (c) => c.notNull())
    .addColumn('follow_up_enc', 'text')
    .addColumn('agreed_note_enc', 'text')
    .addColumn('officer_agreed', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asm_talk_person_idx').on('asm_talk').columns(['person_id', 'date']).execute();

  await db.schema
    .createTable('asm_care_contact')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('participants', 'varchar(200)', (c) => c.notNull())
    .addColumn('note', 'varchar(500)')
    .addColumn('recorded_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('asm_care_contact_person_idx').on('asm_care_contact').columns(['person_id', 'date']).execute();

  // Versioned settings of the module (the talk-reminder interval), dated and tagged with evidence.
  await db.schema
    .createTable('asm_rule')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('rule_set', 'varchar(40)', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('evidence', 'varchar(1)', (c) => c.notNull())
    .addColumn('source', 'varchar(200)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}
