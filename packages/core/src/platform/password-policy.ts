/**
 * Password policy evaluation. Two profiles: `mlps3` (等保 level 3: complexity, maximum age, the
 * default) and `asvs` (OWASP ASVS 5.0: length only, no rotation). See docs/adr/003-password-policy.md.
 */
export interface PasswordPolicy {
  readonly profile: 'mlps3' | 'asvs';
  readonly minLength: number;
  readonly maxLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) must appear; 0 = none. */
  readonly minClasses: number;
  /** How many previous passwords may not be reused. */
  readonly historyCount: number;
  /** Days after which the password must be changed; 0 = never. */
  readonly maxAgeDays: number;
}

export const passwordPolicies: Record<PasswordPolicy['profile'], PasswordPolicy> = {
  mlps3: { profile: 'mlps3', minLength: 8, maxLength: 128, minClasses: 3, historyCount: 5, maxAgeDays: 90 },
  asvs: { profile: 'asvs', minLength: 12, maxLength: 128, minClasses: 0, historyCount: 5, maxAgeDays: 0 },
};

export type PasswordProblem = 'too_short' | 'too_long' | 'classes' | 'contains_username' | 'common';

// A short list of the most common passwords; the policy rejects them in any profile.
const common = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'qwerty123',
  'admin123',
  'admin@123',
  'abc12345',
  'p@ssw0rd',
  'passw0rd',
  'iloveyou',
  '11111111',
  '88888888',
  'a1234567',
  'aa123456',
  'qwe123456',
  '1qaz2wsx',
  '1qaz@wsx',
  'zxcvbnm1',
  'welcome1',
]);

export function countClasses(password: string): number {
  let n = 0;
  if (/[a-z]/.test(password)) n++;
  if (/[A-Z]/.test(password)) n++;
  if (/[0-9]/.test(password)) n++;
  if (/[^A-Za-z0-9]/.test(password)) n++;
  return n;
}

export function checkPassword(policy: PasswordPolicy, password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push('too_short');
  if (length > policy.maxLength) problems.push('too_long');
  if (countClasses(password) < policy.minClasses) problems.push('classes');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  if (common.has(password.toLowerCase())) problems.push('common');
  return problems;
}
