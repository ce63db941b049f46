import { Migrator, sql } from 'kysely';
import type { Dialect } from '../../db/connect.ts';
import type { Db, Executor } from '../../db/database.ts';
import { migrations } from '../../db/migrations/index.ts';
import { verifyAuditChain, type VerifyResult } from '../audit/audit-service.ts';
import { BackupError } from './backup-errors.ts';
import type { BackupManifest } from './backup-file.ts';
import { countRows, insertChunk, listTables, type TableChunk } from './table-io.ts';

/** The backup's migrations must be the first N of ours: restoring a newer schema's data is refused. */
export function checkMigrations(manifest: BackupManifest): string {
  const ours = Object.keys(migrations).sort();
  manifest.migrations.forEach((name, i) => {
    if (ours[i] !== name) throw new BackupError('BACKUP_NEWER_SCHEMA', { migration: name });
  });
  const last = manifest.migrations.at(-1);
  if (!last) throw new BackupError('BACKUP_CORRUPT', { reason: 'no migrations recorded' });
  return last;
}

/**
 * Builds the schema exactly as the source had it, so the rows fit; newer migrations run after
 * the data is in, as they would have on the source. `inTransaction`: the caller already holds
 * one (PostgreSQL restore), so the migrator must not open its own.
 */
export async function migrateTo(db: Db, name: string, inTransaction: boolean): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, disableTransactions: inTransaction });
  const result = await migrator.migrateTo(name);
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
}

/**
 * Replaces the contents of every table in the backup with its rows. Tables are cleared first
 * because migrations seed some (audit_head, the migration bookkeeping).
 */
export async function loadChunks(db: Executor, dialect: Dialect, chunks: AsyncIterable<TableChunk>): Promise<void> {
  const known = new Set(await listTables(db, dialect));
  const cleared = new Set<string>();
  for await (const chunk of chunks) {
    if (!known.has(chunk.table)) throw new BackupError('BACKUP_SCHEMA_MISMATCH', { table: chunk.table });
    if (!cleared.has(chunk.table)) {
      await sql`delete from ${sql.table(chunk.table)}`.execute(db);
      cleared.add(chunk.table);
    }
    if (chunk.rows.length > 0) await insertChunk(db, chunk);
  }
}

interface ForeignKey {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

/**
 * PostgreSQL checks foreign keys per statement and ours are not DEFERRABLE, while rows (the org
 * tree's parent links) arrive in table order. The constraints are dropped and re-added inside
 * the restore transaction, which re-validates every row — no superuser rights needed.
 */
export async function dropForeignKeys(db: Executor): Promise<ForeignKey[]> {
  const { rows } = await sql<ForeignKey>`
    select t.relname as "table", c.conname as "name", pg_get_constraintdef(c.oid) as "definition"
    from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  for (const fk of rows) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.id(fk.name)}`.execute(db);
  return rows;
}

export async function addForeignKeys(db: Executor, keys: readonly ForeignKey[]): Promise<void> {
  // The definitions come from pg_get_constraintdef of this very database, not from the backup file.
  for (const fk of keys)
    await sql`alter table ${sql.table(fk.table)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(db);
}

/** Row counts must equal the manifest's, and the audit chain must verify (unless the operator accepts a broken one). */
export async function checkRestored(db: Db, manifest: BackupManifest, allowBrokenAudit: boolean): Promise<VerifyResult> {
  for (const [table, expected] of Object.entries(manifest.tables)) {
    const actual = await countRows(db, table);
    if (actual !== expected) throw new BackupError('BACKUP_CORRUPT', { reason: `${table}: ${actual} rows, manifest says ${expected}` });
  }
  const audit = await verifyAuditChain(db);
  if (!audit.ok && !allowBrokenAudit)
    throw new BackupError('RESTORE_AUDIT_BROKEN', { seq: audit.brokenAt ?? 0, reason: audit.reason ?? '' });
  return audit;
}
