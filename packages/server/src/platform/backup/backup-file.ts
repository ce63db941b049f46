import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { BackupError } from './backup-errors.ts';

/**
 * A backup is one file: a magic line, one line of JSON manifest, then the payload bytes —
 * a SQLite database (from a SQLite source) or JSON lines (from PostgreSQL). The manifest holds
 * the payload's SM3, so a damaged file is refused before anything is restored (L3-CES1-29 c).
 * SM3 without a key detects damage, not a deliberate rewrite; the audit chain inside the
 * payload and the `system.backup` audit row (which records this SM3) cover that.
 */
const MAGIC = 'ZHENGGONG-BACKUP\n';
const MAX_HEADER = 1 << 20;

export const BackupManifest = Type.Object({
  format: Type.Literal('zhenggong-backup'),
  version: Type.Literal(1),
  dialect: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  payload: Type.Union([Type.Literal('sqlite-db'), Type.Literal('jsonl')]),
  createdAt: Type.String(),
  /** Applied migrations of the source, in order. */
  migrations: Type.Array(Type.String()),
  /** Row count per table at the snapshot. */
  tables: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  auditHead: Type.Object({ seq: Type.Integer({ minimum: 0 }), hash: Type.String() }),
  /** Which DATA_DIR/secret.key the encrypted fields need (see key-fingerprint.ts); null when the source had none. */
  keyFingerprint: Type.Union([Type.String(), Type.Null()]),
  payloadBytes: Type.Integer({ minimum: 0 }),
  payloadSm3: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});
export type BackupManifest = Static<typeof BackupManifest>;
export type ManifestDraft = Omit<BackupManifest, 'payloadBytes' | 'payloadSm3'>;

/** SM3 over a stream. Node's hash is used directly: CryptoProvider has no incremental form yet. */
function sm3Meter(): { transform: Transform; digest: () => { hex: string; bytes: number } } {
  const hash = crypto.createHash('sm3');
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return { transform, digest: () => ({ hex: hash.digest('hex'), bytes }) };
}

/** Writes `target` (never overwriting) from a finished payload file; returns the full manifest. */
export async function writeBackupFile(target: string, draft: ManifestDraft, payloadFile: string): Promise<BackupManifest> {
  const hash = crypto.createHash('sm3');
  let bytes = 0;
  // A read stream without an encoding yields Buffers.
  for await (const chunk of fs.createReadStream(payloadFile) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  const hex = hash.digest('hex');
  const manifest: BackupManifest = { ...draft, payloadBytes: bytes, payloadSm3: hex };
  const partial = `${target}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 }); // a leftover .partial from a crash is ours to overwrite
  try {
    out.write(MAGIC + JSON.stringify(manifest) + '\n');
    await pipeline(fs.createReadStream(payloadFile), out);
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    if (fs.existsSync(target)) throw new BackupError('BACKUP_TARGET_EXISTS', { file: target });
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return manifest;
}

export interface BackupHeader {
  readonly manifest: BackupManifest;
  readonly payloadOffset: number;
}

export function readBackupHeader(file: string): BackupHeader {
  if (!fs.existsSync(file)) throw new BackupError('BACKUP_NOT_FOUND', { file });
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(MAX_HEADER);
  const read = fs.readSync(fd, head, 0, MAX_HEADER, 0);
  fs.closeSync(fd);
  const text = head.subarray(0, read).toString('utf8');
  const end = text.indexOf('\n', MAGIC.length);
  if (!text.startsWith(MAGIC) || end < 0) throw new BackupError('BACKUP_FORMAT', { file });
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.slice(MAGIC.length, end));
  } catch {
    throw new BackupError('BACKUP_FORMAT', { file });
  }
  if (!Value.Check(BackupManifest, manifest)) throw new BackupError('BACKUP_FORMAT', { file });
  return { manifest, payloadOffset: Buffer.byteLength(text.slice(0, end + 1), 'utf8') };
}

/** Copies the payload out, checking its length and SM3 against the manifest; the copy is deleted on mismatch. */
export async function extractPayload(file: string, header: BackupHeader, dest: string): Promise<void> {
  const meter = sm3Meter();
  await pipeline(
    fs.createReadStream(file, { start: header.payloadOffset }),
    meter.transform,
    fs.createWriteStream(dest, { flags: 'wx', mode: 0o600 }),
  );
  const { hex, bytes } = meter.digest();
  const m = header.manifest;
  const reason = bytes !== m.payloadBytes ? `${bytes} bytes, expected ${m.payloadBytes}` : hex !== m.payloadSm3 ? 'SM3 mismatch' : null;
  if (reason) {
    fs.rmSync(dest, { force: true });
    throw new BackupError('BACKUP_CORRUPT', { reason });
  }
}
