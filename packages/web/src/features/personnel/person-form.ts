import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../shared/api/api-error';
import { hasKey } from '../../shared/utils/has-key';
import { personnelZhCN } from './locales';
import type { PersonInput, PersonKind, PersonProblem, PersonProfile, PersonUpdate } from './types';

/** Date inputs of the person form (DatePicker values); everything else is text or a code. */
export const DATE_FIELDS = ['partyJoinDate', 'workStartDate', 'policeStartDate', 'rankDate', 'levelDate', 'contractEnd'] as const;
type DateField = (typeof DATE_FIELDS)[number];

/** Text and code fields an edit may change (kind and ID number never change). */
const EDITABLE_TEXT = [
  'name',
  'orgId',
  'ethnicity',
  'politicalStatus',
  'nativePlace',
  'birthplace',
  'education',
  'degree',
  'policeNumber',
  'post',
  'rank',
  'officerLevel',
  'postLevel',
  'techLevel',
  'auxCategory',
  'status',
] as const;
type TextField = (typeof EDITABLE_TEXT)[number];

export type PersonFormValues = {
  kind: PersonKind;
  idNumber: string;
  formerNames?: string[];
  phone?: string;
  effectiveDate?: Dayjs | null;
} & { [K in TextField]?: string } & { [K in DateField]?: Dayjs | null };

export type PersonFormField = keyof PersonFormValues & string;

const ISO = 'YYYY-MM-DD';
const textOf = (value: string | undefined) => value?.trim() || undefined;
const dateOf = (value: Dayjs | null | undefined) => (value ? value.format(ISO) : undefined);

/** Form → POST body: trimmed, empty values left out (the server takes codes for code fields). */
export function toCreateBody(values: PersonFormValues): PersonInput {
  const body: Record<string, unknown> = { kind: values.kind, idNumber: values.idNumber.trim() };
  for (const field of EDITABLE_TEXT) body[field] = textOf(values[field]);
  for (const field of DATE_FIELDS) body[field] = dateOf(values[field]);
  body.phone = textOf(values.phone);
  const formerNames = (values.formerNames ?? []).map((name) => name.trim()).filter(Boolean);
  if (formerNames.length > 0) body.formerNames = formerNames;
  // why: built field by field from a typed form; the required ones (name, orgId) are enforced by the form rules.
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as unknown as PersonInput;
}

export function fromProfile(person: PersonProfile): PersonFormValues {
  const values: PersonFormValues = { kind: person.kind, idNumber: person.idNumberMasked, formerNames: person.formerNames };
  for (const field of EDITABLE_TEXT) values[field] = person[field] ?? undefined;
  for (const field of DATE_FIELDS) values[field] = person[field] ? dayjs(person[field]) : null;
  return values;
}

/**
 * Form → PATCH body with only what changed. The API cannot clear a value (optional fields take
 * no null), so a cleared field is reported back instead of being sent.
 */
export function toUpdateBody(values: PersonFormValues, person: PersonProfile): { body: PersonUpdate; cleared: PersonFormField[] } {
  const body: Record<string, unknown> = {};
  const cleared: PersonFormField[] = [];
  const compare = (field: PersonFormField, next: string | undefined, before: string | null | undefined) => {
    if (next === (before ?? undefined)) return;
    if (next === undefined) cleared.push(field);
    else body[field] = next;
  };
  for (const field of EDITABLE_TEXT) compare(field, textOf(values[field]), person[field]);
  for (const field of DATE_FIELDS) compare(field, dateOf(values[field]), person[field]);
  const phone = textOf(values.phone);
  if (phone) body.phone = phone;
  const formerNames = (values.formerNames ?? []).map((name) => name.trim()).filter(Boolean);
  if (formerNames.join('\u0000') !== person.formerNames.join('\u0000')) body.formerNames = formerNames;
  if (Object.keys(body).length > 0 && values.effectiveDate) body.effectiveDate = values.effectiveDate.format(ISO);
  // why: keys come from the typed field lists above
  return { body: body as PersonUpdate, cleared };
}

export interface FieldError {
  name: PersonFormField;
  errors: string[];
}

function isProblem(value: unknown): value is PersonProblem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { field?: unknown }).field === 'string' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

/**
 * Puts a server refusal on the inputs it is about: PERSON_INVALID `details.problems`
 * ({ field, code }) and duplicate ID or police numbers. (Schema failures, VALIDATION_FAILED, send
 * `details` as an array, which the shared client drops; they show as a message.)
 * Sex and birth date are derived from the ID number, so their problems go to that input.
 * Returns [] when the error is not about a field (the caller shows it as a message).
 */
export function fieldErrorsOf(error: unknown, t: TFunction, formFields: ReadonlySet<PersonFormField>): FieldError[] {
  if (!isApiError(error)) return [];
  const known = (field: string): PersonFormField | undefined => [...formFields].find((name) => name === field);
  const target = (field: string) => known(field === 'sex' || field === 'birthDate' ? 'idNumber' : field);
  const byField = new Map<PersonFormField, string[]>();
  const add = (field: PersonFormField | undefined, message: string) => {
    if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
  };
  if (error.code === 'PERSON_INVALID' && Array.isArray(error.details.problems)) {
    for (const problem of error.details.problems.filter(isProblem)) {
      const message = hasKey(personnelZhCN.problems, problem.code)
        ? t(`personnel.problems.${problem.code}`)
        : t('personnel.problems.invalid');
      add(target(problem.field), message);
    }
  } else if (error.code === 'PERSON_ID_TAKEN') add(known('idNumber'), t('personnel.problems.idTaken'));
  else if (error.code === 'PERSON_POLICE_NUMBER_TAKEN') add(known('policeNumber'), t('personnel.problems.policeNumberTaken'));
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
