import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoTime } from '../schemas/common.ts';
import { CadreRecordKind, EligibilityStatusSchema, PromotionTrack, TeamTargets } from './schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const S = Type.String();
const NS = Nullable(Type.String());

export const ReasonView = Type.Object({ rule: S, ok: Type.Boolean(), zh: S, en: S });
export type ReasonView = Static<typeof ReasonView>;

export const EligibilityView = Type.Object({
  track: PromotionTrack,
  from: NS,
  fromName: S,
  to: NS,
  toName: S,
  status: EligibilityStatusSchema,
  dueDate: NS,
  countedMonths: Type.Integer(),
  requiredMonths: Type.Integer(),
  countingFrom: NS,
  excludedYears: Type.Array(Type.Object({ year: Type.Integer(), months: Type.Integer(), grade: NS })),
  convertedMonths: Type.Integer(),
  reasons: Type.Array(ReasonView),
});
export type EligibilityView = Static<typeof EligibilityView>;

export const DueItem = Type.Object({
  personId: Id,
  name: S,
  policeNumber: NS,
  orgId: Id,
  orgName: S,
  unitName: S,
  eligibility: EligibilityView,
  /** The unit's quota for the target grade, when a quota rule covers it. */
  quota: Nullable(ReasonView),
  openCaseId: NS,
});
export type DueItem = Static<typeof DueItem>;
export const DueListResponse = Type.Object({ month: S, ruleSetId: S, items: Type.Array(DueItem), total: Type.Integer() });
export type DueListResponse = Static<typeof DueListResponse>;

export const RetirementView = Type.Object({ category: S, ageMonths: Type.Integer(), delayMonths: Type.Integer(), month: S, date: S });

export const PromotionView = Type.Object({
  id: Id,
  personId: Id,
  personName: S,
  orgName: S,
  track: PromotionTrack,
  from: S,
  fromName: S,
  to: S,
  toName: S,
  asOf: S,
  status: S,
  caseId: NS,
  decidedOn: NS,
  createdAt: IsoTime,
});
export type PromotionView = Static<typeof PromotionView>;
export const PromotionListResponse = Type.Object({ items: Type.Array(PromotionView), total: Type.Integer() });
export const CreatePromotionResponse = Type.Object({ id: Id, caseId: S });

export const CadreProfileResponse = Type.Object({
  person: Type.Object({
    id: Id,
    name: S,
    orgId: Id,
    orgName: S,
    sex: S,
    birthDate: S,
    post: NS,
    postLevel: NS,
    officerLevel: NS,
    levelName: S,
    levelDate: NS,
    techLevel: NS,
    rank: NS,
    rankName: S,
    rankDate: NS,
  }),
  asOf: S,
  eligibility: Type.Array(EligibilityView),
  retirement: RetirementView,
  gradeHistory: Type.Array(Type.Object({ sequence: S, level: S, name: S, startDate: S, endDate: NS })),
  rankHistory: Type.Array(Type.Object({ rank: S, name: S, startDate: S })),
  appraisals: Type.Array(Type.Object({ year: Type.Integer(), grade: S })),
  cases: Type.Array(PromotionView),
});
export type CadreProfileResponse = Static<typeof CadreProfileResponse>;

const RuleSetSummary = Type.Object({
  id: S,
  kind: S,
  name: S,
  effectiveFrom: S,
  evidence: S,
  source: S,
  note: NS,
  editable: Type.Boolean(),
  basedOn: NS,
});
export const RuleSetsResponse = Type.Object({ items: Type.Array(RuleSetSummary) });
export const RuleSetCopyResponse = Type.Object({ id: S });

