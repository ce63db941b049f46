import crypto from 'node:crypto';
import type { CryptoProfile } from '../config.ts';
import { readKeyring } from './field-keyring.ts';

/**
 * Encryption of sensitive fields at rest (ID numbers, phones, health …) and keyed blind indexes
 * for exact search on them (SECURITY.md L3-CES1-26/28, ADR 007 and 019). Keys are versioned:
 * version 1 is DATA_DIR/secret.key, later versions come from `rotate-keys` (field-keyring.ts).
 * Per version, HKDF derives separate keys, so the index key cannot decrypt and the encryption
 * key cannot be probed via the index. Every ciphertext names its key version and algorithm:
 *   v1:…        AES-256-GCM, key version 1 (the format before versions existed; still written)
 *   kN.aes:…    AES-256-GCM, key version N                        (profile `default`)
 *   kN.sm4:…    SM4-CBC + HMAC-SM3 encrypt-then-MAC, key version N (profile `gm`, GB/T 32907/32905)
 * Both are authenticated, so a flipped byte fails loudly instead of yielding garbage.
 */
export interface FieldCrypto {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash (HMAC-SM3) of the normalised value, for unique indexes and lookups. */
  blindIndex(kind: string, normalized: string): string;
  /** The key version that new ciphertexts and blind indexes use. */
  readonly currentVersion: number;
  /** Key version a stored ciphertext was made with (for rotation); throws on an unknown format. */
  versionOf(stored: string): number;
}

export class FieldIntegrityError extends Error {
  constructor() {
    super('sensitive field failed its integrity check');
    this.name = 'FieldIntegrityError';
  }
}

interface VersionKeys {
  readonly aes: Buffer;
  readonly sm4: Buffer;
  readonly sm4Mac: Buffer;
  readonly index: Buffer;
}

function deriveKeys(version: number, secret: Buffer): VersionKeys {
  const sha = (info: string, len: number) => Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), info, len));
  // HKDF over SM3 for the 国密 keys, so the gm profile uses no non-GM primitive (GB/T 39786).
  const sm3 = (info: string, len: number) => Buffer.from(crypto.hkdfSync('sm3', secret, Buffer.alloc(0), info, len));
  // Version 1 keeps the labels it had before versions existed, so old ciphertexts and indexes stay valid.
  const v = version === 1 ? 'v1' : `v${version}`;
  return {
    aes: sha(`zhenggong field encryption ${v}`, 32),
    index: version === 1 ? sha('zhenggong blind index v1', 32) : sm3(`zhenggong blind index ${v}`, 32),
    sm4: sm3(`zhenggong sm4 encryption ${v}`, 16),
    sm4Mac: sm3(`zhenggong sm4 mac ${v}`, 32),
  };
}

const FORMAT = /^(?:v1|k(\d{1,6})\.(aes|sm4)):/;

function parseStored(stored: string): { version: number; alg: 'aes' | 'sm4'; prefix: string; raw: Buffer } {
  const m = FORMAT.exec(stored);
  if (!m) throw new FieldIntegrityError();
  const prefix = m[0];
  const raw = Buffer.from(stored.slice(prefix.length), 'base64');
  if (prefix === 'v1:') return { version: 1, alg: 'aes', prefix, raw };
  return { version: Number(m[1]), alg: m[2] === 'sm4' ? 'sm4' : 'aes', prefix, raw };
}

function aesEncrypt(key: Buffer, plain: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]);
}

function aesDecrypt(key: Buffer, raw: Buffer): string {
  if (raw.length < 28) throw new FieldIntegrityError();
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** iv ‖ SM4-CBC(PKCS#7) ‖ HMAC-SM3(prefix ‖ iv ‖ ct): the MAC covers the version label too. */
function sm4Encrypt(keys: VersionKeys, prefix: string, plain: string): Buffer {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-cbc', keys.sm4, iv);
  const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = crypto.createHmac('sm3', keys.sm4Mac).update(prefix).update(body).digest();
  return Buffer.concat([body, mac]);
}

function sm4Decrypt(keys: VersionKeys, prefix: string, raw: Buffer): string {
  if (raw.length < 16 + 16 + 32 || (raw.length - 32) % 16 !== 0) throw new FieldIntegrityError();
  const body = raw.subarray(0, raw.length - 32);
  const mac = crypto.createHmac('sm3', keys.sm4Mac).update(prefix).update(body).digest();
  if (!crypto.timingSafeEqual(mac, raw.subarray(raw.length - 32))) throw new FieldIntegrityError();
  const decipher = crypto.createDecipheriv('sm4-cbc', keys.sm4, body.subarray(0, 16));
  return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
}

/** `secrets`: key version → at least 32 bytes of secret; `current` must be one of them. */
export function fieldCryptoFromKeys(secrets: ReadonlyMap<number, Buffer>, current: number, profile: CryptoProfile): FieldCrypto {
  const keys = new Map<number, VersionKeys>();
  for (const [version, secret] of secrets) {
    if (secret.length < 32) throw new Error(`Field key version ${version} must be at least 32 bytes`);
    keys.set(version, deriveKeys(version, secret));
  }
  const currentKeys = keys.get(current);
  if (!currentKeys) throw new Error(`Field key version ${current} is missing`);
  const sm4Prefix = `k${current}.sm4:`;
  const aesPrefix = current === 1 ? 'v1:' : `k${current}.aes:`;
  return {
    currentVersion: current,
    encrypt(plain) {
      if (profile === 'gm') return sm4Prefix + sm4Encrypt(currentKeys, sm4Prefix, plain).toString('base64');
      return aesPrefix + aesEncrypt(currentKeys.aes, plain).toString('base64');
    },
    decrypt(stored) {
      const { version, alg, prefix, raw } = parseStored(stored);
      const k = keys.get(version);
      if (!k) throw new FieldIntegrityError();
      try {
        return alg === 'sm4' ? sm4Decrypt(k, prefix, raw) : aesDecrypt(k.aes, raw);
      } catch {
        throw new FieldIntegrityError();
      }
    },
    blindIndex(kind, normalized) {
      return crypto.createHmac('sm3', currentKeys.index).update(`${kind}\u0000${normalized}`).digest('hex');
    },
    versionOf: (stored) => parseStored(stored).version,
  };
}

export function fieldCryptoFromSecret(secretHex: string, profile: CryptoProfile = 'default'): FieldCrypto {
  return fieldCryptoFromKeys(new Map([[1, Buffer.from(secretHex.trim(), 'hex')]]), 1, profile);
}

/**
 * The instance's field crypto: DATA_DIR/secret.key plus the keyring beside it. Refuses while a
 * rotation is unfinished: blind indexes are half under the old key, so lookups would miss rows.
 */
export function fieldCryptoFromFile(secretKeyFile: string, profile: CryptoProfile = 'default'): FieldCrypto {
  const ring = readKeyring(secretKeyFile);
  if (ring.rotatingTo !== null) {
    throw new Error(
      `A key rotation to version ${ring.rotatingTo} is unfinished: run "zhenggong rotate-keys" again to complete it / 密钥轮换未完成，请再次运行 rotate-keys`,
    );
  }
  return fieldCryptoFromKeys(ring.secrets, ring.current, profile);
}
