import fs from 'node:fs';
import path from 'node:path';
import { AuditCheckpoint, checkpointMessage } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { AppContext } from '../context.ts';
import { nodeCrypto, type Sm2KeyPair } from '../crypto.ts';
import { appendAudit, type AuditActor, type ChainAnchor } from './audit-service.ts';

/**
 * Signed checkpoints of the audit chain head (ADR 006). The SM2 key pair is made at first use in
 * DATA_DIR/audit-checkpoint-sm2.key (mode 0600); its public-key fingerprint is printed on every
 * checkpoint so the audit administrator can record it once and recognise it later. What makes a
 * checkpoint worth having is that the administrator keeps the file away from the server: a chain
 * rewritten afterwards — even by someone holding every key — no longer passes through it.
 */
export const checkpointKeyFile = (dataDir: string): string => path.join(dataDir, 'audit-checkpoint-sm2.key');

export function loadOrCreateSigningKey(dataDir: string): Sm2KeyPair {
  const file = checkpointKeyFile(dataDir);
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(nodeCrypto.sm2KeyPair())}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (
    json === null ||
    typeof json !== 'object' ||
    !('privateKey' in json) ||
    typeof json.privateKey !== 'string' ||
    !('publicKey' in json) ||
    typeof json.publicKey !== 'string'
  ) {
    throw new Error(`${file} is not a valid SM2 key file`);
  }
  return { privateKey: json.privateKey, publicKey: json.publicKey };
}

/** SM3 of the public key, grouped for reading aloud or comparing on paper. */
export const keyFingerprint = (publicKey: string): string =>
  nodeCrypto
    .sm3Hex(Buffer.from(publicKey, 'hex'))
    .slice(0, 32)
    .replace(/(.{4})(?!$)/g, '$1-');

/** Records the export in the chain first, then signs the head — so the checkpoint covers its own row. */
export async function makeCheckpoint(ctx: AppContext, actor: AuditActor): Promise<AuditCheckpoint> {
  const keys = loadOrCreateSigningKey(ctx.config.dataDir);
  return ctx.db.transaction().execute(async (trx) => {
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'audit.checkpoint',
      detail: { keyFingerprint: keyFingerprint(keys.publicKey) },
    });
    const head = await trx.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const unsigned = {
      format: 'zhenggong-audit-checkpoint',
      version: 1,
      cityCode: ctx.config.cityCode,
      seq: head.last_seq,
      hash: head.last_hash,
      createdAt: ctx.clock.now().toISOString(),
      createdBy: actor.username ?? 'system',
      publicKey: keys.publicKey,
    } as const;
    return { ...unsigned, signature: nodeCrypto.sm2Sign(keys.privateKey, checkpointMessage(unsigned)) };
  });
}

export type CheckpointCheck =
  | { ok: true; anchor: ChainAnchor; checkpoint: AuditCheckpoint; fingerprint: string }
  | { ok: false; reason: 'malformed' | 'bad signature' };

/** Shape and signature of a checkpoint file's contents; the chain itself is checked by verifyAuditChain. */
export function checkCheckpoint(json: unknown): CheckpointCheck {
  if (!Value.Check(AuditCheckpoint, json)) return { ok: false, reason: 'malformed' };
  const { signature, ...unsigned } = json;
  if (!nodeCrypto.sm2Verify(json.publicKey, checkpointMessage(unsigned), signature)) return { ok: false, reason: 'bad signature' };
  return { ok: true, anchor: { seq: json.seq, hash: json.hash }, checkpoint: json, fingerprint: keyFingerprint(json.publicKey) };
}
