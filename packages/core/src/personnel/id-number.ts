import { beijingDate } from '../platform/beijing-date.ts';

/**
 * Citizen identity numbers per GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth
 * date, 3-digit sequence (odd = male, even = female) and a check character computed with
 * ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export interface IdNumberInfo {
  /** Canonical form: 18 characters, upper-case X. */
  readonly value: string;
  readonly addressCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Normalises (trim, full-width → half-width, lower-case x → X) and checks an ID number.
 * `today` bounds the birth date (no one born in the future or before 1900).
 */
export function parseIdNumber(
  raw: string,
  today: Date = new Date(),
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const value = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!validDate(y, m, d) || y < 1900 || birthDate > beijingDate(today)) return { ok: false, problem: 'birth_date' };
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, info: { value, addressCode: value.slice(0, 6), birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** Builds a valid number from its parts (demo data and tests; never real people). */
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** 110101********1234-style mask for lists (ARCHITECTURE.md, sensitive fields). */
export const maskIdNumber = (value: string): string => (value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : '******');
