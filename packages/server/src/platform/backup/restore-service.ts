import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { connect, sqliteFile, type Connection } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { appendAudit, systemActor, type VerifyResult } from '../audit/audit-service.ts';
import type { Clock } from '../clock.ts';
import { BackupError } from './backup-errors.ts';
import { osUser } from './os-user.ts';
import { extractPayload, readBackupHeader, type BackupHeader, type BackupManifest } from './backup-file.ts';
import { keyFingerprint, secretKeyPath } from './key-fingerprint.ts';
import { jsonlChunks, sqliteChunks } from './payloads.ts';
import { postgresUrl } from './postgres-url.ts';
import { addForeignKeys, checkMigrations, checkRestored, dropForeignKeys, loadChunks, migrateTo } from './restore-steps.ts';

export interface RestoreOptions {
  readonly config: Config;
  readonly clock: Clock;
  readonly file: string;
  readonly allowBrokenAudit?: boolean;
  /** Restore although DATA_DIR lacks the backup's secret.key (it is lost): encrypted fields stay unreadable. */
  readonly withoutKey?: boolean;
}

export interface RestoreReport {
  readonly manifest: BackupManifest;
  readonly target: string;
  readonly audit: VerifyResult;
  /** False when restored --without-key although the backup needs a key. */
  readonly keyMatches: boolean;
}

/**
 * Restores a backup into an EMPTY target only — a restore never merges into or overwrites live
 * data. Either dialect's backup restores into either database. The data becomes visible only
 * once it is complete and checked (row counts, audit chain); then newer migrations run and a
 * `system.restore` audit row records what was restored, the evidence GB/T 28448 asks for.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const file = path.resolve(options.file);
  const header = readBackupHeader(file);
  const lastMigration = checkMigrations(header.manifest);
  const keyMatches = checkKey(options.config.dataDir, header.manifest, options.withoutKey ?? false);
  const job: Job = {
    ...options,
    file,
    header,
    lastMigration,
    keyMatches,
    allowBrokenAudit: options.allowBrokenAudit ?? false,
    withoutKey: options.withoutKey ?? false,
  };
  const pg = postgresUrl(options.config);
  const restored = pg ? await restoreIntoPostgres(job, pg) : await restoreIntoSqlite(job);
  return { ...restored, manifest: header.manifest, keyMatches };
}

/**
 * The instance key is not in the backup (it protects the encrypted fields inside it); the operator
 * copies it into DATA_DIR first. Without it the server would make a new key at start and every
 * encrypted field would fail its integrity check — so a missing or different key stops the restore.
 */
function checkKey(dataDir: string, manifest: BackupManifest, withoutKey: boolean): boolean {
  const want = manifest.keyFingerprint;
  if (want === null) return true;
  const have = keyFingerprint(dataDir);
  if (have === want) return true;
  if (withoutKey) return false;
  const file = secretKeyPath(dataDir);
  throw have === null ? new BackupError('RESTORE_KEY_MISSING', { file }) : new BackupError('RESTORE_KEY_MISMATCH', { file, have, want });
}

interface Job extends Required<RestoreOptions> {
  readonly header: BackupHeader;
  readonly lastMigration: string;
  readonly keyMatches: boolean;
}

type Restored = Pick<RestoreReport, 'target' | 'audit'>;

/** Field keys (v1 and the rotated keyring) and the audit chain's MAC and checkpoint keys (ADR 006, 019). */
const INSTANCE_KEY_FILES = ['secret.key', 'field-keys.json', 'audit-mac.key', 'audit-checkpoint-sm2.key'];

