import crypto from 'node:crypto';

/**
 * The one place that does cryptography, so a certified 密码机 backend can replace it later
 * (GB/T 39786). SM3 per GB/T 32905; the startup self-test checks the standard vector.
 */
export interface CryptoProvider {
  sm3Hex(data: string | Buffer): string;
  sha256Hex(data: string | Buffer): string;
  randomToken(bytes?: number): string;
  timingSafeEqual(a: string, b: string): boolean;
}

export const nodeCrypto: CryptoProvider = {
  sm3Hex: (data) => crypto.createHash('sm3').update(data).digest('hex'),
  sha256Hex: (data) => crypto.createHash('sha256').update(data).digest('hex'),
  randomToken: (bytes = 32) => crypto.randomBytes(bytes).toString('base64url'),
  timingSafeEqual: (a, b) => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && crypto.timingSafeEqual(x, y);
  },
};

/** Known-answer test; refuse to start if the platform's SM3 is missing or wrong. */
export function selfTest(provider: CryptoProvider = nodeCrypto): void {
  const expected = '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0';
  if (provider.sm3Hex('abc') !== expected) throw new Error('SM3 self-test failed (GB/T 32905 "abc" vector)');
}
