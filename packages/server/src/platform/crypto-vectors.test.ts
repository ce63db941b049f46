import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto, selfTest, SM2_SAMPLE } from './crypto.ts';

/** The standards' own test vectors, from their appendices. */
describe('国密 primitives against the standards', () => {
  it('SM3, GB/T 32905-2016 appendix A: "abc" and the 512-bit message', () => {
    expect(nodeCrypto.sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(nodeCrypto.sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('SM4, GB/T 32907-2016 appendix A: one block, and the same block encrypted 1,000,000 times', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = crypto.createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    let block: Buffer = cipher.update(key);
    expect(block.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
    for (let i = 1; i < 1_000_000; i++) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });

  it('SM2, the GB/T 32918 / GM/T 0003.5 signature sample on the recommended curve', () => {
    expect(nodeCrypto.sm2Verify(SM2_SAMPLE.publicKey, SM2_SAMPLE.message, SM2_SAMPLE.signature)).toBe(true);
    const flipped = SM2_SAMPLE.signature.replace(/^f/, 'e');
    expect(nodeCrypto.sm2Verify(SM2_SAMPLE.publicKey, SM2_SAMPLE.message, flipped)).toBe(false);
    expect(nodeCrypto.sm2Verify(SM2_SAMPLE.publicKey, 'message digesT', SM2_SAMPLE.signature)).toBe(false);
    // Our own signatures under that key verify (random k, so no fixed expected value).
    const sig = nodeCrypto.sm2Sign(SM2_SAMPLE.privateKey, 'zhenggong');
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(nodeCrypto.sm2Verify(SM2_SAMPLE.publicKey, 'zhenggong', sig)).toBe(true);
  });

  it('the startup self-test passes here and refuses a provider with a wrong SM3', () => {
    expect(() => selfTest()).not.toThrow();
    expect(() => selfTest({ ...nodeCrypto, sm3Hex: () => '0'.repeat(64) })).toThrow(/SM3 self-test/);
  });
});
