import type { Kysely } from 'kysely';

/**
 * Scheduled jobs kept in the database (platform/jobs): one job_run row per (job, slot) — the
 * unique index is what keeps two app instances on one database from running a slot twice —
 * and import reports, so any node can serve an import's error report.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_run')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('job', 'varchar(64)', (c) => c.notNull())
    .addColumn('slot', 'varchar(64)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('owner', 'varchar(64)', (c) => c.notNull())
    .addColumn('lease_until', 'varchar(32)', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(32)')
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('error', 'varchar(2000)')
    .addColumn('result', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('job_run_slot_uq').on('job_run').columns(['job', 'slot', 'city_code']).unique().execute();
  await db.schema.createIndex('job_run_id_city_uq').on('job_run').columns(['id', 'city_code']).unique().execute();
  await db.schema.createIndex('job_run_state_idx').on('job_run').columns(['job', 'state', 'created_at']).execute();

  await db.schema
    .createTable('import_report')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('owner_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_report_id_city_uq').on('import_report').columns(['id', 'city_code']).unique().execute();
  await db.schema.createIndex('import_report_expiry_idx').on('import_report').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_report').execute();
  await db.schema.dropTable('job_run').execute();
}
