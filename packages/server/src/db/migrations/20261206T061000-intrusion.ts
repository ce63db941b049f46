import type { Kysely } from 'kysely';

/**
 * Intrusion thresholds (GB/T 22239 L3-CES1-22): alerts raised when one address fails too often,
 * and the temporary blocks they impose. Kept in the database, not in memory, so every app node
 * sees the same block (L3-CES1-31). Failures are counted from the audit log by address and time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_src_ip_idx').on('audit_log').columns(['src_ip', 'ts']).execute();
  await db.schema
    .createTable('security_alert')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('src_ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_alert_ip_idx').on('security_alert').columns(['src_ip', 'created_at']).execute();
  await db.schema
    .createTable('ip_block')
    .addColumn('ip', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('blocked_until', 'varchar(32)', (c) => c.notNull())
    .addColumn('alert_id', 'varchar(36)', (c) => c.notNull().references('security_alert.id'))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
}
