import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** MAC hash of a profile: SM3 under `gm` (GB/T 32905), SHA-256 otherwise. */
export type MacHash = 'sm3' | 'sha256';

export interface Sm2KeyPair {
  /** 32-byte private scalar, hex. */
  readonly privateKey: string;
  /** Uncompressed point 04‖x‖y, hex. */
  readonly publicKey: string;
}

/**
 * The one place that does cryptography, so a certified 密码机 backend can replace it later
 * (GB/T 39786). SM3 per GB/T 32905, SM4 per GB/T 32907 (Node's OpenSSL), SM2 signatures per
 * GB/T 32918.2 (sm-crypto-v2: Node 20's own SM2 is unusable). The startup self-test checks the
 * standards' vectors.
 */
export interface CryptoProvider {
  sm3Hex(data: string | Buffer): string;
  sha256Hex(data: string | Buffer): string;
  hmacHex(hash: MacHash, key: Buffer, data: string | Buffer): string;
  randomToken(bytes?: number): string;
  timingSafeEqual(a: string, b: string): boolean;
  sm2KeyPair(): Sm2KeyPair;
  /** SM2 signature with SM3 and the default user ID (GB/T 35276: "1234567812345678"); r‖s hex. */
  sm2Sign(privateKey: string, message: string): string;
  sm2Verify(publicKey: string, message: string, signature: string): boolean;
}

export const SM2_DEFAULT_USER_ID = '1234567812345678';

export const nodeCrypto: CryptoProvider = {
  sm3Hex: (data) => crypto.createHash('sm3').update(data).digest('hex'),
  sha256Hex: (data) => crypto.createHash('sha256').update(data).digest('hex'),
  hmacHex: (hash, key, data) => crypto.createHmac(hash, key).update(data).digest('hex'),
  randomToken: (bytes = 32) => crypto.randomBytes(bytes).toString('base64url'),
  timingSafeEqual: (a, b) => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && crypto.timingSafeEqual(x, y);
  },
  sm2KeyPair: () => {
    const pair = sm2.generateKeyPairHex();
    return { privateKey: pair.privateKey, publicKey: pair.publicKey };
  },
  sm2Sign: (privateKey, message) =>
    sm2.doSignature(message, privateKey, {
      hash: true,
      userId: SM2_DEFAULT_USER_ID,
      publicKey: sm2.getPublicKeyFromPrivateKey(privateKey),
    }),
  sm2Verify: (publicKey, message, signature) => {
    try {
      return sm2.doVerifySignature(message, signature, publicKey, { hash: true, userId: SM2_DEFAULT_USER_ID });
    } catch {
      // A malformed key or signature is a failed verification, not a crash.
      return false;
    }
  },
};

/**
 * Known-answer tests; refuse to start if a primitive is missing or wrong:
 * SM3 "abc" (GB/T 32905 appendix A.1), SM4 single block (GB/T 32907 appendix A.1),
 * and the SM2 signature sample of GM/T 0003.5 / GB/T 32918.5 (message "message digest").
 */
export function selfTest(provider: CryptoProvider = nodeCrypto): void {
  if (provider.sm3Hex('abc') !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0') {
    throw new Error('SM3 self-test failed (GB/T 32905 "abc" vector)');
  }
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const block = crypto.createCipheriv('sm4-ecb', key, null).setAutoPadding(false).update(key).toString('hex');
  if (block !== '681edf34d206965e86b3e94f536e4246') throw new Error('SM4 self-test failed (GB/T 32907 A.1 vector)');
  if (!provider.sm2Verify(SM2_SAMPLE.publicKey, SM2_SAMPLE.message, SM2_SAMPLE.signature)) {
    throw new Error('SM2 self-test failed (GB/T 32918 signature sample)');
  }
}

/** Signature sample on the recommended curve (GM/T 0003.5-2012 / GB/T 32918.5 example; ID 1234567812345678). */
export const SM2_SAMPLE = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  signature:
    'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
} as const;
