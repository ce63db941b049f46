import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../db/database.ts';
import type { MacHash } from '../crypto.ts';

/**
 * The key of the audit chain's MAC (ADR 006). It lives in DATA_DIR/audit-mac.key, outside the
 * database, so someone who can write the database file cannot recompute the chain after deleting
 * or editing rows. The file also records `firstSeq`, the first row chained with this key: rows
 * from there on must carry a MAC, so a rewrite cannot fall back to the unkeyed hash either.
 */
export interface AuditMacKey {
  readonly key: Buffer;
  readonly firstSeq: number;
}

export interface AuditKeySource {
  /** The MAC hash new rows use: HMAC-SM3 under the `gm` profile, HMAC-SHA-256 otherwise. */
  readonly macHash: MacHash;
  readonly file: string;
  /** The key, or null when none was made yet (an instance that never wrote since the upgrade). */
  load(): AuditMacKey | null;
  /** Called under the chain-head lock: makes the key on the first keyed append. */
  loadOrCreate(nextSeq: number): AuditMacKey;
}

export const auditKeyFile = (dataDir: string): string => path.join(dataDir, 'audit-mac.key');

interface KeyFileJson {
  format: 'zhenggong-audit-mac-key';
  version: 1;
  key: string;
  firstSeq: number;
}

function parseKeyFile(text: string, file: string): AuditMacKey {
  const json: unknown = JSON.parse(text);
  if (
    json === null ||
    typeof json !== 'object' ||
    !('key' in json) ||
    typeof json.key !== 'string' ||
    !/^[0-9a-f]{64}$/.test(json.key) ||
    !('firstSeq' in json) ||
    typeof json.firstSeq !== 'number' ||
    !Number.isInteger(json.firstSeq) ||
    json.firstSeq < 1
  ) {
    throw new Error(`${file} is not a valid audit MAC key file`);
  }
  return { key: Buffer.from(json.key, 'hex'), firstSeq: json.firstSeq };
}

export function fileAuditKeySource(dataDir: string, macHash: MacHash): AuditKeySource {
  const file = auditKeyFile(dataDir);
  let cached: AuditMacKey | null = null;
  const load = (): AuditMacKey | null => {
    if (cached) return cached;
    if (!fs.existsSync(file)) return null;
    cached = parseKeyFile(fs.readFileSync(file, 'utf8'), file);
    return cached;
  };
  return {
    macHash,
    file,
    load,
    loadOrCreate(nextSeq) {
      const existing = load();
      if (existing) return existing;
      const body: KeyFileJson = {
        format: 'zhenggong-audit-mac-key',
        version: 1,
        key: crypto.randomBytes(32).toString('hex'),
        firstSeq: nextSeq,
      };
      try {
        fs.mkdirSync(dataDir, { recursive: true });
        fs.writeFileSync(file, `${JSON.stringify(body)}\n`, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process (the CLI beside the server) made it first: use theirs.
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      }
      const made = load();
      if (!made) throw new Error(`${file} could not be created`);
      return made;
    },
  };
}

/**
 * The key source of a database handle. Bound to the Kysely adapter, which a transaction shares
 * with the handle it came from, so appendAudit(trx, …) finds it without every caller passing it.
 */
const sources = new WeakMap<object, AuditKeySource>();

export function bindAuditKey(db: Executor, source: AuditKeySource): void {
  sources.set(db.getExecutor().adapter, source);
}

export function auditKeyOf(db: Executor): AuditKeySource {
  const source = sources.get(db.getExecutor().adapter);
  if (!source) throw new Error('No audit MAC key is bound to this database handle (db/connect.ts binds it)');
  return source;
}
