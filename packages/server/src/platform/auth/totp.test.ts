import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpAt } from './totp.ts';

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B, SHA-1 seed "12345678901234567890", 8 digits, 30-second steps.
  const seed = Buffer.from('12345678901234567890');
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  it.each(vectors)('matches the RFC 6238 vector at T=%i', (t, code) => {
    expect(hotp(seed, Math.floor(t / 30), 8)).toBe(code);
  });

  it('matches the RFC 4226 HOTP vectors (6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_c, i) => hotp(seed, i))).toEqual(expected);
  });

  it('round-trips base32 (RFC 4648 vector "foobar")', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
  });

  it('accepts a code within the drift and names its step; refuses outside it', () => {
    const secret = base32Encode(seed);
    const now = new Date(1_111_111_111_000);
    const previous = totpAt(secret, new Date(now.getTime() - 30_000));
    expect(matchTotp(secret, totpAt(secret, now), now, 1)).toBe(Math.floor(1_111_111_111 / 30));
    expect(matchTotp(secret, previous, now, 1)).toBe(Math.floor(1_111_111_111 / 30) - 1);
    expect(matchTotp(secret, totpAt(secret, new Date(now.getTime() - 90_000)), now, 1)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now, 1)).toBeNull();
  });

  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('智慧政工', 'sysadmin', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/%E6%99%BA%E6%85%A7%E6%94%BF%E5%B7%A5%3Asysadmin?secret=JBSWY3DPEHPK3PXP&issuer=%E6%99%BA%E6%85%A7%E6%94%BF%E5%B7%A5&algorithm=SHA1&digits=6&period=30',
    );
  });
});
