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
  /** The 15-digit first-generation number as written, when `value` was upgraded from it. */
  readonly upgradedFrom?: string;
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
 * A first-generation 15-digit number (GB 11643-1989: 6-digit address, yymmdd birth date, 3-digit
 * sequence, no check character) as its 18-digit form: "19" put before the year (15-digit cards
 * were issued only to people born in the 1900s) and the ISO 7064 check character computed.
 * Undefined for anything that is not 15 digits.
 */
export function upgradeIdNumber15(raw: string): string | undefined {
  const value = raw.normalize('NFKC').replace(/\s+/g, '');
  if (!/^\d{15}$/.test(value)) return undefined;
  const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
  return first17 + checkCharacter(first17);
}

/**
 * Normalises (trim, full-width → half-width, lower-case x → X) and checks an ID number; a
 * 15-digit number is upgraded to 18 digits and the original kept in `upgradedFrom`.
 * `today` bounds the birth date (no one born in the future or before 1900).
 */
export function parseIdNumber(
  raw: string,
  today: Date = new Date(),
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const written = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  const upgraded = upgradeIdNumber15(written);
  const value = upgraded ?? written;
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!validDate(y, m, d) || y < 1900 || birthDate > beijingDate(today)) return { ok: false, problem: 'birth_date' };
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, info: { value, addressCode: value.slice(0, 6), birthDate, sex, ...(upgraded ? { upgradedFrom: written } : {}) } };
}

/** Builds a valid number from its parts (demo data and tests; never real people). */
export function makeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  const first17 = `${addressCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** 110101********1234-style mask for lists (ARCHITECTURE.md, sensitive fields). */
export const maskIdNumber = (value: string): string => (value.length === 18 ? `${value.slice(0, 6)}********${value.slice(14)}` : '******');
