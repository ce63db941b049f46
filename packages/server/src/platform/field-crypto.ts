import crypto from 'node:crypto';
import fs from 'node:fs';

/**
 * Encryption of sensitive fields at rest (ID numbers, phones, health …) and keyed blind indexes
 * for exact search on them (SECURITY.md L3-CES1-28). Two keys derived from the instance secret
 * with HKDF, so the index key cannot decrypt and the encryption key cannot be probed via the index.
 * Ciphertext: "v1:" + base64(iv ‖ tag ‖ data), AES-256-GCM — an AEAD, so a flipped byte fails loudly.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash (HMAC-SM3) of the normalised value, for unique indexes and lookups. */
  blindIndex(kind: string, normalized: string): string;
}

export class FieldIntegrityError extends Error {
  constructor() {
    super('sensitive field failed its integrity check');
    this.name = 'FieldIntegrityError';
  }
}

export function fieldCryptoFromSecret(secretHex: string): FieldCrypto {
  const secret = Buffer.from(secretHex.trim(), 'hex');
  if (secret.length < 32) throw new Error('The secret key must be at least 32 bytes of hex');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
  const encKey = derive('zhenggong field encryption v1');
  const indexKey = derive('zhenggong blind index v1');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new FieldIntegrityError();
      const raw = Buffer.from(stored.slice(3), 'base64');
      if (raw.length < 28) throw new FieldIntegrityError();
      try {
        const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldIntegrityError();
      }
    },
    blindIndex(kind, normalized) {
      return crypto.createHmac('sm3', indexKey).update(`${kind}\u0000${normalized}`).digest('hex');
    },
  };
}

export const fieldCryptoFromFile = (file: string): FieldCrypto => fieldCryptoFromSecret(fs.readFileSync(file, 'utf8'));