export const SimulationItem = Type.Object({
  personId: Id,
  name: S,
  unitName: S,
  from: NS,
  fromName: S,
  to: NS,
  toName: S,
  status: S,
  reasons: Type.Array(ReasonView),
  /** The compared rule set's result, when one was asked for. */
  toB: Type.Optional(NS),
  toBName: Type.Optional(S),
  statusB: Type.Optional(S),
});
export type SimulationItem = Static<typeof SimulationItem>;
export const SimulationResponse = Type.Object({
  ruleSetId: S,
  compareWith: NS,
  date: S,
  people: Type.Integer(),
  summary: Type.Record(S, Type.Integer()),
  summaryB: Nullable(Type.Record(S, Type.Integer())),
  usage: Type.Array(Type.Object({ unitId: S, unitName: S, ruleId: S, name: S, used: Type.Integer(), limit: Type.Integer() })),
  items: Type.Array(SimulationItem),
  total: Type.Integer(),
});
export type SimulationResponse = Static<typeof SimulationResponse>;

export const ConversionBatchView = Type.Object({
  id: Id,
  ruleSetId: S,
  date: S,
  people: Type.Integer(),
  status: S,
  caseId: NS,
  createdAt: IsoTime,
});
export const ConversionBatchListResponse = Type.Object({ items: Type.Array(ConversionBatchView) });
export const CreateBatchResponse = Type.Object({ id: Id, caseId: S, people: Type.Integer() });

export const RetirementItem = Type.Object({
  personId: Id,
  name: S,
  orgName: S,
  unitName: S,
  sex: S,
  birthDate: S,
  officerLevel: NS,
  ...RetirementView.properties,
});
export const RetirementResponse = Type.Object({
  ruleSetId: S,
  byYear: Type.Array(Type.Object({ year: Type.Integer(), count: Type.Integer() })),
  byUnit: Type.Array(Type.Object({ unitName: S, year: Type.Integer(), count: Type.Integer() })),
  items: Type.Array(RetirementItem),
  total: Type.Integer(),
});
export type RetirementResponse = Static<typeof RetirementResponse>;

export const CadreRecordView = Type.Object({
  id: Id,
  personId: Id,
  personName: S,
  kind: CadreRecordKind,
  date: S,
  endDate: NS,
  title: S,
  docNo: NS,
  hostUnit: NS,
  result: NS,
  hasDetail: Type.Boolean(),
  createdAt: IsoTime,
});
export type CadreRecordView = Static<typeof CadreRecordView>;
export const CadreRecordListResponse = Type.Object({ items: Type.Array(CadreRecordView), total: Type.Integer() });
export const CadreRecordDetail = Type.Object({ ...CadreRecordView.properties, detail: NS });
export const CreatedResponse = Type.Object({ id: Id });

export const TeamView = Type.Object({
  org: Type.Object({ id: Id, name: S }),
  targets: Nullable(TeamTargets),
  posts: Type.Array(
    Type.Object({
      id: Id,
      title: S,
      seatOrder: Type.Integer(),
      holder: Nullable(Type.Object({ personId: Id, name: S, age: Type.Integer(), sex: S, education: NS, post: NS })),
      since: NS,
      docNo: NS,
    }),
  ),
  structure: Type.Array(ReasonView),
  evaluations: Type.Array(
    Type.Object({
      id: Id,
      date: S,
      title: S,
      average: Type.Number(),
      items: Type.Array(Type.Object({ name: S, score: Type.Number(), comment: Type.Optional(NS) })),
      followups: Type.Array(Type.Object({ item: S, dueDate: S, overdue: Type.Boolean() })),
    }),
  ),
});
export type TeamView = Static<typeof TeamView>;

export const YoungView = Type.Object({
  criteria: Type.Object({ maxAge: Type.Integer(), minEducation: S, minServiceYears: Type.Integer(), evidence: S, note: S }),
  pool: Type.Array(
    Type.Object({
      id: Id,
      personId: Id,
      name: S,
      orgName: S,
      age: Type.Integer(),
      enteredOn: S,
      plan: S,
      status: S,
      rotations: Type.Array(Type.Object({ unit: S, post: S, from: S, to: NS })),
    }),
  ),
  candidates: Type.Array(Type.Object({ personId: Id, name: S, orgName: S, age: Type.Integer(), education: NS, officerLevel: NS })),
});
export type YoungView = Static<typeof YoungView>;
