import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';

/**
 * Assessment schemes (百分制考核方案) as versioned data: an indicator tree whose leaves carry a
 * scoring rule, bonus and deduction items outside the 100 with caps, grade bands that only
 * *suggest* a grade, and the 优秀 quota checked when grades are confirmed.
 */

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Key = Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,31}$' });
const Name = Type.String({ minLength: 1, maxLength: 60 });
const Points = Type.Number({ minimum: 0, maximum: 100 });

export const schemeSubjects = ['unit', 'team', 'individual'] as const;
export const SchemeSubject = Type.Union(schemeSubjects.map((s) => Type.Literal(s)));
export type SchemeSubject = Static<typeof SchemeSubject>;

export const periodKinds = ['monthly', 'quarterly', 'annual', 'wartime'] as const;
export const PeriodKind = Type.Union(periodKinds.map((s) => Type.Literal(s)));
export type PeriodKind = Static<typeof PeriodKind>;

/** How a leaf indicator is scored. Formula sources read the platform's own records, never a copy. */
export const IndicatorRule = Type.Union([
  /** Entered by the unit with evidence (佐证). */
  Strict({ kind: Type.Literal('manual') }),
  /** Mean of the person's published exam scores in the period, as a share of each paper's total; an absence counts 0. */
  Strict({ kind: Type.Literal('exam'), examKind: Type.Optional(Type.String({ maxLength: 32 })) }),
  /** Training hours (学时) in the period against a target; full points at the target. */
  Strict({ kind: Type.Literal('training_hours'), targetHours: Type.Number({ exclusiveMinimum: 0, maximum: 2000 }) }),
  /** Approved study hours (学习教育) in the period against a target. */
  Strict({ kind: Type.Literal('study_hours'), targetHours: Type.Number({ exclusiveMinimum: 0, maximum: 2000 }) }),
  /** Competition placings in the period: points per placing at or above `maxRank`, capped at the indicator's maximum. */
  Strict({
    kind: Type.Literal('competition'),
    maxRank: Type.Integer({ minimum: 1, maximum: 100 }),
    pointsPerPlacing: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
  }),
  /**
   * Daily-assessment entries (日常考核) or on-the-spot entries (阵前考核) in the period: starting
   * from the maximum, each entry's score is added (positive) or subtracted (negative) alike.
   */
  Strict({ kind: Type.Literal('daily'), category: Type.Union([Type.Literal('daily'), Type.Literal('onsite')]) }),
  /** 辅警 monthly assessment scores (0–100) in the period, their mean as a share. */
  Strict({ kind: Type.Literal('aux_monthly') }),
  /** Unit schemes: the mean total of the unit's people in the named individual scheme's rounds, as a share of 100. */
  Strict({ kind: Type.Literal('unit_mean') }),
]);
export type IndicatorRule = Static<typeof IndicatorRule>;
export type FormulaKind = IndicatorRule['kind'];

/** One indicator; a flat list with `parent` keys keeps the tree easy to store and edit. */
export const Indicator = Strict({
  key: Key,
  name: Name,
  parent: Type.Optional(Key),
  maxPoints: Points,
  /** Leaves only; a group's points are its children's sum. */
  rule: Type.Optional(IndicatorRule),
});
export type Indicator = Static<typeof Indicator>;

/** Bonus (加分) or deduction (扣分) outside the 100, each capped, with an overall cap per side. */
export const Adjustment = Strict({
  key: Key,
  name: Name,
  side: Type.Union([Type.Literal('bonus'), Type.Literal('deduction')]),
  /** award and discipline read the record lines; manual is entered with a reason. */
  source: Type.Union([Type.Literal('award'), Type.Literal('discipline'), Type.Literal('manual')]),
  /** Points per record line by its level (嘉奖, 三等功 …) or kind (警告, 记过 …). */
  pointsByLevel: Type.Optional(Type.Record(Type.String({ maxLength: 20 }), Type.Number({ minimum: 0, maximum: 100 }))),
  cap: Type.Number({ minimum: 0, maximum: 100 }),
});
export type Adjustment = Static<typeof Adjustment>;

export const GradeBand = Strict({
  grade: Type.String({ minLength: 1, maxLength: 10 }),
  minScore: Type.Number({ minimum: 0, maximum: 200 }),
});
export type GradeBand = Static<typeof GradeBand>;

/** The 优秀 quota per unit (default ≤ 15 %, an editable default: DOMAIN-RULES §4.4, evidence U). */
export const ExcellentQuota = Strict({
  ratio: Type.Number({ minimum: 0, maximum: 1 }),
  rounding: Type.Union([Type.Literal('floor'), Type.Literal('round'), Type.Literal('ceil')]),
  /** A unit with people may always name one 优秀. */
  minOne: Type.Boolean(),
});
export type ExcellentQuota = Static<typeof ExcellentQuota>;

export const SchemeBody = Strict({
  indicators: Type.Array(Indicator, { minItems: 1, maxItems: 200 }),
  adjustments: Type.Array(Adjustment, { maxItems: 50 }),
  bonusCap: Type.Number({ minimum: 0, maximum: 100 }),
  deductionCap: Type.Number({ minimum: 0, maximum: 100 }),
  /** The grade set, best first: 优秀/称职/基本称职/不称职, or the 辅警 variant of the city. */
  grades: Type.Array(Type.String({ minLength: 1, maxLength: 10 }), { minItems: 2, maxItems: 6 }),
  gradeBands: Type.Array(GradeBand, { maxItems: 6 }),
  excellentQuota: ExcellentQuota,
});
export type SchemeBody = Static<typeof SchemeBody>;

