import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { BackupError } from './backup-errors.ts';

/**
 * Streamed authenticated encryption for backup archives, so a backup of any size is sealed and
 * opened in fixed memory (no whole-archive buffer) and any change is refused before use.
 *
 * The stream is cut into records of at most RECORD_BYTES plaintext bytes (the "STREAM"
 * construction of Hoang, Reyhanitabar, Rogaway and Vizár): each record is sealed with its index
 * and a final flag in the associated data, so reordering, dropping, duplicating or truncating
 * records all fail authentication. Record on disk: u32 length ‖ ciphertext ‖ tag.
 *   - `aes`: AES-256-GCM, nonce = 0⁴ ‖ u64 index, 16-byte tag.
 *   - `sm4` (profile `gm`): SM4-CTR + HMAC-SM3 encrypt-then-MAC (GB/T 32907 / GB/T 32905), the
 *     same pairing the field cipher uses because Node has no SM4-GCM; IV = u64 index ‖ 0⁸, a
 *     record (4,096 blocks) never carries the counter into the index half; 32-byte tag.
 * Keys are unique per archive (derived with a fresh salt), so counter nonces never repeat.
 */
export type BackupCipher = 'aes' | 'sm4';

const RECORD_BYTES = 64 * 1024;

export interface BackupKeys {
  readonly cipher: BackupCipher;
  readonly enc: Buffer;
  readonly mac: Buffer;
}

/** scrypt cost (RFC 7914): N = 2^15, r = 8 — about 32 MiB and a fraction of a second per archive. */
export const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** Keys of one archive from the operator's passphrase and the archive's random salt. */
export function deriveBackupKeys(passphrase: string, salt: Buffer, cipher: BackupCipher): BackupKeys {
  if (passphrase.length < 12) throw new BackupError('BACKUP_PASSPHRASE_WEAK');
  const master = crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);
  const hash = cipher === 'sm4' ? 'sm3' : 'sha256';
  const expand = (label: string, bytes: number) => Buffer.from(crypto.hkdfSync(hash, master, salt, `zhenggong backup ${label}`, bytes));
  return { cipher, enc: expand(`${cipher} enc`, cipher === 'sm4' ? 16 : 32), mac: expand(`${cipher} mac`, 32) };
}

function u64(index: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(index));
  return b;
}

function associated(header: Buffer, index: number, final: boolean): Buffer {
  return Buffer.concat([header, u64(index), Buffer.from([final ? 1 : 0])]);
}

const tagBytes = (cipher: BackupCipher): number => (cipher === 'sm4' ? 32 : 16);

function seal(keys: BackupKeys, header: Buffer, index: number, final: boolean, plain: Buffer): Buffer {
  const aad = associated(header, index, final);
  let body: Buffer;
  let tag: Buffer;
  if (keys.cipher === 'aes') {
    const c = crypto.createCipheriv('aes-256-gcm', keys.enc, Buffer.concat([Buffer.alloc(4), u64(index)]));
    c.setAAD(aad);
    body = Buffer.concat([c.update(plain), c.final()]);
    tag = c.getAuthTag();
  } else {
    const c = crypto.createCipheriv('sm4-ctr', keys.enc, Buffer.concat([u64(index), Buffer.alloc(8)]));
    body = Buffer.concat([c.update(plain), c.final()]);
    tag = crypto.createHmac('sm3', keys.mac).update(aad).update(body).digest();
  }
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body, tag]);
}

function open(keys: BackupKeys, header: Buffer, index: number, final: boolean, body: Buffer, tag: Buffer): Buffer {
  const aad = associated(header, index, final);
  try {
    if (keys.cipher === 'aes') {
      const d = crypto.createDecipheriv('aes-256-gcm', keys.enc, Buffer.concat([Buffer.alloc(4), u64(index)]));
      d.setAAD(aad);
      d.setAuthTag(tag);
      return Buffer.concat([d.update(body), d.final()]);
    }
    const expected = crypto.createHmac('sm3', keys.mac).update(aad).update(body).digest();
    if (!crypto.timingSafeEqual(expected, tag)) throw new Error('HMAC-SM3 mismatch');
    const d = crypto.createDecipheriv('sm4-ctr', keys.enc, Buffer.concat([u64(index), Buffer.alloc(8)]));
    return Buffer.concat([d.update(body), d.final()]);
  } catch {
    // Wrong passphrase and tampering look the same from here, and must: either way nothing is used.
    throw new BackupError('BACKUP_TAMPERED', { record: index });
  }
}

/** Seals a plaintext stream; `header` (the archive's clear header) is bound into every record. */
export function sealStream(keys: BackupKeys, header: Buffer): Transform {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const take = (): Buffer => {
    const all = Buffer.concat(pending);
    const out = all.subarray(0, RECORD_BYTES);
    pending = all.length > RECORD_BYTES ? [all.subarray(RECORD_BYTES)] : [];
    pendingBytes = all.length - out.length;
    return out;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      // Hold back up to one record: only flush() knows which record is the last and flags it final.
      while (pendingBytes > RECORD_BYTES) this.push(seal(keys, header, index++, false, take()));
      done();
    },
    flush(done: TransformCallback) {
      this.push(seal(keys, header, index++, true, take()));
      done();
    },
  });
}

/** Opens a sealed stream; refuses a changed, reordered, truncated or extended one (BACKUP_TAMPERED). */
export function openStream(keys: BackupKeys, header: Buffer): Transform {
  const tagLen = tagBytes(keys.cipher);
  let buffered: Buffer = Buffer.alloc(0);
  let index = 0;
  let finished = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      try {
        for (;;) {
          if (buffered.length < 4) break;
          const len = buffered.readUInt32BE(0);
          if (len > RECORD_BYTES) throw new BackupError('BACKUP_TAMPERED', { record: index });
          const whole = 4 + len + tagLen;
          if (buffered.length < whole) break;
          if (finished) throw new BackupError('BACKUP_TAMPERED', { record: index, reason: 'data after the final record' });
          const body = buffered.subarray(4, 4 + len);
          const tag = buffered.subarray(4 + len, whole);
          // A record is final exactly when its tag verifies with the final flag; a full record may still be final.
          const isLastCandidate = len < RECORD_BYTES;
          let plain: Buffer;
          try {
            plain = open(keys, header, index, isLastCandidate, body, tag);
            finished = isLastCandidate;
          } catch (error) {
            if (isLastCandidate) throw error;
            plain = open(keys, header, index, true, body, tag);
            finished = true;
          }
          index++;
          buffered = buffered.subarray(whole);
          this.push(plain);
        }
        done();
      } catch (error) {
        done(error instanceof Error ? error : new BackupError('BACKUP_TAMPERED', { record: index }));
      }
    },
    flush(done: TransformCallback) {
      if (!finished || buffered.length > 0) done(new BackupError('BACKUP_TAMPERED', { record: index, reason: 'truncated' }));
      else done();
    },
  });
}
