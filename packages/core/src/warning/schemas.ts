import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { factKinds } from './indicators.ts';
import { PolicyBody } from './rules.ts';

/** Request and response schemas of the early-warning routes; types are Static<> of them. */
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const alertStatuses = ['new', 'assigned', 'consulted', 'measures', 'follow_up', 'closing', 'closed', 'dismissed'] as const;
export const WarningAlertStatus = Type.Union(alertStatuses.map((s) => Type.Literal(s)));
export type WarningAlertStatus = Static<typeof WarningAlertStatus>;
const Level = Type.Union([Type.Literal('attention'), Type.Literal('warning'), Type.Literal('critical')]);

export const WarningAlertListQuery = Type.Object({
  status: Type.Optional(Type.Union([WarningAlertStatus, Type.Literal('open')])),
  level: Type.Optional(Level),
  orgId: Type.Optional(Id),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type WarningAlertListQuery = Static<typeof WarningAlertListQuery>;

const AlertItem = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  policyCode: Type.String(),
  policyName: Type.String(),
  policyVersion: Type.Integer(),
  level: Level,
  status: WarningAlertStatus,
  sentence: Type.String(),
  firstAsOf: Type.String(),
  lastAsOf: Type.String(),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  modelRankPct: Nullable(Type.Number()),
});
export const AlertListResponse = Type.Object({ items: Type.Array(AlertItem), total: Type.Integer() });
export type AlertListResponse = Static<typeof AlertListResponse>;

const EvidenceView = Type.Object({
  indicator: Nullable(Type.String()),
  indicatorName: Nullable(Type.String()),
  value: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  threshold: Nullable(Type.Number()),
  peerKey: Nullable(Type.String()),
  peerN: Nullable(Type.Integer()),
  percentile: Nullable(Type.Number()),
  sources: Type.Array(Type.String()),
});
const EventView = Type.Object({
  at: Type.String(),
  action: Type.String(),
  actorName: Type.String(),
  note: Nullable(Type.String()),
  data: Nullable(Type.String()),
});
export const AlertDetailResponse = Type.Composite([
  AlertItem,
  Type.Object({
    evidence: EvidenceView,
    contributions: Type.Array(
      Type.Object({ indicator: Type.String(), name: Type.String(), value: Nullable(Type.Number()), logit: Type.Number() }),
    ),
    context: Type.Array(Type.String()),
    disclaimer: Type.String(),
    events: Type.Array(EventView),
    caseId: Nullable(Type.String()),
    assigneeName: Nullable(Type.String()),
  }),
]);
export type AlertDetailResponse = Static<typeof AlertDetailResponse>;

export const AssignBody = Strict({ note: Type.Optional(Type.String({ maxLength: 500 })) });
export const ConsultBody = Strict({ date: DateStr, attendees: Text(200), conclusion: Text(1000) });
export const measureTypes = ['谈心谈话', '心理疏导', '安排休假', '调整勤务', '培训辅导', '家访慰问', '转介医疗', '其他'] as const;
export const MeasureBody = Strict({ type: Type.Union(measureTypes.map((m) => Type.Literal(m))), date: DateStr, note: Text(1000) });
export const FollowUpBody = Strict({
  day: Type.Union([Type.Literal(30), Type.Literal(60), Type.Literal(90)]),
  date: DateStr,
  note: Text(1000),
});
export const closeOutcomes = ['改善', '无变化', '升级处置', '调离'] as const;
export const CloseBody = Strict({ outcome: Type.Union(closeOutcomes.map((o) => Type.Literal(o))), note: Text(1000) });
export const dismissReasons = ['数据错误', '情况已知', '合理原因', '其他'] as const;
export const DismissBody = Strict({ reason: Type.Union(dismissReasons.map((o) => Type.Literal(o))), note: Text(1000) });
export type ConsultBody = Static<typeof ConsultBody>;
export type MeasureBody = Static<typeof MeasureBody>;
export type FollowUpBody = Static<typeof FollowUpBody>;
export type CloseBody = Static<typeof CloseBody>;
export type DismissBody = Static<typeof DismissBody>;
export const AlertActionResponse = Type.Object({ id: Type.String(), status: WarningAlertStatus, caseId: Nullable(Type.String()) });

export const RunBody = Strict({ asOf: DateStr });
export const RunResponse = Type.Object({
  asOf: Type.String(),
  people: Type.Integer(),
  snapshots: Type.Integer(),
  alertsOpened: Type.Integer(),
  alertsUpdated: Type.Integer(),
  cockpitFigures: Type.Integer(),
});
export type RunResponse = Static<typeof RunResponse>;

