import type { Kysely } from 'kysely';

/**
 * The approvals workflow (审批流): versioned definitions, cases, their tasks and history,
 * public-notice objections, delegations, in-app notifications and the official working-day
 * calendar (seeded at start-up from the `chinese-days` package: platform/workflow/calendar-seed.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('wf_definition')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(60)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('wf_definition_kind_version_uq', ['kind', 'version'])
    .execute();

  await db.schema
    .createTable('wf_case')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(60)', (c) => c.notNull())
    .addColumn('module', 'varchar(40)', (c) => c.notNull())
    .addColumn('definition_id', 'varchar(36)', (c) => c.notNull().references('wf_definition.id'))
    .addColumn('ref_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject_person_id', 'varchar(36)')
    .addColumn('subject_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('subject_org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('submitted_by', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('current_step', 'integer')
    .addColumn('step_due_on', 'varchar(10)')
    .addColumn('notice_ends_on', 'varchar(10)')
    .addColumn('link', 'varchar(200)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('wf_case_submitter_idx').on('wf_case').columns(['submitted_by', 'updated_at']).execute();
  await db.schema.createIndex('wf_case_ref_idx').on('wf_case').columns(['kind', 'ref_id']).execute();
  await db.schema.createIndex('wf_case_notice_idx').on('wf_case').columns(['status', 'notice_ends_on']).execute();

  // One row per approver per step entry; a decided or voided task stays as history.
  await db.schema
    .createTable('wf_task')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('wf_case.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)')
    .addColumn('reminded_at', 'varchar(32)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wf_task_user_idx').on('wf_task').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('wf_task_case_idx').on('wf_task').columns(['case_id', 'step']).execute();

  await db.schema
    .createTable('wf_action')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('wf_case.id'))
    .addColumn('step', 'integer')
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('on_behalf_of', 'varchar(36)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wf_action_case_idx').on('wf_action').columns(['case_id', 'created_at']).execute();
  await db.schema.createIndex('wf_action_actor_idx').on('wf_action').columns(['actor_id', 'case_id']).execute();

  await db.schema
    .createTable('wf_objection')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('wf_case.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('raised_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('resolution', 'varchar(1000)')
    .addColumn('resolved_by', 'varchar(36)')
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wf_objection_case_idx').on('wf_objection').columns(['case_id', 'status']).execute();

  await db.schema
    .createTable('wf_delegation')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('from_user_id', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('to_user_id', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)')
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wf_delegation_to_idx').on('wf_delegation').columns(['to_user_id', 'ends_on']).execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('link', 'varchar(300)')
    .addColumn('case_id', 'varchar(36)')
    .addColumn('read_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'read_at', 'created_at']).execute();

  // Versioned per year: an edit adds a version; the highest version of a year is in force.
  await db.schema
    .createTable('work_calendar')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(60)', (c) => c.notNull())
    .addColumn('note', 'varchar(200)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('work_calendar_year_version_uq', ['year', 'version', 'city_code'])
    .execute();
}
