import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  // Test fixtures use cheaper parameters (test-support/factories.ts); the product must not.
  it('uses argon2id with OWASP’s minimum parameters (19 MiB, t=2, p=1)', async () => {
    const stored = await hashPassword('Correct horse 7!');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'Correct horse 7!')).toBe(true);
    expect(await verifyPassword(stored, 'Correct horse 8!')).toBe(false);
    expect(await verifyPassword('not a hash', 'Correct horse 7!')).toBe(false);
  });
});
