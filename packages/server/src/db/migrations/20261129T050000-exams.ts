import type { Kysely } from 'kysely';

/**
 * Online exams (在线考试): exams with their frozen examinee lists, one session per attempt holding
 * the examinee's drawn paper as a JSON snapshot, autosaved answers (one row per item, upserted
 * and guarded by a per-item sequence number), the blind manual-grading queue, and the results
 * kept on each person's record once published.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exam')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('paper_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('paper_title', 'varchar(200)', (c) => c.notNull())
    .addColumn('total_score', 'real', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('starts_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ends_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('attempts_allowed', 'integer', (c) => c.notNull())
    .addColumn('pass_score', 'real', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('source_exam_id', 'varchar(36)', (c) => c.references('exam.id'))
    .addColumn('scheduled_at', 'varchar(32)')
    .addColumn('results_published_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_org_idx').on('exam').columns(['org_id', 'starts_at']).execute();
  await db.schema.createIndex('exam_id_city_uq').on('exam').columns(['id', 'city_code']).unique().execute();

  // Examinees frozen at scheduling, with their org and establishment unit at that moment.
  await db.schema
    .createTable('exam_examinee')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('exam_id', 'varchar(36)', (c) => c.notNull().references('exam.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('unit_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_examinee_uq').on('exam_examinee').columns(['exam_id', 'person_id']).unique().execute();
  await db.schema.createIndex('exam_examinee_person_idx').on('exam_examinee').column('person_id').execute();
  await db.schema.createIndex('exam_examinee_id_city_uq').on('exam_examinee').columns(['id', 'city_code']).unique().execute();

  await db.schema
    .createTable('exam_session')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('exam_id', 'varchar(36)', (c) => c.notNull().references('exam.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    /** The account that started or last resumed the attempt; every write must come from it. */
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    /** SHA-256 of the newest start's token; an older token no longer finds the row. */
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('finalised_by', 'varchar(16)')
    .addColumn('focus_loss_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('objective_score', 'real')
    .addColumn('manual_score', 'real')
    .addColumn('score', 'real')
    .addColumn('pending_manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_session_token_uq').on('exam_session').column('token_hash').unique().execute();
  await db.schema.createIndex('exam_session_attempt_uq').on('exam_session').columns(['exam_id', 'person_id', 'attempt']).unique().execute();
  await db.schema.createIndex('exam_session_due_idx').on('exam_session').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('exam_session_id_city_uq').on('exam_session').columns(['id', 'city_code']).unique().execute();

  // Autosave: one row per (session, item), upserted only when the incoming seq is newer.
  await db.schema
    .createTable('exam_answer')
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('exam_session.id'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('saved_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_answer_pk', ['session_id', 'no'])
    .execute();

  // The blind grading queue: a copy of each non-blank short answer, no person in it.
  await db.schema
    .createTable('exam_manual_grade')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('exam_id', 'varchar(36)', (c) => c.notNull().references('exam.id'))
    .addColumn('session_id', 'varchar(36)', (c) => c.notNull().references('exam_session.id'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('response_text', 'text', (c) => c.notNull())
    .addColumn('max_score', 'real', (c) => c.notNull())
    .addColumn('score', 'real')
    .addColumn('comment', 'varchar(1000)')
    .addColumn('grader_id', 'varchar(36)')
    .addColumn('graded_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_manual_grade_queue_idx').on('exam_manual_grade').columns(['exam_id', 'graded_at']).execute();
  await db.schema.createIndex('exam_manual_grade_session_uq').on('exam_manual_grade').columns(['session_id', 'no']).unique().execute();
  await db.schema.createIndex('exam_manual_grade_id_city_uq').on('exam_manual_grade').columns(['id', 'city_code']).unique().execute();

  // Results on the person's record (成绩档案), written when results are published.
  await db.schema
    .createTable('exam_result')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('exam_id', 'varchar(36)', (c) => c.notNull().references('exam.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('exam_title', 'varchar(200)', (c) => c.notNull())
    .addColumn('exam_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('exam_ends_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('taken_at', 'varchar(32)')
    .addColumn('score', 'real')
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('absent', 'integer', (c) => c.notNull())
    .addColumn('pass_score', 'real', (c) => c.notNull())
    .addColumn('total_score', 'real', (c) => c.notNull())
    .addColumn('attempts_used', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exam_result_uq').on('exam_result').columns(['exam_id', 'person_id']).unique().execute();
  await db.schema.createIndex('exam_result_person_idx').on('exam_result').columns(['person_id', 'exam_ends_at']).execute();
  await db.schema.createIndex('exam_result_id_city_uq').on('exam_result').columns(['id', 'city_code']).unique().execute();
}
