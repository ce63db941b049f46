import { Type, type Static } from '@sinclair/typebox';
import { PeriodKind, SchemeBody, SchemeSubject } from './schemes.ts';

/** Response schemas of /api/v1/assessment; the web imports these types. */

const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const Num = Type.Number();

export const SchemeView = Type.Object({
  id: Str,
  code: Str,
  version: Type.Integer(),
  name: Str,
  subject: SchemeSubject,
  personKind: Type.Union([Type.Literal('officer'), Type.Literal('auxiliary'), Type.Null()]),
  periodKind: PeriodKind,
  effectiveFrom: Str,
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
  source: NStr,
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  publishedAt: NStr,
  body: SchemeBody,
});
export type SchemeView = Static<typeof SchemeView>;
export const ListSchemesResponse = Type.Object({ items: Type.Array(SchemeView) });
export type ListSchemesResponse = Static<typeof ListSchemesResponse>;

export const roundStatuses = ['open', 'review', 'published', 'final'] as const;
export const RoundStatus = Type.Union(roundStatuses.map((s) => Type.Literal(s)));
export type RoundStatus = Static<typeof RoundStatus>;

export const RoundView = Type.Object({
  id: Str,
  schemeId: Str,
  schemeName: Str,
  subject: SchemeSubject,
  orgId: Str,
  orgName: Str,
  period: Str,
  periodKind: PeriodKind,
  startDate: Str,
  endDate: Str,
  status: RoundStatus,
  caseId: NStr,
  asOf: NStr,
  people: Type.Integer(),
  openAppeals: Type.Integer(),
  meanTotal: Type.Union([Num, Type.Null()]),
});
export type RoundView = Static<typeof RoundView>;
export const ListRoundsResponse = Type.Object({ items: Type.Array(RoundView) });
export type ListRoundsResponse = Static<typeof ListRoundsResponse>;

export const ResultRow = Type.Object({
  id: Str,
  personId: NStr,
  name: Str,
  kind: NStr,
  base: Num,
  bonus: Num,
  deduction: Num,
  total: Num,
  rank: Type.Integer(),
  complete: Type.Boolean(),
  selfTotal: Type.Union([Num, Type.Null()]),
  suggestedGrade: NStr,
  grade: NStr,
});
export type ResultRow = Static<typeof ResultRow>;

export const RoundDetailResponse = Type.Object({
  round: RoundView,
  grades: Type.Array(Str),
  excellentLimit: Type.Integer(),
  excellentPercent: Num,
  results: Type.Array(ResultRow),
});
export type RoundDetailResponse = Static<typeof RoundDetailResponse>;

const SourceRecord = Type.Object({ label: Str, value: Str, date: Type.Optional(Str) });
export const IndicatorLineView = Type.Object({
  key: Str,
  name: Str,
  parent: NStr,
  maxPoints: Num,
  points: Num,
  source: Str,
  basis: Str,
  records: Type.Array(SourceRecord),
  missing: Type.Boolean(),
  selfPoints: Type.Union([Num, Type.Null()]),
});
export const AdjustmentLineView = Type.Object({
  key: Str,
  name: Str,
  side: Type.Union([Type.Literal('bonus'), Type.Literal('deduction')]),
  raw: Num,
  points: Num,
  capped: Type.Boolean(),
  records: Type.Array(SourceRecord),
});

export const AppealView = Type.Object({
  id: Str,
  resultId: Str,
  roundId: Str,
  personName: Str,
  period: Str,
  schemeName: Str,
  indicatorKey: NStr,
  reason: Str,
  status: Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('dismissed')]),
  decisionNote: NStr,
  change: NStr,
  caseId: NStr,
  createdAt: Str,
  decidedAt: NStr,
});
export type AppealView = Static<typeof AppealView>;
export const ListAppealsResponse = Type.Object({ items: Type.Array(AppealView) });
export type ListAppealsResponse = Static<typeof ListAppealsResponse>;

export const ResultDetailResponse = Type.Object({
  id: Str,
  roundId: Str,
  roundStatus: RoundStatus,
  schemeName: Str,
  period: Str,
  startDate: Str,
  endDate: Str,
  name: Str,
  personId: NStr,
  asOf: NStr,
  base: Num,
  bonus: Num,
  deduction: Num,
  total: Num,
  grade: NStr,
  lines: Type.Array(IndicatorLineView),
  adjustments: Type.Array(AdjustmentLineView),
  selfSummary: NStr,
  appeals: Type.Array(AppealView),
  mayAppeal: Type.Boolean(),
});
export type ResultDetailResponse = Static<typeof ResultDetailResponse>;

export const MyResultsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      resultId: Str,
      roundId: Str,
      schemeName: Str,
      period: Str,
      status: RoundStatus,
      total: Num,
      grade: NStr,
    }),
  ),
  appraisals: Type.Array(Type.Object({ year: Type.Integer(), grade: Str })),
});
export type MyResultsResponse = Static<typeof MyResultsResponse>;

export const ConfirmGradesResponse = Type.Object({
  confirmed: Type.Integer(),
  excellent: Type.Integer(),
  limit: Type.Integer(),
  consequences: Type.Array(Type.Object({ personName: Str, code: Str, text: Str, caseId: Str })),
});
export type ConfirmGradesResponse = Static<typeof ConfirmGradesResponse>;

export const UnitRankingResponse = Type.Object({
  items: Type.Array(
    Type.Object({ rank: Type.Integer(), orgId: Str, orgName: Str, people: Type.Integer(), meanTotal: Num, status: RoundStatus }),
  ),
});
export type UnitRankingResponse = Static<typeof UnitRankingResponse>;

export const AssessmentIdResponse = Type.Object({ id: Str });
export const CaseResponse = Type.Object({ id: Str, caseId: Str });

export const DailyEntryView = Type.Object({
  id: Str,
  personId: Str,
  personName: Str,
  orgName: Str,
  date: Str,
  kind: Type.Union([Type.Literal('positive'), Type.Literal('negative')]),
  category: Type.Union([Type.Literal('daily'), Type.Literal('onsite')]),
  reason: Str,
  score: Type.Union([Num, Type.Null()]),
  recordedByName: Str,
});
export const ListDailyEntriesResponse = Type.Object({ items: Type.Array(DailyEntryView) });
export type ListDailyEntriesResponse = Static<typeof ListDailyEntriesResponse>;

export const TalkView = Type.Object({
  id: Str,
  personId: Str,
  personName: Str,
  orgName: Str,
  date: Str,
  talker: Str,
  topic: Str,
  followUp: NStr,
  agreedNote: NStr,
  officerAgreed: Type.Boolean(),
});
export const ListTalksResponse = Type.Object({ items: Type.Array(TalkView) });
export type ListTalksResponse = Static<typeof ListTalksResponse>;

export const CareContactView = Type.Object({
  id: Str,
  personId: Str,
  personName: Str,
  orgName: Str,
  date: Str,
  kind: Type.Union([Type.Literal('home_visit'), Type.Literal('award_home'), Type.Literal('family_open_day')]),
  participants: Str,
  note: NStr,
});
export const ListCareContactsResponse = Type.Object({ items: Type.Array(CareContactView) });
export type ListCareContactsResponse = Static<typeof ListCareContactsResponse>;

export const TalkRemindersResponse = Type.Object({
  days: Type.Integer(),
  evidence: Str,
  items: Type.Array(
    Type.Object({
      personId: Str,
      name: Str,
      orgId: Str,
      orgName: Str,
      lastTalk: NStr,
      daysSince: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export type TalkRemindersResponse = Static<typeof TalkRemindersResponse>;
