import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { personKinds, personStatuses } from '../schemas/person.ts';

export type PersonKind = (typeof personKinds)[number];
export type PersonStatus = (typeof personStatuses)[number];

/** On the force (在职, including 借调 seconded elsewhere): who counts for classes, exams, campaigns and pay. */
export const ON_FORCE_STATUSES = ['serving', 'seconded'] as const satisfies readonly PersonStatus[];
export const isOnForce = (status: string): boolean => (ON_FORCE_STATUSES as readonly string[]).includes(status);

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)) as [TLiteral<T>]);
const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 100 });
const Years = (max: number) => Type.Optional(Type.Integer({ minimum: 0, maximum: max }));

/**
 * A set of people (培训对象, 参学范围, 参考对象, 调整范围 …), the one description every module uses.
 * Rule conditions (units, kinds, posts, levels, ranks, grades, age, years of service) must all
 * hold; explicit people are in whatever the rule says; excluded people are out whatever the rest
 * says. Everyone must have one of `statuses` (on the force when absent) and lie in the caller's
 * data scope. Field names of the older training target (orgIds, ranks, levels, posts, personIds)
 * are kept, so stored targets and existing clients read the same.
 */
export const PersonSet = Strict({
  /** Units (org ids); with their sub-units unless `includeSubUnits` is false. */
  orgIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  includeSubUnits: Type.Optional(Type.Boolean()),
  /** 民警 (officer) / 辅警 (auxiliary). */
  kinds: Type.Optional(Type.Array(literals(personKinds), { maxItems: 2 })),
  statuses: Type.Optional(Type.Array(literals(personStatuses), { maxItems: personStatuses.length })),
  /** 职务 (post names). */
  posts: Type.Optional(Codes),
  /** 职级 (officer level codes, GA/T 警员职务序列). */
  levels: Type.Optional(Codes),
  /** 警衔 (rank codes). */
  ranks: Type.Optional(Codes),
  /** 警务技术职务等级 (tech level codes). */
  grades: Type.Optional(Codes),
  ageMin: Years(120),
  ageMax: Years(120),
  serviceYearsMin: Years(80),
  serviceYearsMax: Years(80),
  /** The date ages and years of service are counted at (today when absent). */
  asOf: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  personIds: Type.Optional(Type.Array(Id, { maxItems: 20000 })),
  excludePersonIds: Type.Optional(Type.Array(Id, { maxItems: 5000 })),
});
export type PersonSet = Static<typeof PersonSet>;

/**
 * A set with duplicates and blanks removed. The five fields of the older target are always
 * present (stored and shown as before); the others only when given.
 */
export interface NormalizedPersonSet {
  readonly orgIds: readonly string[];
  readonly ranks: readonly string[];
  readonly levels: readonly string[];
  readonly posts: readonly string[];
  readonly personIds: readonly string[];
  readonly includeSubUnits?: false;
  readonly kinds?: readonly PersonKind[];
  readonly statuses?: readonly PersonStatus[];
  readonly grades?: readonly string[];
  readonly ageMin?: number;
  readonly ageMax?: number;
  readonly serviceYearsMin?: number;
  readonly serviceYearsMax?: number;
  readonly asOf?: string;
  readonly excludePersonIds?: readonly string[];
}

const uniq = <T extends string>(xs: readonly T[] | undefined): T[] => [...new Set((xs ?? []).map((x) => x.trim() as T).filter(Boolean))];
const listed = <T extends string>(xs: readonly T[] | undefined): T[] | undefined => {
  const u = uniq(xs);
  return u.length > 0 ? u : undefined;
};

export function normalizePersonSet(s: PersonSet | NormalizedPersonSet | undefined): NormalizedPersonSet {
  const out: { -readonly [K in keyof NormalizedPersonSet]: NormalizedPersonSet[K] } = {
    orgIds: uniq(s?.orgIds),
    ranks: uniq(s?.ranks),
    levels: uniq(s?.levels),
    posts: uniq(s?.posts),
    personIds: uniq(s?.personIds),
  };
  if (s?.includeSubUnits === false) out.includeSubUnits = false;
  const kinds = listed(s?.kinds);
  if (kinds) out.kinds = kinds;
  const statuses = listed(s?.statuses);
  if (statuses) out.statuses = statuses;
  const grades = listed(s?.grades);
  if (grades) out.grades = grades;
  const excluded = listed(s?.excludePersonIds);
  if (excluded) out.excludePersonIds = excluded;
  for (const k of ['ageMin', 'ageMax', 'serviceYearsMin', 'serviceYearsMax'] as const) if (s?.[k] !== undefined) out[k] = s[k];
  if (s?.asOf) out.asOf = s.asOf;
  return out;
}

/** True when the set has a rule part (not only named people). */
export const hasRule = (s: NormalizedPersonSet): boolean =>
  s.orgIds.length + s.ranks.length + s.levels.length + s.posts.length + (s.kinds?.length ?? 0) + (s.grades?.length ?? 0) > 0 ||
  s.ageMin !== undefined ||
  s.ageMax !== undefined ||
  s.serviceYearsMin !== undefined ||
  s.serviceYearsMax !== undefined;

/** A set with no condition and nobody named would mean "everyone": refused, the organiser must say whom. */
export const isPersonSetEmpty = (s: NormalizedPersonSet): boolean => !hasRule(s) && s.personIds.length === 0;

/** The date `years` whole years before `date` (ages and years of service: a ≤ age ⇔ born on or before it). */
export const yearsBefore = (date: string, years: number): string =>
  `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

export interface PersonSetCandidate {
  readonly id: string;
  readonly kind: PersonKind;
  readonly status: PersonStatus;
  /** The person's current unit and all its ancestors, the unit first. */
  readonly orgPath: readonly string[];
  readonly rank: string | null;
  readonly officerLevel: string | null;
  readonly techLevel: string | null;
  readonly post: string | null;
  readonly birthDate: string;
  readonly policeStartDate: string | null;
}

const within = (date: string | null, asOf: string, min: number | undefined, max: number | undefined): boolean => {
  if (min === undefined && max === undefined) return true;
  if (date === null) return false;
  if (min !== undefined && !(date <= yearsBefore(asOf, min))) return false;
  return max === undefined || date > yearsBefore(asOf, max + 1);
};

/** The membership rule in one place; the server's SQL (personnel/people.ts) mirrors it and the tests compare both. */
export function inPersonSet(s: NormalizedPersonSet, p: PersonSetCandidate, today: string): boolean {
  if (s.excludePersonIds?.includes(p.id)) return false;
  if (!(s.statuses ?? ON_FORCE_STATUSES).includes(p.status)) return false;
  if (s.personIds.includes(p.id)) return true;
  if (!hasRule(s)) return false;
  const units = s.includeSubUnits === false ? p.orgPath.slice(0, 1) : p.orgPath;
  if (s.orgIds.length > 0 && !s.orgIds.some((o) => units.includes(o))) return false;
  const oneOf = (list: readonly string[] | undefined, v: string | null) => !list?.length || (v !== null && list.includes(v));
  if (!oneOf(s.kinds, p.kind) || !oneOf(s.ranks, p.rank) || !oneOf(s.levels, p.officerLevel)) return false;
  if (!oneOf(s.posts, p.post) || !oneOf(s.grades, p.techLevel)) return false;
  const asOf = s.asOf ?? today;
  return within(p.birthDate, asOf, s.ageMin, s.ageMax) && within(p.policeStartDate, asOf, s.serviceYearsMin, s.serviceYearsMax);
}
