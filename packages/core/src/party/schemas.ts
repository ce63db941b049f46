import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { DuesValue, MeetingKindSchema, MeetingsValue, PartyStageSchema, PipelineValue } from './rules.ts';

/** Request schemas of the party-building routes (/api/v1/party). */
export const PartyDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
export const PartyMonth = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
export const PartyQuarter = Type.String({ pattern: '^\\d{4}Q[1-4]$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Note = Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]));

export const partyOrgKinds = ['committee', 'general_branch', 'branch', 'group'] as const;
export type PartyOrgKind = (typeof partyOrgKinds)[number];
export const PartyOrgKindSchema = Type.Union(partyOrgKinds.map((k) => Type.Literal(k)));
export const partyOrgKindLabels: Record<PartyOrgKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};

export const CreatePartyOrgBody = Strict({
  /** The unit of the org tree this organisation belongs to (its members' data scope follows it). */
  orgId: Id,
  kind: PartyOrgKindSchema,
  name: Text(100),
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  secretaryPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  termStart: Type.Optional(Type.Union([PartyDate, Type.Null()])),
  termEnd: Type.Optional(Type.Union([PartyDate, Type.Null()])),
});
export type CreatePartyOrgBody = Static<typeof CreatePartyOrgBody>;
export const UpdatePartyOrgBody = Strict({
  name: Type.Optional(Text(100)),
  secretaryPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  termStart: Type.Optional(Type.Union([PartyDate, Type.Null()])),
  termEnd: Type.Optional(Type.Union([PartyDate, Type.Null()])),
});
export type UpdatePartyOrgBody = Static<typeof UpdatePartyOrgBody>;

export const PartyMemberQuery = Type.Object({
  partyOrgId: Type.Optional(Id),
  stage: Type.Optional(PartyStageSchema),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
});
export type PartyMemberQuery = Static<typeof PartyMemberQuery>;

export const CreateMemberBody = Strict({
  personId: Id,
  partyOrgId: Id,
  /** Where the person enters the pipeline; an existing member comes in as probationary or full with the real date. */
  stage: PartyStageSchema,
  since: PartyDate,
  note: Note,
});
export type CreateMemberBody = Static<typeof CreateMemberBody>;
export const AdvanceBody = Strict({ stage: PartyStageSchema, date: PartyDate, note: Note });
export type AdvanceBody = Static<typeof AdvanceBody>;
export const ExtendBody = Strict({ until: PartyDate, note: Note });
export const TransferBody = Strict({ partyOrgId: Id, date: PartyDate, note: Note });
export type TransferBody = Static<typeof TransferBody>;

export const MeetingQuery = Type.Object({
  partyOrgId: Type.Optional(Id),
  kind: Type.Optional(MeetingKindSchema),
  quarter: Type.Optional(PartyQuarter),
});
export type MeetingQuery = Static<typeof MeetingQuery>;
export const CreateMeetingBody = Strict({
  partyOrgId: Id,
  kind: MeetingKindSchema,
  title: Text(200),
  plannedDate: PartyDate,
  place: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  agenda: Note,
});
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;
export const MinutesBody = Strict({
  heldOn: PartyDate,
  minutes: Type.String({ minLength: 1, maxLength: 20_000 }),
  resolutions: Type.Optional(Type.Union([Type.String({ maxLength: 5_000 }), Type.Null()])),
});
export type MinutesBody = Static<typeof MinutesBody>;
export const SignInOpenBody = Strict({ minutes: Type.Integer({ minimum: 1, maximum: 240 }) });
export const MeetingSignInBody = Strict({ code: Type.String({ pattern: '^\\d{6}$' }) });
export const attendanceStatuses = ['present', 'leave', 'absent'] as const;
export const AttendanceStatus = Type.Union(attendanceStatuses.map((s) => Type.Literal(s)));
export const MeetingAttendanceBody = Strict({
  marks: Type.Array(
    Strict({ personId: Id, status: AttendanceStatus, reason: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])) }),
    { minItems: 1, maxItems: 500 },
  ),
});
export type MeetingAttendanceBody = Static<typeof MeetingAttendanceBody>;

export const QuarterQuery = Type.Object({ quarter: Type.Optional(PartyQuarter) });
export const MonthQuery = Type.Object({ month: Type.Optional(PartyMonth) });
export const ArrearsQuery = Type.Object({ month: Type.Optional(PartyMonth), partyOrgId: Type.Optional(Id) });

export const DuesPaymentBody = Strict({
  personId: Id,
  month: PartyMonth,
  /** The month's pay after tax, in fen, which the dues are computed from. */
  payFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  /** What was paid, in fen; defaults to the computed dues. */
  paidFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  paidOn: PartyDate,
});
export type DuesPaymentBody = Static<typeof DuesPaymentBody>;

export const PartyRuleParams = Strict({ set: Type.Union([Type.Literal('pipeline'), Type.Literal('meetings'), Type.Literal('dues')]) });
export const PartyRuleBody = Strict({
  effectiveFrom: PartyDate,
  jurisdiction: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  value: Type.Union([PipelineValue, MeetingsValue, DuesValue]),
  evidence: Type.Optional(Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')])),
  source: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  note: Note,
});
export type PartyRuleBody = Static<typeof PartyRuleBody>;

export const selectionKinds = ['good_member', 'best_case'] as const;
export const SelectionKind = Type.Union(selectionKinds.map((k) => Type.Literal(k)));
export const CreateSelectionBody = Strict({
  /** The exemplar campaign (好党员 or 优秀案例) the nomination goes into. */
  campaignId: Id,
  partyOrgId: Id,
  title: Text(200),
  /** The nominee (好党员), or the person who led the case (优秀案例): exemplar candidates are people. */
  personId: Id,
  reason: Text(2000),
});
export type CreateSelectionBody = Static<typeof CreateSelectionBody>;
