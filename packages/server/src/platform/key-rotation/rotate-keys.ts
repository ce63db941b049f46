import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { appendAudit, systemActor } from '../audit/audit-service.ts';
import type { Clock } from '../clock.ts';
import type { FieldCrypto } from '../field-crypto.ts';
import { encryptedTables, ephemeral, type EncryptedTable } from './encrypted-columns.ts';

export interface RotationProgress {
  readonly table: string;
  readonly scanned: number;
  readonly rewritten: number;
}

export interface RotateOptions {
  readonly batchSize?: number;
  /** Stops after this many batches (tests use it to interrupt a rotation half way). */
  readonly maxBatches?: number;
  readonly onBatch?: (p: RotationProgress) => void;
}

type Row = Record<string, string | null>;

/**
 * Re-encrypts every encrypted column and recomputes every blind index under `fc`'s current key
 * version, in batches of one transaction each, keyset-paged by id. Resumable by construction:
 * a row already under the target version is skipped, so running it again after an interruption
 * carries on where it stopped (ADR 019). Returns whether it went through every table.
 */
export async function rotateAll(
  db: Db,
  clock: Clock,
  fc: FieldCrypto,
  options: RotateOptions = {},
): Promise<{ done: boolean; totals: RotationProgress[] }> {
  const batchSize = options.batchSize ?? 500;
  let batches = 0;
  const totals: RotationProgress[] = [];
  await db
    .transaction()
    .execute((trx) => appendAudit(trx, clock, systemActor, { eventType: 'crypto.rotate.start', detail: { toVersion: fc.currentVersion } }));
  for (const spec of encryptedTables) {
    let after = '';
    let scanned = 0;
    let rewritten = 0;
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return { done: false, totals };
      const rows = await readBatch(db, spec, after, batchSize);
      if (rows.length === 0) break;
      rewritten += await db.transaction().execute(async (trx) => {
        let n = 0;
        for (const row of rows) {
          const sets = rewrite(fc, spec, row);
          if (sets.length === 0) continue;
          await sql`update ${sql.table(spec.table)} set ${sql.join(sets)} where id = ${row.id}`.execute(trx);
          n++;
        }
        return n;
      });
      scanned += rows.length;
      batches++;
      after = rows[rows.length - 1]?.id ?? after;
      options.onBatch?.({ table: spec.table, scanned, rewritten });
    }
    totals.push({ table: spec.table, scanned, rewritten });
  }
  await db.transaction().execute(async (trx) => {
    for (const e of ephemeral) await sql`delete from ${sql.table(e.table)}`.execute(trx);
    await appendAudit(trx, clock, systemActor, {
      eventType: 'crypto.rotate.done',
      detail: { toVersion: fc.currentVersion, tables: totals },
    });
  });
  return { done: true, totals };
}

async function readBatch(db: Db, spec: EncryptedTable, after: string, limit: number): Promise<Row[]> {
  const cols = ['id', ...spec.enc].map((c) => sql.ref(c));
  const { rows } =
    await sql<Row>`select ${sql.join(cols)} from ${sql.table(spec.table)} where id > ${after} order by id limit ${limit}`.execute(db);
  return rows;
}

/** SET clauses for one row, or none when every ciphertext already is under the target version. */
function rewrite(fc: FieldCrypto, spec: EncryptedTable, row: Row) {
  const stale = spec.enc.some((c) => {
    const v = row[c];
    return typeof v === 'string' && fc.versionOf(v) !== fc.currentVersion;
  });
  if (!stale) return [];
  const plain = new Map<string, string>();
  const sets = [];
  for (const c of spec.enc) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    const p = fc.decrypt(v);
    plain.set(c, p);
    sets.push(sql`${sql.ref(c)} = ${fc.encrypt(p)}`);
  }
  for (const b of spec.bidx) {
    const p = plain.get(b.from);
    if (p !== undefined) sets.push(sql`${sql.ref(b.column)} = ${fc.blindIndex(b.kind, p)}`);
  }
  return sets;
}
