import type { Kysely } from 'kysely';

/** Additive: a province may take it before its cities (ADR 027). */
export const change = 'additive';

/**
 * Province–city replication (省市两级建库, ADR 027) and several app nodes on one database.
 * - rate_counter: fixed-window counters (login, portal and sign-in-code limits) shared by every node.
 * - replication_heartbeat: one row per city, beaten every few seconds and replicated, so the
 *   province measures staleness from it (replay_lag is NULL while idle).
 * - schema_version: the migrations this instance has, replicated upward, so the province can tell
 *   whether every city already took a subtractive change.
 * - replication_city, replication_check: the province's own list of subscribed cities and the
 *   results of reconciliation; never replicated.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_counter')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_counter_expiry_idx').on('rate_counter').column('expires_at').execute();
  await db.schema
    .createTable('replication_heartbeat')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('beat_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('schema_version')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('change', 'varchar(16)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schema_version_city_idx').on('schema_version').columns(['city_code', 'name']).execute();
  await db.schema
    .createTable('replication_city')
    .addColumn('city_code', 'varchar(6)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('conninfo', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('replication_check')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('table_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('city_rows', 'integer', (c) => c.notNull())
    .addColumn('province_rows', 'integer', (c) => c.notNull())
    .addColumn('diverged', 'text', (c) => c.notNull())
    .addColumn('repaired', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('replication_check_city_idx').on('replication_check').columns(['city_code', 'checked_at']).execute();
}
