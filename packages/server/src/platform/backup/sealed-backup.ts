import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Connection } from '../../db/connect.ts';
import type { Clock } from '../clock.ts';
import { filesUnder, packEntries, unpackEntries } from './archive-entries.ts';
import { BackupError } from './backup-errors.ts';
import type { BackupManifest } from './backup-file.ts';
import { deriveBackupKeys, openStream, SCRYPT, sealStream, type BackupCipher } from './backup-crypto.ts';
import { createBackup } from './backup-service.ts';
import { restoreBackup, type RestoreOptions, type RestoreReport } from './restore-service.ts';

/**
 * The backup an operator takes away (ADR 007): one sealed file holding the database backup
 * (backup-file.ts, with its own manifest and SM3) and every file under DATA_DIR/uploads (photos,
 * portal documents, study materials, courseware — all modules keep their files there).
 *
 *   ZHENGGONG-SEALED-BACKUP\n  clear header JSON\n  sealed stream (backup-crypto.ts)
 *
 * The clear header says only how to derive the key (scrypt parameters and salt) and which cipher
 * sealed it; it is bound into every record, so changing it fails authentication too.
 */
const MAGIC = 'ZHENGGONG-SEALED-BACKUP\n';
const DATABASE_ENTRY = 'database.backup';

const SealedHeader = Type.Object({
  format: Type.Literal('zhenggong-sealed-backup'),
  version: Type.Literal(1),
  cipher: Type.Union([Type.Literal('aes'), Type.Literal('sm4')]),
  kdf: Type.Object({
    name: Type.Literal('scrypt'),
    N: Type.Integer({ minimum: 1024, maximum: 1 << 20 }),
    r: Type.Integer({ minimum: 1, maximum: 32 }),
    p: Type.Integer({ minimum: 1, maximum: 16 }),
    salt: Type.String({ pattern: '^[0-9a-f]{32}$' }),
  }),
  createdAt: Type.String(),
});
type SealedHeader = Static<typeof SealedHeader>;

export interface SealedBackupResult {
  readonly manifest: BackupManifest;
  readonly cipher: BackupCipher;
  readonly uploads: number;
}

/** Writes the sealed archive to `target` (never overwriting); the passphrase never touches disk. */
export async function createSealedBackup(
  connection: Connection,
  clock: Clock,
  target: string,
  dataDir: string,
  passphrase: string,
  cipher: BackupCipher,
): Promise<SealedBackupResult> {
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new BackupError('BACKUP_TARGET_EXISTS', { file });
  const salt = crypto.randomBytes(16);
  const keys = deriveBackupKeys(passphrase, salt, cipher); // refuses a weak passphrase before any work
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(file), '.zg-sealed-'));
  const partial = `${file}.partial`;
  try {
    const inner = path.join(work, DATABASE_ENTRY);
    const manifest = await createBackup(connection, clock, inner, dataDir, file, {
      sealed: cipher === 'sm4' ? 'sm4-ctr+hmac-sm3' : 'aes-256-gcm',
    });
    const uploads = filesUnder(path.join(dataDir, 'uploads'), 'uploads');
    const header: SealedHeader = {
      format: 'zhenggong-sealed-backup',
      version: 1,
      cipher,
      kdf: { name: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('hex') },
      createdAt: clock.now().toISOString(),
    };
    const clear = Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8');
    fs.writeFileSync(partial, clear, { mode: 0o600 });
    await pipeline(
      Readable.from(packEntries([{ name: DATABASE_ENTRY, file: inner }, ...uploads])),
      sealStream(keys, clear),
      fs.createWriteStream(partial, { flags: 'a' }),
    );
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (fs.existsSync(file)) throw new BackupError('BACKUP_TARGET_EXISTS', { file });
    fs.renameSync(partial, file);
    return { manifest, cipher, uploads: uploads.length };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** True when `file` starts like a sealed archive (restore also still reads plain database backups). */
export function isSealedBackup(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(MAGIC.length);
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  return head.toString('utf8') === MAGIC;
}

function readClearHeader(file: string): { header: SealedHeader; clear: Buffer } {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(4096);
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const end = head.subarray(0, read).indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new BackupError('BACKUP_FORMAT', { file });
  let header: unknown;
  try {
    header = JSON.parse(head.subarray(MAGIC.length, end).toString('utf8'));
  } catch {
    throw new BackupError('BACKUP_FORMAT', { file });
  }
  if (!Value.Check(SealedHeader, header)) throw new BackupError('BACKUP_FORMAT', { file });
  return { header, clear: Buffer.from(head.subarray(0, end + 1)) };
}

export interface SealedRestoreReport extends RestoreReport {
  readonly uploads: number;
}

/**
 * Opens and checks the whole archive into a work folder beside DATA_DIR first (so a tampered or
 * truncated archive, or a wrong passphrase, leaves the target untouched), restores the database
 * from it, then moves the uploads into DATA_DIR/uploads.
 */
export async function restoreSealedBackup(options: RestoreOptions & { readonly passphrase: string }): Promise<SealedRestoreReport> {
  const file = path.resolve(options.file);
  const { header, clear } = readClearHeader(file);
  const keys = deriveBackupKeys(options.passphrase, Buffer.from(header.kdf.salt, 'hex'), header.cipher);
  const dataDir = path.resolve(options.config.dataDir);
  const uploads = path.join(dataDir, 'uploads');
  // A PostgreSQL restore checks only the database for emptiness; the uploads must be new as well.
  if (fs.existsSync(uploads) && fs.readdirSync(uploads).length > 0) {
    throw new BackupError('RESTORE_TARGET_NOT_EMPTY', { target: uploads, found: fs.readdirSync(uploads).slice(0, 5).join(', ') });
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const work = fs.mkdtempSync(path.join(path.dirname(dataDir), '.zg-restore-'));
  try {
    const written: string[] = [];
    await pipeline(fs.createReadStream(file, { start: clear.length }), openStream(keys, clear), unpackEntries(work, written));
    if (written[0] !== DATABASE_ENTRY) throw new BackupError('BACKUP_CORRUPT', { reason: 'no database in the archive' });
    const report = await restoreBackup({ ...options, file: path.join(work, DATABASE_ENTRY) });
    if (fs.existsSync(path.join(work, 'uploads'))) {
      // Checked empty above (and by restoreBackup for SQLite); rename keeps it one step on one filesystem.
      fs.rmSync(uploads, { recursive: true, force: true });
      fs.renameSync(path.join(work, 'uploads'), uploads);
    }
    return { ...report, uploads: written.length - 1 };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