export const PolicyView = Type.Object({
  code: Type.String(),
  version: Type.Integer(),
  effectiveFrom: Type.String(),
  evidence: Type.String(),
  body: PolicyBody,
});
export const PolicyListResponse = Type.Object({ items: Type.Array(PolicyView) });
export const PolicyVersionBody = Strict({ effectiveFrom: DateStr, body: PolicyBody });
export type PolicyVersionBody = Static<typeof PolicyVersionBody>;
export const PolicyCodeParams = Strict({ code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' }) });

export const FactBody = Strict({
  personId: Id,
  kind: Type.Union(factKinds.filter((k) => k !== 'outcome').map((k) => Type.Literal(k))),
  eventDate: DateStr,
  value: Type.Number({ minimum: -1000, maximum: 100000 }),
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
export type FactBody = Static<typeof FactBody>;

const Band = Type.Object({ rate: Nullable(Type.Number()), low: Nullable(Type.Number()), high: Nullable(Type.Number()) });
export const DisparityQuery = Type.Object({
  asOf: DateStr,
  attribute: Type.Union(['sex', 'ageBand', 'post', 'unitType', 'kind'].map((a) => Type.Literal(a))),
  policy: Type.Union([Type.Literal('absolute'), Type.Literal('peer'), Type.Literal('model')]),
});
export type DisparityQuery = Static<typeof DisparityQuery>;
export const DisparityResponse = Type.Object({
  asOf: Type.String(),
  outcomesKnown: Type.Boolean(),
  groups: Type.Array(
    Type.Object({
      group: Type.String(),
      n: Type.Integer(),
      flagged: Type.Integer(),
      positives: Type.Integer(),
      flagRate: Band,
      fpr: Band,
      fnr: Band,
      fdr: Band,
      flagRateRatio: Nullable(Type.Number()),
      fprRatio: Nullable(Type.Number()),
      fnrRatio: Nullable(Type.Number()),
      fdrRatio: Nullable(Type.Number()),
      verdict: Type.String(),
    }),
  ),
});

export const SelfViewResponse = Type.Object({
  asOf: Nullable(Type.String()),
  indicators: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      dimension: Type.String(),
      unit: Type.String(),
      value: Nullable(Type.Number()),
      missing: Type.Boolean(),
      peerN: Nullable(Type.Integer()),
      percentile: Nullable(Type.Number()),
      sources: Type.Array(Type.Object({ ref: Type.String(), label: Type.String() })),
    }),
  ),
  alerts: Type.Array(
    Type.Object({
      id: Type.String(),
      policyName: Type.String(),
      sentence: Type.String(),
      status: WarningAlertStatus,
      disclaimer: Type.String(),
    }),
  ),
  appeals: Type.Array(
    Type.Object({
      id: Type.String(),
      factRef: Type.String(),
      reason: Type.String(),
      status: Type.String(),
      answer: Nullable(Type.String()),
    }),
  ),
});
export type SelfViewResponse = Static<typeof SelfViewResponse>;
export const WarningAppealBody = Strict({ factRef: Type.String({ minLength: 3, maxLength: 80 }), reason: Text(1000) });
export type WarningAppealBody = Static<typeof WarningAppealBody>;
export const AppealListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      personName: Type.String(),
      factRef: Type.String(),
      factLabel: Type.String(),
      reason: Type.String(),
      status: Type.String(),
      answer: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
  ),
});
export const DecideAppealBody = Strict({
  decision: Type.Union([Type.Literal('upheld'), Type.Literal('rejected')]),
  answer: Text(1000),
  /** Upheld: the corrected amount, or null to strike the fact out. */
  correctedValue: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
});
export type DecideAppealBody = Static<typeof DecideAppealBody>;
export const OkResponse = Type.Object({ ok: Type.Boolean() });

export const CockpitQuery = Type.Object({ asOf: Type.Optional(DateStr), orgId: Type.Optional(Id) });
const Figure = Type.Object({ key: Type.String(), label: Type.String(), value: Type.Number(), orgId: Nullable(Type.String()) });
export const CockpitResponse = Type.Object({
  asOf: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  totals: Type.Object({ people: Type.Integer(), officers: Type.Integer(), auxiliaries: Type.Integer(), openAlerts: Type.Integer() }),
  strengthByUnit: Type.Array(
    Type.Object({
      orgId: Type.String(),
      orgName: Type.String(),
      officers: Type.Integer(),
      auxiliaries: Type.Integer(),
      openAlerts: Type.Integer(),
    }),
  ),
  ageBands: Type.Array(Figure),
  ranks: Type.Array(Figure),
  trainingCoverage: Type.Number(),
  examAverage: Nullable(Type.Number()),
  awardsTrend: Type.Array(Type.Object({ month: Type.String(), awards: Type.Integer(), discipline: Type.Integer() })),
  alertsByLevel: Type.Array(Figure),
  interventionsOpen: Type.Integer(),
});
export type CockpitResponse = Static<typeof CockpitResponse>;
export const CockpitDrillQuery = Type.Object({
  asOf: DateStr,
  orgId: Id,
  figure: Type.Union(['officers', 'auxiliaries', 'people', 'ageBand', 'rank'].map((f) => Type.Literal(f))),
  key: Type.Optional(Type.String({ maxLength: 40 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type CockpitDrillQuery = Static<typeof CockpitDrillQuery>;
export const CockpitDrillResponse = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      kind: Type.String(),
      ageBand: Type.String(),
      rank: Nullable(Type.String()),
    }),
  ),
});

export const ReportSections = Type.Object({
  overview: Type.String({ maxLength: 5000 }),
  warnings: Type.String({ maxLength: 5000 }),
  problems: Type.String({ maxLength: 5000 }),
  measures: Type.String({ maxLength: 5000 }),
});
export type ReportSections = Static<typeof ReportSections>;
export const CreateReportBody = Strict({ orgId: Id, quarter: Type.String({ pattern: '^\\d{4}Q[1-4]$' }) });
export const UpdateReportBody = Strict({ sections: ReportSections });
const ReportView = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  quarter: Type.String(),
  status: Type.String(),
  figures: Type.Record(Type.String(), Type.Number()),
  sections: ReportSections,
  caseId: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type ReportView = Static<typeof ReportView>;
export const ReportResponse = ReportView;
export const ReportListResponse = Type.Object({ items: Type.Array(ReportView) });
export const ReportListQuery = Type.Object({ quarter: Type.Optional(Type.String({ pattern: '^\\d{4}Q[1-4]$' })) });
export const ReportSummaryResponse = Type.Object({
  quarter: Type.String(),
  rows: Type.Array(
    Type.Object({
      orgId: Type.String(),
      orgName: Type.String(),
      status: Type.String(),
      figures: Type.Record(Type.String(), Type.Number()),
    }),
  ),
});
