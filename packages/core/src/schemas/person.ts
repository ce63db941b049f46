import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from './common.ts';

export const personKinds = ['officer', 'auxiliary'] as const;
export const personStatuses = [
  'serving',
  'seconded',
  'transferred_out',
  'retired',
  'resigned',
  'dismissed',
  'deceased',
  'died_on_duty',
  /** 合同期满终止: an auxiliary officer's contract ran out (not a resignation). */
  'contract_ended',
] as const;

const Kind = Type.Union([Type.Literal('officer'), Type.Literal('auxiliary')]);
const Status = Type.Union(personStatuses.map((v) => Type.Literal(v)) as [TLiteral<(typeof personStatuses)[number]>]);
const Sex = Type.Union([Type.Literal('1'), Type.Literal('2')]);
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** Career dates are often known to the month only (入警时间 1985.03): YYYY-MM keeps that precision. */
const MonthOrDate = Type.String({ pattern: '^\\d{4}-\\d{2}(-\\d{2})?$' });
// A code or any name/synonym of it (汉 → 01); the service resolves it against the code table.
const Code = Type.String({ minLength: 1, maxLength: 20 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** Fields a person record takes; sex and birth date are derived from the ID number when absent. */
export const PersonFields = {
  kind: Kind,
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  formerNames: Type.Optional(Type.Array(Text(50), { maxItems: 5 })),
  idNumber: Type.String({ minLength: 15, maxLength: 30 }),
  sex: Type.Optional(Sex),
  birthDate: Type.Optional(DateStr),
  ethnicity: Type.Optional(Code),
  politicalStatus: Type.Optional(Code),
  partyJoinDate: Type.Optional(MonthOrDate),
  nativePlace: Type.Optional(Code),
  birthplace: Type.Optional(Code),
  education: Type.Optional(Code),
  degree: Type.Optional(Text(20)),
  phone: Type.Optional(Type.String({ pattern: '^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$' })),
  workStartDate: Type.Optional(MonthOrDate),
  policeStartDate: Type.Optional(MonthOrDate),
  policeNumber: Type.Optional(Text(20)),
  orgId: Id,
  post: Type.Optional(Text(100)),
  rank: Type.Optional(Code),
  rankDate: Type.Optional(MonthOrDate),
  officerLevel: Type.Optional(Code),
  /** 职级任职时间: when the current grade (职级) started; promotion years count from it. */
  levelDate: Type.Optional(MonthOrDate),
  /** 职务层次 (post level, e.g. 乡科级副职), as the 任免审批表 prints it. */
  postLevel: Type.Optional(Text(16)),
  techLevel: Type.Optional(Code),
  auxCategory: Type.Optional(Text(32)),
  contractEnd: Type.Optional(DateStr),
  status: Type.Optional(Status),
};
export const CreatePersonBody = Strict(PersonFields);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

/**
 * Changes to current values; each one also writes a dated history row effective `effectiveDate`.
 * `null` clears an optional field; name, unit and status cannot be cleared.
 */
const required = ['kind', 'idNumber', 'orgId', 'status', 'name'];
export const UpdatePersonBody = Strict({
  ...Object.fromEntries(
    Object.entries(PersonFields)
      .filter(([k]) => !required.includes(k))
      .map(([k, v]) => [k, Type.Optional(Type.Union([v, Type.Null()]))]),
  ),
  name: Type.Optional(PersonFields.name),
  orgId: Type.Optional(Id),
  status: Type.Optional(Status),
  effectiveDate: Type.Optional(DateStr),
});
type Clearable = Omit<CreatePersonBody, 'kind' | 'idNumber' | 'orgId' | 'status' | 'name'>;
export type UpdatePersonBody = { [K in keyof Clearable]?: Clearable[K] | null } & Partial<
  Pick<CreatePersonBody, 'name' | 'orgId' | 'status'>
> & {
    effectiveDate?: string;
  };

export const PersonSearchQuery = Strict({
  ...PageQuery,
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(Kind),
  orgId: Type.Optional(Id),
  includeSub: Type.Optional(Type.Boolean({ default: true })),
  rank: Type.Optional(Code),
  officerLevel: Type.Optional(Code),
  post: Type.Optional(Type.String({ maxLength: 50 })),
  education: Type.Optional(Code),
  politicalStatus: Type.Optional(Code),
  status: Type.Optional(Status),
  sex: Type.Optional(Sex),
  ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  serviceYearsMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 80 })),
  serviceYearsMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 80 })),
  /** Membership as of this date (who was in the unit then), from the org history. */
  asOf: Type.Optional(DateStr),
});
export type PersonSearchQuery = Static<typeof PersonSearchQuery>;

/**
 * Something on a record flagged for a second look, never refused: a 警衔 outside the band of the
 * person's 职级 (rank.bands rule data), with the band's lowest and highest 警衔 codes.
 */
export const PersonRecordWarning = Type.Object({
  code: Type.Literal('rank_outside_band'),
  field: Type.Literal('rank'),
  low: Type.String(),
  high: Type.String(),
});
export type PersonRecordWarning = Static<typeof PersonRecordWarning>;

export const PersonListItem = Type.Object({
  id: Type.String(),
  kind: Kind,
  name: Type.String(),
  sex: Type.String(),
  birthDate: Type.String(),
  age: Type.Integer(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  policeNumber: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.String(),
  orgName: Type.String(),
  post: Type.Union([Type.String(), Type.Null()]),
  rank: Type.Union([Type.String(), Type.Null()]),
  officerLevel: Type.Union([Type.String(), Type.Null()]),
  education: Type.Union([Type.String(), Type.Null()]),
  politicalStatus: Type.Union([Type.String(), Type.Null()]),
  policeStartDate: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  /** Present only when something is flagged. */
  warnings: Type.Optional(Type.Array(PersonRecordWarning)),
});
export type PersonListItem = Static<typeof PersonListItem>;
