import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';

/** Request schemas of the welfare routes (leave, wearables, psychological support, care records). */

export const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const MonthStr = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Note = Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()]));
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const ApplyLeaveBody = Strict({
  kind: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  startDate: DateStr,
  endDate: DateStr,
  reason: Text(500),
  /** Home-visit leave: which option of the home-visit rule (spouse, parents_yearly …). */
  homeVisitOption: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' })),
});
export type ApplyLeaveBody = Static<typeof ApplyLeaveBody>;

export const LeaveStatus = Type.Union(['pending', 'approved', 'rejected', 'withdrawn', 'cancelled'].map((s) => Type.Literal(s)));
export const LeaveListQuery = Type.Object({
  orgId: Type.Optional(Id),
  status: Type.Optional(LeaveStatus),
  kind: Type.Optional(Type.String({ maxLength: 32 })),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  year: Type.Optional(Year),
  ...Paging,
});
export type LeaveListQuery = Static<typeof LeaveListQuery>;
export const LedgerQuery = Type.Object({ year: Type.Optional(Year) });
export const LeaveCalendarQuery = Type.Object({ orgId: Id, month: MonthStr });
export const LeaveStatsQuery = Type.Object({ year: Type.Optional(Year) });
export const CancelLeaveBody = Strict({ note: Note });
export const LedgerEntryBody = Strict({
  personId: Id,
  year: Year,
  /** carry_over: days moved into `year` from the year before (one year at most); payout: untaken days paid at 300%. */
  kind: Type.Union([Type.Literal('carry_over'), Type.Literal('payout')]),
  days: Type.Number({ minimum: 0.5, maximum: 30, multipleOf: 0.5 }),
  note: Note,
});
export type LedgerEntryBody = Static<typeof LedgerEntryBody>;

export const ConsentCategory = Type.Union([Type.Literal('wearable'), Type.Literal('health'), Type.Literal('psych')]);
export type ConsentCategory = Static<typeof ConsentCategory>;
export const GrantConsentBody = Strict({ category: ConsentCategory, noticeVersion: Text(20) });
export const WithdrawConsentBody = Strict({ category: ConsentCategory });
export const RegisterDeviceBody = Strict({ serial: Type.String({ pattern: '^[A-Za-z0-9_-]{4,40}$' }), model: Type.Optional(Text(60)) });
export type RegisterDeviceBody = Static<typeof RegisterDeviceBody>;

export const ReadingBody = Strict({
  kind: Type.Union([Type.Literal('heart_rate'), Type.Literal('blood_pressure'), Type.Literal('steps')]),
  at: Type.String({ format: 'date-time' }),
  value: Type.Number({ minimum: 0, maximum: 100_000 }),
  value2: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 400 }), Type.Null()])),
});
export type ReadingBody = Static<typeof ReadingBody>;
export const IngestBody = Strict({ readings: Type.Array(ReadingBody, { minItems: 1, maxItems: 5000 }) });
export type IngestBody = Static<typeof IngestBody>;
export const IngestHeaders = Type.Object({ 'x-device-token': Type.String({ minLength: 20, maxLength: 100 }) });

export const AlertStatus = Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('closed')]);
export const AlertListQuery = Type.Object({ status: Type.Optional(AlertStatus), ...Paging });
export type AlertListQuery = Static<typeof AlertListQuery>;
export const AlertActionBody = Strict({ note: Note });

export const PsychRisk = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);
export const OpenPsychCaseBody = Strict({ personId: Id, summary: Text(2000), risk: PsychRisk });
export type OpenPsychCaseBody = Static<typeof OpenPsychCaseBody>;
export const SelfReferralBody = Strict({ summary: Text(2000), preferredContact: Type.Optional(Text(100)) });
export type SelfReferralBody = Static<typeof SelfReferralBody>;
export const PsychSessionBody = Strict({ date: DateStr, note: Text(4000), nextDate: Type.Optional(Type.Union([DateStr, Type.Null()])) });
export type PsychSessionBody = Static<typeof PsychSessionBody>;
export const PsychEscalateBody = Strict({ note: Text(1000) });
export const PsychCloseBody = Strict({ outcome: Text(1000) });
export const PsychListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('crisis'), Type.Literal('closed')])),
  ...Paging,
});

/** Kinds of care records (关爱帮扶): visits and condolences, injury green channel, separation cases, funds, insurance, childcare, career talks. */
export const careKinds = [
  'visit',
  'condolence',
  'injury',
  'spouse_separation',
  'charity',
  'insurance',
  'childcare',
  'career',
  'care_group',
] as const;
export const CareKind = Type.Union(careKinds.map((k) => Type.Literal(k)));
export type CareKind = Static<typeof CareKind>;
export const CareRecordBody = Strict({
  personId: Type.Optional(Type.Union([Id, Type.Null()])),
  orgId: Id,
  kind: CareKind,
  date: DateStr,
  title: Text(200),
  detail: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  amountFen: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()])),
  /** Green channel and separation cases: when the next step is due. */
  deadline: Type.Optional(Type.Union([DateStr, Type.Null()])),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
});
export type CareRecordBody = Static<typeof CareRecordBody>;
export const CareListQuery = Type.Object({ kind: Type.Optional(CareKind), orgId: Type.Optional(Id), ...Paging });
export type CareListQuery = Static<typeof CareListQuery>;

export const WelfareRuleBody = <T extends ReturnType<typeof Type.Object>>(value: T) =>
  Strict({
    effectiveFrom: DateStr,
    jurisdiction: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
    value,
    evidence: Type.Optional(Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')])),
    source: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    note: Note,
  });
export const RuleDateQuery = Type.Object({ date: Type.Optional(DateStr) });
