import { describe, expect, it } from 'vitest';
import { FieldIntegrityError, fieldCryptoFromSecret } from './field-crypto.ts';

const fc1 = fieldCryptoFromSecret('11'.repeat(32));
const fc2 = fieldCryptoFromSecret('22'.repeat(32));

describe('field crypto', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = fc1.encrypt('11010519491231002X');
    const b = fc1.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(fc1.decrypt(a)).toBe('11010519491231002X');
  });

  it('detects a flipped byte instead of returning garbage', () => {
    const stored = fc1.encrypt('13800138000');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
    expect(() => fc1.decrypt(`v1:${raw.toString('base64')}`)).toThrow(FieldIntegrityError);
    expect(() => fc2.decrypt(stored)).toThrow(FieldIntegrityError);
  });

  it('blind index is deterministic per key and kind', () => {
    expect(fc1.blindIndex('id', 'x')).toBe(fc1.blindIndex('id', 'x'));
    expect(fc1.blindIndex('id', 'x')).not.toBe(fc2.blindIndex('id', 'x'));
    expect(fc1.blindIndex('id', 'x')).not.toBe(fc1.blindIndex('phone', 'x'));
  });
});