export const CreateSchemeBody = Strict({
  /** A new code starts version 1; an existing code adds the next version. */
  code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,40}$' }),
  name: Type.String({ minLength: 2, maxLength: 80 }),
  subject: SchemeSubject,
  personKind: Type.Union([Type.Literal('officer'), Type.Literal('auxiliary'), Type.Null()]),
  periodKind: PeriodKind,
  effectiveFrom: DateStr,
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
  source: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  body: SchemeBody,
});
export type CreateSchemeBody = Static<typeof CreateSchemeBody>;

export const OpenRoundBody = Strict({
  schemeId: Id,
  orgId: Id,
  /** 2026, 2026-Q2, 2026-06, or a wartime operation's name. */
  period: Type.String({ minLength: 4, maxLength: 40 }),
  startDate: DateStr,
  endDate: DateStr,
});
export type OpenRoundBody = Static<typeof OpenRoundBody>;

export const ComputeBody = Strict({ asOf: Type.Optional(DateStr) });
export type ComputeBody = Static<typeof ComputeBody>;

const Evidence = Type.String({ minLength: 1, maxLength: 300 });
export const ManualScoresBody = Strict({
  scores: Type.Array(Strict({ key: Key, points: Points, evidence: Evidence }), { maxItems: 200 }),
  adjustments: Type.Optional(Type.Array(Strict({ key: Key, points: Points, reason: Evidence }), { maxItems: 50 })),
});
export type ManualScoresBody = Static<typeof ManualScoresBody>;

export const SelfScoresBody = Strict({
  scores: Type.Array(Strict({ key: Key, points: Points, note: Type.Optional(Type.String({ maxLength: 300 })) }), { maxItems: 200 }),
  summary: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type SelfScoresBody = Static<typeof SelfScoresBody>;

export const ConfirmGradesBody = Strict({
  grades: Type.Array(Strict({ resultId: Id, grade: Type.String({ minLength: 1, maxLength: 10 }) }), { minItems: 1, maxItems: 5000 }),
});
export type ConfirmGradesBody = Static<typeof ConfirmGradesBody>;

export const AssessmentAppealBody = Strict({
  indicatorKey: Type.Optional(Key),
  reason: Type.String({ minLength: 5, maxLength: 1000 }),
});
export type AssessmentAppealBody = Static<typeof AssessmentAppealBody>;

export const AppealDecisionBody = Strict({
  uphold: Type.Boolean(),
  /** When upheld: the corrected points of one manual indicator (formula indicators are corrected at their source). */
  indicatorKey: Type.Optional(Key),
  points: Type.Optional(Points),
  note: Type.String({ minLength: 2, maxLength: 500 }),
});
export type AppealDecisionBody = Static<typeof AppealDecisionBody>;

export const RoundListQuery = Type.Object({
  schemeId: Type.Optional(Id),
  period: Type.Optional(Type.String({ maxLength: 40 })),
  orgId: Type.Optional(Id),
});
export type RoundListQuery = Static<typeof RoundListQuery>;

export const UnitRankingQuery = Type.Object({ schemeId: Id, period: Type.String({ minLength: 4, maxLength: 40 }) });
export type UnitRankingQuery = Static<typeof UnitRankingQuery>;

export const ReportQuery = Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('docx')]) });

export const RoundResultParams = Strict({ id: Id, resultId: Id });

/* Daily management (日常管理). */

export const DailyEntryBody = Strict({
  personId: Id,
  date: DateStr,
  kind: Type.Union([Type.Literal('positive'), Type.Literal('negative')]),
  category: Type.Union([Type.Literal('daily'), Type.Literal('onsite')]),
  reason: Type.String({ minLength: 2, maxLength: 300 }),
  /** Optional points fed to a scheme's daily indicator; positive and negative weigh alike. */
  score: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 20 }), Type.Null()])),
});
export type DailyEntryBody = Static<typeof DailyEntryBody>;

export const TalkBody = Strict({
  personId: Id,
  date: DateStr,
  /** Who talked with the officer. */
  talker: Type.String({ minLength: 1, maxLength: 60 }),
  topic: Type.String({ minLength: 2, maxLength: 200 }),
  followUp: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  /** Content only as far as the officer agreed to have it recorded. */
  agreedNote: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  officerAgreed: Type.Boolean(),
});
export type TalkBody = Static<typeof TalkBody>;

export const familyCareKinds = ['home_visit', 'award_home', 'family_open_day'] as const;
export const CareContactBody = Strict({
  personId: Id,
  date: DateStr,
  kind: Type.Union(familyCareKinds.map((k) => Type.Literal(k))),
  participants: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
});
export type CareContactBody = Static<typeof CareContactBody>;

export const DailyListQuery = Type.Object({
  personId: Type.Optional(Id),
  orgId: Type.Optional(Id),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
});
export type DailyListQuery = Static<typeof DailyListQuery>;

export const TalkIntervalBody = Strict({
  effectiveFrom: DateStr,
  days: Type.Integer({ minimum: 7, maximum: 730 }),
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
  source: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
});
export type TalkIntervalBody = Static<typeof TalkIntervalBody>;
