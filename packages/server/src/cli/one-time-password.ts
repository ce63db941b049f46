import { checkPassword, type PasswordPolicy } from '@zhenggong/core';
import { nodeCrypto } from '../platform/crypto.ts';

/**
 * A random initial password the configured policy accepts: base64url from the crypto provider
 * (≥ 96 bits), redrawn in the rare case it lacks a character class. It is shown once and must
 * be changed at first login.
 */
export function oneTimePassword(policy: PasswordPolicy, username: string): string {
  const bytes = Math.max(12, Math.ceil((policy.minLength * 3) / 4) + 1);
  for (let i = 0; i < 1000; i++) {
    const candidate = nodeCrypto.randomToken(bytes);
    // A leading "-" would read as an option when pasted into a command line.
    if (!candidate.startsWith('-') && checkPassword(policy, candidate, username).length === 0) return candidate;
  }
  // Only reachable with a policy that base64url text can never satisfy (e.g. symbols required).
  return `${nodeCrypto.randomToken(bytes)}aA7!`;
}
