import { Type, type Static } from '@sinclair/typebox';

/** Response schemas of the welfare routes; types are Static<> of them. */
const S = Type.String();
const N = Type.Number();
const Nul = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const WelfareCreatedResponse = Type.Object({ id: S });

export const LeaveView = Type.Object({
  id: S,
  personId: S,
  name: S,
  orgId: S,
  orgName: S,
  kind: S,
  kindName: S,
  startDate: S,
  endDate: S,
  days: N,
  counting: S,
  reason: S,
  status: S,
  caseId: Nul(S),
  decidedAt: Nul(S),
  createdAt: S,
});
export type LeaveView = Static<typeof LeaveView>;
export const ListLeaveResponse = Type.Object({ items: Type.Array(LeaveView), total: N });

export const LedgerResponse = Type.Object({
  personId: S,
  name: S,
  year: N,
  asOf: S,
  workStartDate: Nul(S),
  years: N,
  entitled: N,
  exclusion: Nul(S),
  carriedOver: N,
  carriedOut: N,
  taken: N,
  pending: N,
  paidOut: N,
  remaining: N,
  byKind: Type.Array(Type.Object({ kind: S, kindName: S, days: N })),
  homeVisit: Type.Array(Type.Object({ option: S, relation: S, allowed: Type.Boolean(), days: N, nextYear: N })),
  entries: Type.Array(Type.Object({ id: S, kind: S, days: N, note: Nul(S), createdAt: S })),
  leaves: Type.Array(LeaveView),
});
export type LedgerResponse = Static<typeof LedgerResponse>;

export const LeaveCalendarResponse = Type.Object({
  orgId: S,
  orgName: S,
  month: S,
  strength: N,
  minPresentShare: N,
  days: Type.Array(Type.Object({ date: S, working: Type.Boolean(), away: N, present: N, belowMinimum: Type.Boolean() })),
  leaves: Type.Array(LeaveView),
});
export type LeaveCalendarResponse = Static<typeof LeaveCalendarResponse>;

export const LeaveStatsResponse = Type.Object({
  year: N,
  units: Type.Array(
    Type.Object({ orgId: S, orgName: S, people: N, annualEntitled: N, annualTaken: N, byKind: Type.Record(S, N), takenShare: N }),
  ),
});

export const LeaveKindsResponse = Type.Object({
  kinds: Type.Array(Type.Object({ code: S, name: S, nameEn: S, counting: S, maxDays: Nul(N), annual: Type.Boolean(), evidence: S })),
  homeVisitOptions: Type.Array(Type.Object({ code: S, relation: S, days: N, everyYears: N })),
});

export const RuleVersionView = Type.Object({
  id: Nul(S),
  ruleSet: S,
  jurisdiction: S,
  effectiveFrom: S,
  value: Type.Unknown(),
  evidence: S,
  source: Nul(S),
  note: Nul(S),
});
export const ListWelfareRuleResponse = Type.Object({ inForce: RuleVersionView, versions: Type.Array(RuleVersionView) });

export const ConsentView = Type.Object({
  category: S,
  granted: Type.Boolean(),
  noticeVersion: Nul(S),
  grantedAt: Nul(S),
  withdrawnAt: Nul(S),
});
export const MyWearableResponse = Type.Object({
  consents: Type.Array(ConsentView),
  noticeVersion: S,
  retentionDays: N,
  devices: Type.Array(Type.Object({ id: S, serial: S, model: Nul(S), status: S, lastReadingAt: Nul(S), createdAt: S })),
});
export const RegisterDeviceResponse = Type.Object({ id: S, token: S });
export const IngestResponse = Type.Object({ accepted: N, duplicates: N, alerts: N });

export const AlertView = Type.Object({
  id: S,
  personId: S,
  name: S,
  orgName: S,
  ruleCode: S,
  ruleName: S,
  severity: S,
  status: S,
  peak: Nul(N),
  samples: N,
  matched: N,
  raisedAt: S,
  acknowledgedAt: Nul(S),
  acknowledgedByName: Nul(S),
  closedAt: Nul(S),
  note: Nul(S),
});
export const ListAlertsResponse = Type.Object({ items: Type.Array(AlertView), total: N });
export const WearableRosterResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      personId: S,
      name: S,
      orgName: S,
      state: Type.Union([Type.Literal('monitored'), Type.Literal('no_data')]),
      openAlerts: N,
    }),
  ),
  total: N,
});

export const PsychCaseView = Type.Object({
  id: S,
  personId: S,
  name: S,
  orgName: S,
  source: S,
  risk: S,
  status: S,
  summary: S,
  openedAt: S,
  closedAt: Nul(S),
  outcome: Nul(S),
  sessions: Type.Array(Type.Object({ id: S, date: S, note: S, nextDate: Nul(S), counsellorName: Nul(S) })),
  escalations: Type.Array(Type.Object({ at: S, note: S, byName: Nul(S) })),
});
export const PsychCaseListResponse = Type.Object({
  items: Type.Array(Type.Object({ id: S, personId: S, name: S, orgName: S, source: S, risk: S, status: S, openedAt: S, nextDate: Nul(S) })),
  total: N,
});

export const CareRecordView = Type.Object({
  id: S,
  kind: S,
  orgId: S,
  orgName: S,
  personId: Nul(S),
  name: Nul(S),
  date: S,
  title: S,
  detail: Nul(S),
  amountFen: Nul(N),
  deadline: Nul(S),
  status: S,
  caseId: Nul(S),
  createdAt: S,
});
export const ListCareResponse = Type.Object({ items: Type.Array(CareRecordView), total: N });

export const WelfareStatsResponse = Type.Object({
  year: N,
  psychCases: Type.Object({ open: N, crisis: N, closed: N }),
  alerts: Type.Object({ open: N, acknowledged: N, closed: N }),
  consents: Type.Object({ wearable: N }),
  care: Type.Record(S, N),
  checkups: Type.Object({ people: N, withAbnormal: N }),
});

export const CheckupView = Type.Object({
  id: S,
  personId: S,
  name: S,
  orgName: S,
  date: S,
  hospital: Nul(S),
  abnormalCount: N,
  items: Type.Array(Type.Object({ item: S, result: S, unit: Nul(S), range: Nul(S), abnormal: Type.Boolean() })),
  followUp: Type.Union([Type.Literal('none'), Type.Literal('open'), Type.Literal('done')]),
});
export const ListCheckupsResponse = Type.Object({
  items: Type.Array(Type.Object({ id: S, personId: S, name: S, orgName: S, date: S, abnormalCount: N, followUp: S })),
  total: N,
});
export const CheckupImportResponse = Type.Object({ imported: N, people: N, abnormal: N });
