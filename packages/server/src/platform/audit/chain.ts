import type { AuditLogTable } from '../../db/database.ts';
import { nodeCrypto } from '../crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** How a row is chained: null for rows written before the keyed chain (unkeyed SM3). */
export type MacAlg = 'hmac-sm3' | 'hmac-sha256';

type Hashed = Omit<AuditLogTable, 'hash' | 'prev_hash'>;

/**
 * Fields in a fixed order, so the same row always hashes the same on both databases. The MAC
 * algorithm is part of a keyed row's input (so it cannot be relabelled); unkeyed rows keep the
 * exact input they were hashed with before the keyed chain existed.
 */
export function canonical(row: Hashed): string {
  const fields: unknown[] = [
    row.seq,
    row.id,
    row.ts,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.src_ip,
    row.request_id,
    row.event_type,
    row.object_type,
    row.object_id,
    row.outcome,
    row.detail,
  ];
  if (row.mac_alg) fields.push(row.mac_alg);
  return JSON.stringify(fields);
}

/** Unkeyed rows from before the upgrade: h_i = SM3(h_{i-1} ‖ canonical(row_i)). */
export const chainHash = (prevHash: string, row: Hashed): string => nodeCrypto.sm3Hex(prevHash + canonical(row));

/** Keyed rows: h_i = HMAC(K, h_{i-1} ‖ canonical(row_i)), HMAC-SM3 (gm) or HMAC-SHA-256 (ADR 006). */
export function chainMac(key: Buffer, alg: MacAlg, prevHash: string, row: Hashed): string {
  return nodeCrypto.hmacHex(alg === 'hmac-sm3' ? 'sm3' : 'sha256', key, prevHash + canonical(row));
}
