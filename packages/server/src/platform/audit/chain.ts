import type { AuditLogTable } from '../../db/database.ts';
import { nodeCrypto } from '../crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Omit<AuditLogTable, 'hash' | 'prev_hash'>;

/** Fields in a fixed order, so the same row always hashes the same on both databases. */
export function canonical(row: Hashed): string {
  return JSON.stringify([
    row.seq, row.id, row.ts, row.actor_id, row.actor_name, row.actor_role, row.src_ip, row.request_id,
    row.event_type, row.object_type, row.object_id, row.outcome, row.detail,
  ]);
}

/** h_i = SM3(h_{i-1} ‖ canonical(row_i)) — SECURITY.md L3-CES1-14 (c). */
export const chainHash = (prevHash: string, row: Hashed): string => nodeCrypto.sm3Hex(prevHash + canonical(row));
