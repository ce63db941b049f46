import { PostgresAdapter } from 'kysely';
import type { AuditLogTable, Db, Executor, Trx } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { auditKeyOf, type AuditMacKey } from './audit-key.ts';
import { chainHash, chainMac, GENESIS_HASH, type MacAlg } from './chain.ts';

/** Who did it and from where; built from the request by the auth layer. */
export interface AuditActor {
  readonly userId: string | null;
  readonly username: string | null;
  readonly role: string | null;
  readonly ip: string | null;
  readonly requestId: string | null;
}

export interface AuditEvent {
  readonly eventType: string;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly outcome?: 'success' | 'failure';
  /** before/after or context. Never passwords, tokens or unmasked sensitive values. */
  readonly detail?: Record<string, unknown>;
}

/** An account acting outside a request, as the audit names it. */
export const accountActor = (account: { userId: string; username: string }): AuditActor & { userId: string } => ({
  userId: account.userId,
  username: account.username,
  role: null,
  ip: null,
  requestId: null,
});

export const systemActor: AuditActor = { userId: null, username: 'system', role: 'system', ip: null, requestId: null };

/**
 * Appends one row to the hash-chained audit log inside the caller's transaction, so a change
 * and its audit row commit or fail together (fail closed, L3-CES1-15).
 */
export async function appendAudit(trx: Trx, clock: Clock, actor: AuditActor, event: AuditEvent): Promise<void> {
  // Lock the chain head: on PostgreSQL concurrent appenders queue on FOR UPDATE; SQLite
  // transactions hold the write lock from BEGIN IMMEDIATE (db/connect.ts).
  const head = await trx
    .selectFrom('audit_head')
    .selectAll()
    .where('id', '=', 1)
    .$call((q) => (isPostgres(trx) ? q.forUpdate() : q))
    .executeTakeFirstOrThrow();
  const prevHash = head.last_hash || GENESIS_HASH;
  const source = auditKeyOf(trx);
  const key = source.loadOrCreate(head.last_seq + 1);
  const macAlg: MacAlg = source.macHash === 'sm3' ? 'hmac-sm3' : 'hmac-sha256';
  const row = {
    seq: head.last_seq + 1,
    id: newId(),
    ts: clock.now().toISOString(),
    actor_id: actor.userId,
    actor_name: actor.username,
    actor_role: actor.role,
    src_ip: actor.ip,
    request_id: actor.requestId,
    event_type: event.eventType,
    object_type: event.objectType ?? null,
    object_id: event.objectId ?? null,
    outcome: event.outcome ?? 'success',
    detail: JSON.stringify(event.detail ?? {}),
    mac_alg: macAlg,
  } as const;
  const hash = chainMac(key.key, macAlg, prevHash, row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ last_seq: row.seq, last_hash: hash }).where('id', '=', 1).execute();
}

/** Audit in a transaction of its own — for events with no business change (login failure, views). */
export function auditAlone(db: Db, clock: Clock, actor: AuditActor, event: AuditEvent): Promise<void> {
  return db.transaction().execute((trx) => appendAudit(trx, clock, actor, event));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: string;
}

/** A signed checkpoint's claim: row `seq` had chain hash `hash` (checkpoint.ts checks the signature). */
export interface ChainAnchor {
  readonly seq: number;
  readonly hash: string;
}

export interface VerifyOptions {
  /** Default: the key bound to the handle (DATA_DIR/audit-mac.key). */
  readonly key?: AuditMacKey | null;
  readonly checkpoint?: ChainAnchor;
}

/**
 * Walks the chain in seq order; reports the first row whose hash, link or sequence is wrong.
 * Rows from the key's first seq on must carry a MAC; a checkpoint pins row `seq` to the hash the
 * audit administrator holds, so a chain recomputed after deleting rows is caught even by someone
 * who also had the key (L3-CES1-14).
 */
export async function verifyAuditChain(db: Executor, options: VerifyOptions = {}): Promise<VerifyResult> {
  const key = options.key === undefined ? auditKeyOf(db).load() : options.key;
  const anchor = options.checkpoint;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, reason: 'missing row' };
      if (row.prev_hash !== prev) return { ok: false, checked, brokenAt: row.seq, reason: 'broken link' };
      const { hash, prev_hash: _p, ...rest } = row;
      const problem = rowProblem(key, prev, rest, hash);
      if (problem) return { ok: false, checked, brokenAt: row.seq, reason: problem };
      if (anchor && row.seq === anchor.seq && hash !== anchor.hash) {
        return { ok: false, checked, brokenAt: row.seq, reason: 'differs from the signed checkpoint' };
      }
      prev = hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  if (anchor && checked < anchor.seq) {
    return { ok: false, checked, brokenAt: checked + 1, reason: 'rows missing before the signed checkpoint' };
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (head.last_seq !== checked || (checked > 0 && head.last_hash !== prev))) {
    return { ok: false, checked, brokenAt: checked + 1, reason: 'rows missing at the end' };
  }
  return { ok: true, checked };
}

function rowProblem(key: AuditMacKey | null, prev: string, row: Omit<AuditLogTable, 'hash' | 'prev_hash'>, hash: string): string | null {
  if (row.mac_alg === null) {
    if (key && row.seq >= key.firstSeq) return 'unkeyed row after the keyed chain began';
    return chainHash(prev, row) === hash ? null : 'content changed';
  }
  if (!key) return 'audit MAC key missing (DATA_DIR/audit-mac.key)';
  if (row.seq < key.firstSeq) return 'keyed row before the keyed chain began';
  return chainMac(key.key, row.mac_alg, prev, row) === hash ? null : 'content changed';
}

function isPostgres(trx: Trx): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}
