import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
const MonthStr = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const OptText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const promotionTracks = ['grade', 'tech', 'rank'] as const;
export const PromotionTrack = Type.Union(promotionTracks.map((t) => Type.Literal(t)));
export const eligibilityStatuses = ['eligible', 'not_yet', 'blocked', 'top', 'selection', 'no_data'] as const;
export const EligibilityStatusSchema = Type.Union(eligibilityStatuses.map((s) => Type.Literal(s)));

/** GET /cadres/due: the monthly due list (到期提醒). */
export const DueQuery = Type.Object({
  month: MonthStr,
  track: Type.Optional(PromotionTrack),
  orgId: Type.Optional(Id),
  status: Type.Optional(Type.Union([Type.Literal('eligible'), Type.Literal('blocked'), Type.Literal('all')])),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  ...Paging,
});
export type DueQuery = Static<typeof DueQuery>;

export const AsOfQuery = Type.Object({ asOf: Type.Optional(DateStr) });

export const CreatePromotionBody = Strict({
  personId: Id,
  track: PromotionTrack,
  /** The date eligibility is judged on (default today). */
  asOf: Type.Optional(DateStr),
  note: OptText(500),
});
export type CreatePromotionBody = Static<typeof CreatePromotionBody>;

export const PromotionQuery = Type.Object({
  status: Type.Optional(Type.Union(['in_progress', 'approved', 'rejected', 'withdrawn'].map((s) => Type.Literal(s)))),
  ...Paging,
});

const ConditionSchema = Type.Union([
  Strict({ kind: Type.Literal('yearsInPost'), min: Type.Integer({ minimum: 0, maximum: 60 }) }),
  Strict({ kind: Type.Literal('yearsOfWork'), min: Type.Integer({ minimum: 0, maximum: 60 }) }),
  Strict({ kind: Type.Literal('yearsOfPolice'), min: Type.Integer({ minimum: 0, maximum: 60 }) }),
  Strict({ kind: Type.Literal('award'), levels: Type.Array(Text(20), { minItems: 1, maxItems: 10 }) }),
  Strict({ kind: Type.Literal('excellentCount'), min: Type.Integer({ minimum: 0, maximum: 40 }) }),
  Strict({
    kind: Type.Literal('lastYearsAtLeast'),
    years: Type.Integer({ minimum: 1, maximum: 40 }),
    grades: Type.Array(Text(10), { minItems: 1, maxItems: 8 }),
  }),
  Strict({ kind: Type.Literal('salaryLevelAtMost'), level: Type.Integer({ minimum: 1, maximum: 27 }) }),
]);
const Code = Type.String({ pattern: '^\\d{3}$' });
export const ConversionRowSchema = Strict({
  from: Code,
  options: Type.Array(
    Strict({ to: Code, anyOf: Type.Union([Type.Array(Type.Array(ConditionSchema, { maxItems: 10 }), { maxItems: 10 }), Type.Null()]) }),
    {
      maxItems: 10,
    },
  ),
  fallback: Code,
});
export const QuotaRuleSchema = Strict({
  id: Type.String({ pattern: '^[a-zA-Z0-9_]{1,30}$' }),
  name: Text(40),
  grades: Type.Array(Code, { minItems: 1, maxItems: 12 }),
  maxRatio: Type.Number({ minimum: 0, maximum: 1 }),
  of: Type.String({ pattern: '^[a-zA-Z0-9_]{1,30}$' }),
});

/** POST /cadres/rule-sets/conversion: an edited copy of a conversion rule set (a province's own values). */
export const ConversionRuleCopyBody = Strict({
  basedOn: Type.String({ maxLength: 60 }),
  name: Text(80),
  effectiveFrom: DateStr,
  rows: Type.Optional(Type.Array(ConversionRowSchema, { minItems: 1, maxItems: 40 })),
  quotas: Type.Optional(Type.Array(QuotaRuleSchema, { maxItems: 20 })),
  disciplineFallback: Type.Optional(Type.Boolean()),
});
export type ConversionRuleCopyBody = Static<typeof ConversionRuleCopyBody>;

/** POST /cadres/simulations: a what-if (数据测算); nothing is written. */
export const SimulationBody = Strict({
  ruleSetId: Type.String({ minLength: 1, maxLength: 60 }),
  compareWith: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  /** A unit and everything below it; absent = everyone in the caller's scope. */
  orgId: Type.Optional(Id),
  /** Conversion date (default the rule set's own). */
  date: Type.Optional(DateStr),
  status: Type.Optional(Type.Union(['converted', 'fallback', 'quota', 'deferred', 'no_source', 'changed'].map((s) => Type.Literal(s)))),
  ...Paging,
});
export type SimulationBody = Static<typeof SimulationBody>;

