import type { CreatePersonBody } from '../schemas/person.ts';
import { PersonFields } from '../schemas/person.ts';
import { parseIdNumber } from './id-number.ts';
import {
  cellCompact,
  cellText,
  dateCell,
  idCell,
  kindCell,
  namesCell,
  phoneCell,
  policeNumberCell,
  type RosterCell,
} from './roster-cells.ts';
import type { MappedColumn, RosterField } from './roster-columns.ts';
import type { RosterProblemCode } from './roster-problems.ts';

/** One problem of a row, tied to the field (the importer turns it into sheet column and message). */
export interface RosterFieldProblem {
  readonly field: RosterField;
  readonly code: RosterProblemCode;
  readonly value: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A row read into the shape of the person form, minus the unit (resolved against the org tree by the server). */
export interface RosterDraft {
  readonly person: Partial<Omit<CreatePersonBody, 'orgId'>>;
  /** The unit as written, spaces removed; '' when blank. */
  readonly unit: string;
  readonly problems: RosterFieldProblem[];
}

export interface RosterRowOptions {
  readonly today: string;
  readonly policeNumberPattern: RegExp;
  /** Category for rows without one (a roster of 民警 often has no 人员类别 column). */
  readonly defaultKind?: 'officer' | 'auxiliary' | undefined;
}

type DateField = 'partyJoinDate' | 'workStartDate' | 'policeStartDate' | 'rankDate' | 'levelDate' | 'contractEnd';
const dateFields: readonly DateField[] = ['partyJoinDate', 'workStartDate', 'policeStartDate', 'rankDate', 'levelDate', 'contractEnd'];
/** Code-table fields: passed through as written; checkPerson resolves them (汉 → 01) or reports them. */
const codeFields = ['ethnicity', 'politicalStatus', 'nativePlace', 'birthplace', 'education', 'rank', 'officerLevel', 'techLevel'] as const;
const textFields = ['post', 'postLevel', 'degree', 'auxCategory'] as const;

/** Length limits come from the form's schema, so the importer cannot drift from what the form accepts. */
const maxLength = (field: keyof typeof PersonFields): number | undefined => (PersonFields[field] as { maxLength?: number }).maxLength;
const formerNames = PersonFields.formerNames as unknown as { maxItems: number; items: { maxLength: number } }; // Optional(Array(Text(50), { maxItems: 5 }))

/**
 * Reads one data row: normalises each mapped cell and reports what is wrong with it, at most one
 * problem per field. Checks against the ID number (sex, birth date at day precision, dates
 * before birth) and the code tables are left to checkPerson, which the form uses too.
 */
export function readRosterRow(
  cells: readonly RosterCell[],
  columns: readonly MappedColumn[],
  options: RosterRowOptions,
  /** Each cell's number format by 1-based column, when the reader knows it (for dates typed as numbers). */
  formats: readonly (string | undefined)[] = [],
): RosterDraft {
  const cell = new Map<RosterField, RosterCell>(columns.map((c) => [c.field, cells[c.index] ?? null]));
  const format = new Map<RosterField, string | undefined>(columns.map((c) => [c.field, formats[c.index]]));
  const get = (field: RosterField): RosterCell => cell.get(field) ?? null;
  const problems: RosterFieldProblem[] = [];
  const person: Partial<Omit<CreatePersonBody, 'orgId'>> = {};
  const problem = (field: RosterField, code: RosterProblemCode, value: string, params?: Record<string, string | number>) =>
    problems.push(params ? { field, code, value, params } : { field, code, value });
  const limited = (field: 'name' | 'post' | 'postLevel' | 'degree' | 'auxCategory' | 'policeNumber', value: string): string | undefined => {
    const max = maxLength(field);
    if (max !== undefined && [...value].length > max) return void problem(field, 'too_long', value, { max });
    return value;
  };

  const name = cellCompact(get('name'));
  if (name === '') problem('name', 'required', '');
  else person.name = limited('name', name);

  const id = idCell(get('idNumber'));
  if (!id.ok) problem('idNumber', id.problem, cellText(get('idNumber')));
  else if (id.value === '') problem('idNumber', 'required', '');
  else person.idNumber = id.value;

  const kindRaw = cellCompact(get('kind'));
  const kind = kindRaw === '' ? options.defaultKind : kindCell(kindRaw);
  if (kind) person.kind = kind;
  else if (kindRaw === '') problem('kind', 'required', '');
  else problem('kind', 'kind_unknown', kindRaw);

  const sex = cellCompact(get('sex'));
  if (sex !== '') person.sex = sex as CreatePersonBody['sex']; // checkPerson resolves 男/女/1/2 and reports anything else

  // The ID number's birth month settles 出生年月 typed as 1990.1 (January, or October with its zero lost).
  const idBirth = person.idNumber ? parseIdNumber(person.idNumber, new Date(`${options.today}T23:59:59Z`)) : undefined;
  const birth = dateCell(get('birthDate'), format.get('birthDate'), {
    month: idBirth?.ok ? Number(idBirth.info.birthDate.slice(5, 7)) : undefined,
  });
  if (birth && !birth.ok) problem('birthDate', birth.problem, cellText(get('birthDate')));
  else if (birth?.precision === 'day') person.birthDate = birth.value;
  else if (birth && idBirth?.ok && idBirth.info.birthDate.slice(0, 7) !== birth.value) {
    // 出生年月 "1985.03": compare the month only; checkPerson compares full dates.
    problem('birthDate', 'birth_date_mismatch', cellText(get('birthDate')), { expected: idBirth.info.birthDate });
  }

  for (const field of dateFields) {
    const d = dateCell(get(field), format.get(field));
    if (d && !d.ok) problem(field, d.problem, cellText(get(field)));
    else if (d) person[field] = d.value;
  }
  for (const field of codeFields) {
    const text = cellCompact(get(field));
    if (text !== '') person[field] = text;
  }
  for (const field of textFields) {
    const text = cellText(get(field));
    if (text !== '') person[field] = limited(field, text);
  }

  const pnRaw = get('policeNumber');
  if (cellCompact(pnRaw) !== '') {
    const pn = policeNumberCell(pnRaw, options.policeNumberPattern);
    if (!pn.ok) problem('policeNumber', pn.problem, pn.value);
    else person.policeNumber = limited('policeNumber', pn.value);
  }
  const phone = phoneCell(get('phone'));
  if (phone !== '') person.phone = phone;

  const names = namesCell(get('formerNames'));
  if (names.length > formerNames.maxItems) problem('formerNames', 'too_many', names.join('、'), { max: formerNames.maxItems });
  else if (names.some((n) => n.length > formerNames.items.maxLength))
    problem('formerNames', 'too_long', names.join('、'), { max: formerNames.items.maxLength });
  else if (names.length > 0) person.formerNames = names;

  const unit = cellCompact(get('unit'));
  if (unit === '') problem('unit', 'required', '');
  return { person, unit, problems };
}
