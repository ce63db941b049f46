import { normalize } from '../dict/registry.ts';
import { careerProblems, careerWarnings, type CareerProblemCode, type CareerWarningCode } from './career-checks.ts';
import { parseIdNumber } from './id-number.ts';

/**
 * Checks one person's data as entered (form or import row) against the ID number and the code
 * tables. Returns the canonical values and every problem found, each tied to its field, so an
 * importer can report row and column and a form can mark the input.
 */
export type PersonProblemCode =
  | 'id_format'
  | 'id_birth_date'
  | 'id_check_digit'
  | 'sex_mismatch'
  | 'birth_date_mismatch'
  | 'unknown_code'
  | 'police_number_format'
  | 'phone_format'
  | 'date_before_birth'
  | 'date_in_future'
  | CareerProblemCode;

export interface PersonProblem {
  readonly field: string;
  readonly code: PersonProblemCode;
  readonly value?: string;
}

/** Flagged for a person to look at, never refused (a 警衔 outside its 职级's band). */
export interface PersonWarning {
  readonly field: string;
  readonly code: CareerWarningCode;
  readonly value?: string;
}

export interface PersonCheckInput {
  readonly idNumber: string;
  readonly kind?: 'officer' | 'auxiliary' | undefined;
  readonly sex?: string | undefined;
  readonly birthDate?: string | undefined;
  readonly ethnicity?: string | undefined;
  readonly politicalStatus?: string | undefined;
  readonly education?: string | undefined;
  readonly nativePlace?: string | undefined;
  readonly birthplace?: string | undefined;
  readonly rank?: string | undefined;
  readonly officerLevel?: string | undefined;
  readonly techLevel?: string | undefined;
  readonly policeNumber?: string | undefined;
  readonly phone?: string | undefined;
  readonly dates?: Readonly<Record<string, string | undefined>>;
}

export interface PersonCheckResult {
  readonly problems: PersonProblem[];
  readonly warnings: PersonWarning[];
  readonly idNumber: string;
  /** The 15-digit first-generation number as written, when `idNumber` is its 18-digit upgrade. */
  readonly idNumberOriginal: string | undefined;
  readonly sex: '1' | '2' | undefined;
  readonly birthDate: string | undefined;
  /** Code-table fields resolved to their codes (汉 → 01). */
  readonly codes: Readonly<Record<string, string | undefined>>;
}

const codeFields: Readonly<Record<string, string>> = {
  ethnicity: 'ethnicity',
  politicalStatus: 'political_status',
  education: 'education',
  nativePlace: 'admin_division',
  birthplace: 'admin_division',
  rank: 'police_rank',
  officerLevel: 'police_officer_level',
  techLevel: 'police_tech_level',
};

const sexCode = (raw: string | undefined): '1' | '2' | undefined => {
  if (raw === undefined || raw === '') return undefined;
  const item = normalize('sex', raw);
  return item?.code === '1' || item?.code === '2' ? item.code : undefined;
};

export interface PersonCheckOptions {
  readonly today: string;
  /** Police number (警号) format, configurable per province; default six digits. */
  readonly policeNumberPattern?: RegExp;
}

export function checkPerson(input: PersonCheckInput, options: PersonCheckOptions): PersonCheckResult {
  const problems: PersonProblem[] = [];
  const parsed = parseIdNumber(input.idNumber, new Date(`${options.today}T23:59:59Z`));
  let sex: '1' | '2' | undefined = sexCode(input.sex);
  let birthDate = input.birthDate;
  let idNumber = input.idNumber;
  let idNumberOriginal: string | undefined;
  if (!parsed.ok) {
    problems.push({ field: 'idNumber', code: `id_${parsed.problem}`, value: input.idNumber });
  } else {
    idNumber = parsed.info.value;
    idNumberOriginal = parsed.info.upgradedFrom;
    const idSex = parsed.info.sex === 'male' ? '1' : '2';
    if (input.sex !== undefined && input.sex !== '' && sex !== idSex)
      problems.push({ field: 'sex', code: 'sex_mismatch', value: input.sex });
    if (birthDate !== undefined && birthDate !== parsed.info.birthDate)
      problems.push({ field: 'birthDate', code: 'birth_date_mismatch', value: birthDate });
    sex = idSex;
    birthDate = parsed.info.birthDate;
  }
  const codes: Record<string, string | undefined> = {};
  for (const [field, dict] of Object.entries(codeFields)) {
    const raw = input[field as keyof PersonCheckInput];
    if (typeof raw !== 'string' || raw === '') continue;
    const item = normalize(dict, raw);
    if (!item) problems.push({ field, code: 'unknown_code', value: raw });
    codes[field] = item?.code;
  }
  const pattern = options.policeNumberPattern ?? /^\d{6}$/;
  if (input.policeNumber && !pattern.test(input.policeNumber))
    problems.push({ field: 'policeNumber', code: 'police_number_format', value: input.policeNumber });
  if (input.phone && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(input.phone))
    problems.push({ field: 'phone', code: 'phone_format', value: input.phone });
  const dated = new Set<string>();
  for (const [field, value] of Object.entries(input.dates ?? {})) {
    if (!value) continue;
    if (value > options.today) problems.push({ field, code: 'date_in_future', value });
    else if (birthDate && value.slice(0, 7) < birthDate.slice(0, 7)) problems.push({ field, code: 'date_before_birth', value });
    else continue;
    dated.add(field);
  }
  const career = {
    kind: input.kind,
    birthDate,
    workStartDate: input.dates?.workStartDate,
    policeStartDate: input.dates?.policeStartDate,
    partyJoinDate: input.dates?.partyJoinDate,
    levelDate: input.dates?.levelDate,
    rank: codes.rank ?? input.rank,
    officerLevel: codes.officerLevel ?? input.officerLevel,
    policeNumber: input.policeNumber,
  };
  // One problem per field: a date already refused as future or before birth is not judged again.
  for (const p of careerProblems(career)) if (!dated.has(p.field) && !problems.some((q) => q.field === p.field)) problems.push(p);
  return { problems, warnings: careerWarnings(career, options.today), idNumber, idNumberOriginal, sex, birthDate, codes };
}
