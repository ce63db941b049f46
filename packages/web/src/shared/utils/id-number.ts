import { beijingToday } from './beijing-today';
/**
 * Client-side check of a citizen identity number, GB 11643-1999 (the same rule as core
 * `personnel/id-number.ts`, kept here so no page chunk pulls in core's code tables; the server
 * checks again on submit). Used by the personnel forms and the recruitment portal:
 * 6-digit address code, 8-digit birth date, 3-digit sequence (odd = male) and a check character
 * computed with ISO 7064 MOD 11-2. The server checks again on save.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export interface IdNumberInfo {
  /** 18 characters, upper-case X. */
  value: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** GB/T 2261.1 code: 1 male, 2 female. */
  sex: '1' | '2';
}

function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Normalises (full-width → half-width, spaces, lower-case x) and checks. */
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
  if (!validDate(y, m, d) || y < 1900 || birthDate > beijingToday(today)) return { ok: false, problem: 'birth_date' };
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, info: { value, birthDate, sex: Number(value[16]) % 2 === 1 ? '1' : '2' } };
}

/** Full years of age on a reference date (YYYY-MM-DD): the birthday itself counts. */
export function ageOn(birthDate: string, reference: string): number {
  const years = Number(reference.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return reference.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
