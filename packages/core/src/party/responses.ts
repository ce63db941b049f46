import { Type, type Static } from '@sinclair/typebox';
import { DuesValue, Frequency, MeetingKindSchema, MeetingsValue, PartyStageSchema, PipelineValue } from './rules.ts';
import { AttendanceStatus, PartyOrgKindSchema, SelectionKind } from './schemas.ts';

/** Response schemas of the party-building routes; web uses their Static<> types. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();

export const PartyOrgView = Type.Object({
  id: Str,
  orgId: Str,
  orgName: Str,
  kind: PartyOrgKindSchema,
  name: Str,
  parentId: Nullable(Str),
  secretaryPersonId: Nullable(Str),
  secretaryName: Nullable(Str),
  termStart: Nullable(Str),
  termEnd: Nullable(Str),
  /** Days to the end of the committee's term (换届), negative once past; null without a term. */
  electionDaysLeft: Nullable(Type.Number()),
  members: Type.Number(),
});
export type PartyOrgView = Static<typeof PartyOrgView>;
export const PartyOrgList = Type.Object({ items: Type.Array(PartyOrgView) });

export const NextStepView = Type.Object({
  nextStage: PartyStageSchema,
  earliest: Str,
  due: Nullable(Str),
  dueLabel: Str,
  overdue: Type.Boolean(),
  daysLeft: Nullable(Type.Number()),
});
export const MemberView = Type.Object({
  id: Str,
  personId: Str,
  name: Str,
  orgName: Str,
  partyOrgId: Str,
  partyOrgName: Str,
  stage: PartyStageSchema,
  since: Str,
  extendedUntil: Nullable(Str),
  next: Nullable(NextStepView),
});
export type MemberView = Static<typeof MemberView>;
export const MemberList = Type.Object({ items: Type.Array(MemberView), total: Type.Number() });
export const MemberDetail = Type.Object({
  ...MemberView.properties,
  steps: Type.Array(
    Type.Object({ id: Str, kind: Str, stage: Nullable(PartyStageSchema), date: Str, note: Nullable(Str), detail: Nullable(Str) }),
  ),
});
export type MemberDetail = Static<typeof MemberDetail>;
export const PipelineDueList = Type.Object({ today: Str, items: Type.Array(MemberView) });

export const MeetingView = Type.Object({
  id: Str,
  partyOrgId: Str,
  partyOrgName: Str,
  kind: MeetingKindSchema,
  title: Str,
  plannedDate: Str,
  place: Nullable(Str),
  agenda: Nullable(Str),
  status: Type.Union([Type.Literal('planned'), Type.Literal('held'), Type.Literal('cancelled')]),
  heldOn: Nullable(Str),
  minutes: Nullable(Str),
  resolutions: Nullable(Str),
  signInOpenUntil: Nullable(Str),
  present: Type.Number(),
  expected: Type.Number(),
});
export type MeetingView = Static<typeof MeetingView>;
export const MeetingList = Type.Object({ items: Type.Array(MeetingView) });
export const MeetingDetail = Type.Object({
  ...MeetingView.properties,
  attendance: Type.Array(
    Type.Object({
      personId: Str,
      name: Str,
      stage: PartyStageSchema,
      status: Nullable(AttendanceStatus),
      method: Nullable(Str),
      reason: Nullable(Str),
    }),
  ),
});
export type MeetingDetail = Static<typeof MeetingDetail>;
export const SignInCodeView = Type.Object({ code: Str, closesAt: Str });
export const MySignInView = Type.Object({ meetingId: Str, title: Str });
export const MyMeetingList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Str,
      kind: MeetingKindSchema,
      title: Str,
      plannedDate: Str,
      place: Nullable(Str),
      partyOrgName: Str,
      status: MeetingView.properties.status,
      signInOpen: Type.Boolean(),
      myStatus: Nullable(AttendanceStatus),
    }),
  ),
});
export type MyMeetingList = Static<typeof MyMeetingList>;

const PeriodView = Type.Object({ period: Str, required: Type.Number(), held: Type.Number(), met: Type.Boolean(), closed: Type.Boolean() });
export const ComplianceView = Type.Object({
  partyOrgId: Str,
  quarter: Str,
  rate: Type.Number(),
  met: Type.Boolean(),
  kinds: Type.Array(
    Type.Object({
      kind: MeetingKindSchema,
      frequency: Frequency,
      periods: Type.Array(PeriodView),
      required: Type.Number(),
      held: Type.Number(),
      met: Type.Boolean(),
    }),
  ),
  due: Type.Array(Type.Object({ kind: MeetingKindSchema, period: Str, dueBy: Str })),
});
export type ComplianceView = Static<typeof ComplianceView>;

export const DuesSheetView = Type.Object({
  partyOrgId: Str,
  partyOrgName: Str,
  month: Str,
  rows: Type.Array(
    Type.Object({
      personId: Str,
      name: Str,
      stage: PartyStageSchema,
      payFen: Nullable(Type.Number()),
      ratePermille: Nullable(Type.Number()),
      dueFen: Nullable(Type.Number()),
      paidFen: Nullable(Type.Number()),
      paidOn: Nullable(Str),
    }),
  ),
  totalDueFen: Type.Number(),
  totalPaidFen: Type.Number(),
  unpaid: Type.Number(),
});
export type DuesSheetView = Static<typeof DuesSheetView>;
export const DuesPaymentView = Type.Object({
  id: Str,
  personId: Str,
  month: Str,
  payFen: Type.Number(),
  ratePermille: Type.Number(),
  dueFen: Type.Number(),
  paidFen: Type.Number(),
  paidOn: Str,
});
export const ArrearsList = Type.Object({
  month: Str,
  items: Type.Array(Type.Object({ personId: Str, name: Str, partyOrgName: Str, months: Type.Array(Str) })),
});
export const MyDuesView = Type.Object({ items: Type.Array(DuesPaymentView) });

const RuleVersionView = Type.Object({
  id: Nullable(Str),
  jurisdiction: Str,
  effectiveFrom: Str,
  value: Type.Union([PipelineValue, MeetingsValue, DuesValue]),
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
  source: Nullable(Str),
  note: Nullable(Str),
});
export const PartyRuleView = Type.Object({ set: Str, inForce: RuleVersionView, versions: Type.Array(RuleVersionView) });
export type PartyRuleView = Static<typeof PartyRuleView>;

export const SelectionView = Type.Object({
  id: Str,
  partyOrgId: Str,
  partyOrgName: Str,
  kind: SelectionKind,
  title: Str,
  personId: Nullable(Str),
  personName: Nullable(Str),
  reason: Str,
  /** The exemplar candidate's state: in review, approved (on the ballot), rejected, or selected (a winner). */
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('in_review'),
    Type.Literal('approved'),
    Type.Literal('rejected'),
    Type.Literal('selected'),
    Type.Literal('not_selected'),
  ]),
  caseId: Nullable(Str),
  campaignId: Nullable(Str),
  campaignTitle: Nullable(Str),
});
export type SelectionView = Static<typeof SelectionView>;
export const SelectionList = Type.Object({ items: Type.Array(SelectionView) });
