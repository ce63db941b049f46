import type { TFunction } from 'i18next';
import { hasKey } from '../../shared/utils/has-key';
import type { PasswordPolicy } from './api';
import { authZhCN } from './locales';

/** Character classes as counted by the mlps3 (等保三级) profile: lower, upper, digit, other. */
const CLASS_PATTERNS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

export function countCharacterClasses(password: string): number {
  return CLASS_PATTERNS.filter((pattern) => pattern.test(password)).length;
}

/**
 * Client-side hints only, so the user learns before submitting; the server checks again and
 * also checks what the browser cannot know (history, reuse).
 */
export function clientPasswordProblems(password: string, policy: PasswordPolicy | undefined, username?: string): string[] {
  if (!policy || !password) return [];
  const problems: string[] = [];
  const length = [...password].length; // code points, as the server counts
  if (length < policy.minLength) problems.push('too_short');
  if (length > policy.maxLength) problems.push('too_long');
  if (countCharacterClasses(password) < policy.minClasses) problems.push('classes');
  // Same threshold as the server: a 1–2 character username would forbid too much.
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('contains_username');
  return problems;
}

/** Localised text for a policy reason code (server `details.reasons` or the client checks above). */
export function reasonLabel(t: TFunction, reason: string, policy: PasswordPolicy | undefined): string {
  if (!hasKey(authZhCN.reasons, reason)) return reason; // a reason this client does not know yet
  return t(`auth.reasons.${reason}`, {
    minLength: policy?.minLength ?? '',
    maxLength: policy?.maxLength ?? '',
    minClasses: policy?.minClasses ?? '',
    historyCount: policy?.historyCount ?? '',
  });
}
