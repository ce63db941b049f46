import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Connection } from '../../db/connect.ts';
import type { Db, Trx } from '../../db/database.ts';
import { appendAudit, systemActor } from '../audit/audit-service.ts';
import type { Clock } from '../clock.ts';
import { BackupError } from './backup-errors.ts';
import { osUser } from './os-user.ts';
import { writeBackupFile, type BackupManifest, type ManifestDraft } from './backup-file.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { JsonlWriter, sqliteSnapshotFacts } from './payloads.ts';
import { encodeValue, listColumns, listTables } from './table-io.ts';

const FETCH = 1_000;

/**
 * SQLite: `VACUUM INTO` copies one read transaction's snapshot, so the server may keep writing
 * (WAL) while it runs; the copy also leaves out free pages, where deleted personal data could
 * linger (L3-CES1-33).
 */
function snapshotSqlite(sqlite: SQLite.Database, payload: string, base: DraftBase): ManifestDraft {
  sqlite.prepare('VACUUM INTO ?').run(payload);
  return { ...base, dialect: 'sqlite', payload: 'sqlite-db', ...sqliteSnapshotFacts(payload) };
}

type DraftBase = Pick<ManifestDraft, 'format' | 'version' | 'createdAt' | 'keyFingerprint'>;

/** One table through a cursor, so memory does not grow with the table; returns the row count. */
async function dumpTable(trx: Trx, out: JsonlWriter, table: string): Promise<number> {
  const columns = await listColumns(trx, 'postgres', table);
  await out.line({ table, columns });
  const select = sql`select ${sql.join(columns.map((c) => sql.id(c)))} from ${sql.table(table)}`;
  await sql`declare zg_dump no scroll cursor for ${select}`.execute(trx);
  let count = 0;
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`fetch ${sql.raw(String(FETCH))} from zg_dump`.execute(trx);
    for (const row of rows) await out.line(columns.map((c) => encodeValue(row[c])));
    count += rows.length;
    if (rows.length < FETCH) break;
  }
  await sql`close zg_dump`.execute(trx);
  return count;
}

/**
 * PostgreSQL: every table's rows as JSON lines, read inside one REPEATABLE READ, READ ONLY
 * transaction — a single snapshot across all tables, taken without blocking writers.
 */
async function dumpPostgres(db: Db, payload: string, base: DraftBase): Promise<ManifestDraft> {
  const out = new JsonlWriter(payload);
  try {
    return await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const tables: Record<string, number> = {};
        for (const table of await listTables(trx, 'postgres')) tables[table] = await dumpTable(trx, out, table);
        const migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx)).rows.map(
          (r) => r.name,
        );
        const head = await trx.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirst();
        const auditHead = { seq: head?.last_seq ?? 0, hash: head?.last_hash ?? '' };
        return { ...base, dialect: 'postgres', payload: 'jsonl', tables, migrations, auditHead } as const;
      });
  } finally {
    await out.close();
  }
}

/**
 * Writes a backup of the whole database to `target` (never overwriting one) and records it in
 * the audit log with the file's SM3, tying the file to the chain. If that audit row cannot be
 * written the file is removed: no unrecorded copies of the data (fail closed).
 */
export async function createBackup(
  connection: Connection,
  clock: Clock,
  target: string,
  dataDir: string,
  /** The file the audit row names: the sealed archive when this database file goes inside one. */
  recordedAs: string = target,
  extraDetail: Record<string, string | number> = {},
): Promise<BackupManifest> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new BackupError('BACKUP_TARGET_EXISTS', { file });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Work beside the target, not in /tmp: same filesystem for the rename, and room for a large payload.
  const work = fs.mkdtempSync(path.join(path.dirname(file), '.zg-backup-'));
  let manifest: BackupManifest;
  try {
    const payload = path.join(work, 'payload');
    const base = {
      format: 'zhenggong-backup',
      version: 1,
      createdAt: clock.now().toISOString(),
      keyFingerprint: keyFingerprint(dataDir),
    } as const;
    const draft = connection.sqlite ? snapshotSqlite(connection.sqlite, payload, base) : await dumpPostgres(connection.db, payload, base);
    manifest = await writeBackupFile(file, draft, payload);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  try {
    await connection.db.transaction().execute((trx) =>
      appendAudit(trx, clock, systemActor, {
        eventType: 'system.backup',
        detail: {
          file: path.resolve(recordedAs),
          ...extraDetail,
          bytes: manifest.payloadBytes,
          sm3: manifest.payloadSm3,
          dialect: manifest.dialect,
          auditHeadSeq: manifest.auditHead.seq,
          keyFingerprint: manifest.keyFingerprint,
          tables: Object.keys(manifest.tables).length,
          via: 'cli',
          osUser: osUser(),
        },
      }),
    );
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  return manifest;
}