function assertSqliteTargetEmpty(config: Config, dbFile: string): void {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-journal`]) {
    if (fs.existsSync(f)) throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { target: path.dirname(f), found: path.basename(f) });
  }
  if (!fs.existsSync(config.dataDir)) return;
  // The key files may be put in place before a restore (keys never travel inside backups); anything else means data.
  const found = fs.readdirSync(config.dataDir).filter((name) => {
    if (INSTANCE_KEY_FILES.includes(name)) return false;
    const full = path.join(config.dataDir, name);
    return !(name === 'uploads' && fs.statSync(full).isDirectory() && fs.readdirSync(full).length === 0);
  });
  if (found.length > 0) throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { target: config.dataDir, found: found.slice(0, 5).join(', ') });
}

/** SQLite: everything happens in `<db>.restoring`, renamed into place only when complete. */
async function restoreIntoSqlite(job: Job): Promise<Restored> {
  const { config, header } = job;
  const dbFile = config.databaseUrl?.startsWith('sqlite:')
    ? path.resolve(config.databaseUrl.slice('sqlite:'.length))
    : sqliteFile(config.dataDir);
  assertSqliteTargetEmpty(config, dbFile);
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const work = `${dbFile}.restoring`;
  const jsonl = `${work}.jsonl`;
  const cleanup = () => [work, `${work}-wal`, `${work}-shm`, jsonl].forEach((f) => fs.rmSync(f, { force: true }));
  cleanup(); // leftovers of an interrupted restore are ours
  try {
    const fromSqlite = header.manifest.payload === 'sqlite-db';
    await extractPayload(job.file, header, fromSqlite ? work : jsonl);
    const conn = connect({ databaseUrl: `sqlite:${work}`, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
    let audit: VerifyResult;
    try {
      if (fromSqlite) {
        const check = conn.sqlite?.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new BackupError('BACKUP_CORRUPT', { reason: `integrity_check: ${String(check)}` });
      } else {
        await migrateTo(conn.db, job.lastMigration, false);
        // Rows arrive table by table, not in foreign-key order; checked in full right after.
        conn.sqlite?.pragma('foreign_keys = OFF');
        await conn.db.transaction().execute((trx) => loadChunks(trx, 'sqlite', jsonlChunks(jsonl)));
        const broken = conn.sqlite?.pragma('foreign_key_check') as unknown[] | undefined; // pragma returns rows
        if (broken && broken.length > 0) throw new BackupError('BACKUP_CORRUPT', { reason: `${broken.length} rows break foreign keys` });
        conn.sqlite?.pragma('foreign_keys = ON');
      }
      // --without-key: the instance keys are lost, the audit MAC key with them; the chain cannot verify.
      audit = await checkRestored(conn.db, header.manifest, job.allowBrokenAudit || job.withoutKey);
      await finish(conn, job, audit, dbFile);
      // One self-contained file, no -wal beside it, before it is moved into place.
      conn.sqlite?.pragma('journal_mode = DELETE');
    } finally {
      await conn.close();
    }
    fs.renameSync(work, dbFile);
    return { target: dbFile, audit };
  } finally {
    cleanup();
  }
}

/**
 * PostgreSQL: schema, rows and checks in ONE transaction on one connection, so a failed restore
 * leaves the database as empty as it was found. Newer migrations and the restore's audit row
 * follow the commit (appendAudit needs a Kysely transaction of its own).
 */
async function restoreIntoPostgres(job: Job, databaseUrl: string): Promise<Restored> {
  const conn = connect({ databaseUrl, dataDir: job.config.dataDir, cryptoProfile: job.config.cryptoProfile });
  const target = new URL(databaseUrl).pathname.slice(1); // the database name; never print credentials
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-restore-'));
  try {
    const inSchema = sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema()`;
    const tables = (await inSchema.execute(conn.db)).rows[0]?.n ?? 0;
    if (tables > 0) throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { target, found: `${tables} tables` });
    const payload = path.join(work, 'payload');
    await extractPayload(job.file, job.header, payload);
    const chunks = job.header.manifest.payload === 'jsonl' ? jsonlChunks(payload) : sqliteChunks(payload);
    const audit = await conn.db.connection().execute(async (db) => {
      await sql`begin`.execute(db);
      try {
        await migrateTo(db, job.lastMigration, true);
        const keys = await dropForeignKeys(db);
        await loadChunks(db, 'postgres', chunks);
        await addForeignKeys(db, keys);
        // --without-key: the instance keys are lost, the audit MAC key with them; the chain cannot verify.
        const result = await checkRestored(db, job.header.manifest, job.allowBrokenAudit || job.withoutKey);
        await sql`commit`.execute(db);
        return result;
      } catch (error) {
        await sql`rollback`.execute(db);
        throw error;
      }
    });
    await finish(conn, job, audit, target);
    return { target, audit };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await conn.close();
  }
}

/** Brings the schema up to this version and records the restore in the restored audit log. */
async function finish(conn: Connection, job: Job, audit: VerifyResult, target: string): Promise<void> {
  await migrateToLatest(conn.db);
  const m = job.header.manifest;
  await conn.db.transaction().execute((trx) =>
    appendAudit(trx, job.clock, systemActor, {
      eventType: 'system.restore',
      detail: {
        from: job.file,
        sm3: m.payloadSm3,
        createdAt: m.createdAt,
        sourceDialect: m.dialect,
        targetDialect: conn.dialect,
        sourceAuditHeadSeq: m.auditHead.seq,
        rows: Object.values(m.tables).reduce((a, b) => a + b, 0),
        auditChain: audit.ok ? 'ok' : { brokenAt: audit.brokenAt, reason: audit.reason },
        key: job.keyMatches ? 'ok' : 'missing',
        via: 'cli',
        osUser: osUser(),
        target: path.basename(target),
      },
    }),
  );
}