export const ConversionBatchBody = Strict({
  ruleSetId: Type.String({ minLength: 1, maxLength: 60 }),
  orgId: Type.Optional(Id),
  date: Type.Optional(DateStr),
});
export type ConversionBatchBody = Static<typeof ConversionBatchBody>;

export const RetirementQuery = Type.Object({
  fromYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
  toYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
  orgId: Type.Optional(Id),
  ...Paging,
});
export type RetirementQuery = Static<typeof RetirementQuery>;

export const RosterQuery = Type.Object({ orgId: Type.Optional(Id) });

export const cadreRecordKinds = ['appointment', 'removal', 'inspection', 'talk', 'incentive', 'fault_tolerance', 'secondment'] as const;
export const CadreRecordKind = Type.Union(cadreRecordKinds.map((k) => Type.Literal(k)));
export type CadreRecordKind = Static<typeof CadreRecordKind>;

/** POST /cadres/records: 任免、考察、约谈、激励、容错纠错、挂职交流 records. */
export const CreateCadreRecordBody = Strict({
  personId: Id,
  kind: CadreRecordKind,
  date: DateStr,
  endDate: Type.Optional(Type.Union([DateStr, Type.Null()])),
  /** Post title, inspection purpose, talk subject … */
  title: Text(100),
  docNo: OptText(60),
  hostUnit: OptText(100),
  /** Democratic recommendation / evaluation result, outcome. */
  result: OptText(200),
  /** The restricted text (report, talk notes, facts): encrypted at rest, shown only with cadres:restricted. */
  detail: OptText(4000),
});
export type CreateCadreRecordBody = Static<typeof CreateCadreRecordBody>;

export const CadreRecordQuery = Type.Object({
  personId: Type.Optional(Id),
  kind: Type.Optional(CadreRecordKind),
  ...Paging,
});

export const TeamParams = Strict({ orgId: Id });
export const CreateTeamPostBody = Strict({ title: Text(40), seatOrder: Type.Integer({ minimum: 0, maximum: 99 }) });
export const AppointBody = Strict({ personId: Id, date: DateStr, docNo: OptText(60) });
export type AppointBody = Static<typeof AppointBody>;
export const VacateBody = Strict({ date: DateStr, docNo: OptText(60) });
export type VacateBody = Static<typeof VacateBody>;

/** Structure targets of a leadership team (班子结构目标): configured per unit. */
export const TeamTargets = Strict({
  size: Type.Integer({ minimum: 1, maximum: 30 }),
  /** At least this many members under 45 (or the age given). */
  youngAge: Type.Integer({ minimum: 25, maximum: 60 }),
  minYoung: Type.Integer({ minimum: 0, maximum: 30 }),
  minFemale: Type.Integer({ minimum: 0, maximum: 30 }),
  /** At least this many with a bachelor's degree or higher (GB/T 4658 code ≤ 21). */
  minBachelor: Type.Integer({ minimum: 0, maximum: 30 }),
  /** Professional mix: post keywords that should be present (e.g. 刑侦, 法制). */
  professions: Type.Array(Text(20), { maxItems: 10 }),
});
export type TeamTargets = Static<typeof TeamTargets>;

export const TeamEvaluationBody = Strict({
  date: DateStr,
  title: Text(100),
  items: Type.Array(Strict({ name: Text(60), score: Type.Number({ minimum: 0, maximum: 100 }), comment: OptText(300) }), {
    minItems: 1,
    maxItems: 30,
  }),
  followups: Type.Array(Strict({ item: Text(200), dueDate: DateStr }), { maxItems: 30 }),
});
export type TeamEvaluationBody = Static<typeof TeamEvaluationBody>;

/** POST /cadres/people/:id/appraisals: a clerk's entry of a year's appraisal result from the paper file (years before the platform). */
export const AppraisalBackfillBody = Strict({
  year: Type.Integer({ minimum: 1993, maximum: 2100 }),
  grade: Type.Union(['优秀', '称职', '基本称职', '不称职', '不定等次'].map((g) => Type.Literal(g))),
  note: OptText(200),
});
export type AppraisalBackfillBody = Static<typeof AppraisalBackfillBody>;

export const YoungEntryBody = Strict({ personId: Id, enteredOn: DateStr, plan: Text(1000) });
export type YoungEntryBody = Static<typeof YoungEntryBody>;
export const YoungUpdateBody = Strict({
  plan: Type.Optional(Text(1000)),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('promoted'), Type.Literal('left')])),
  rotations: Type.Optional(
    Type.Array(Strict({ unit: Text(60), post: Text(40), from: DateStr, to: Type.Union([DateStr, Type.Null()]) }), { maxItems: 20 }),
  ),
});
export type YoungUpdateBody = Static<typeof YoungUpdateBody>;
