import { Type, type Static } from '@sinclair/typebox';
import { jurisdictionChain } from '../auxiliary/rules.ts';
import { Strict } from '../schemas/common.ts';

/**
 * Rule data of party building (基层党建): the member pipeline's minimum periods and deadlines, the
 * required frequency of 三会一课 and 主题党日, the dues brackets. Values follow the national texts
 * as summarised (evidence 'S'); a city edits them by adding a dated version with its jurisdiction.
 */
export const partyRuleSets = ['pipeline', 'meetings', 'dues'] as const;
export type PartyRuleSet = (typeof partyRuleSets)[number];

/** The stages of the member pipeline (发展党员), in order. */
export const partyStages = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type PartyStage = (typeof partyStages)[number];
export const PartyStageSchema = Type.Union(partyStages.map((s) => Type.Literal(s)));
export const partyStageLabels: Record<PartyStage, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
};

const Months = Type.Integer({ minimum: 0, maximum: 120 });
export const PipelineValue = Strict({
  /** Youngest age at which an application counts (党章: 年满十八岁). */
  minAge: Type.Integer({ minimum: 14, maximum: 30 }),
  /** Per stage: the shortest stay before the next stage, and the latest date the next step is due. */
  stages: Type.Array(
    Strict({
      stage: PartyStageSchema,
      minMonths: Months,
      dueMonths: Type.Union([Months, Type.Null()]),
      dueLabel: Type.String({ maxLength: 60 }),
    }),
    { minItems: 4, maxItems: 4 },
  ),
  /** A probation may be extended once, by at most this many months (延长预备期不超过一年). */
  maxExtensionMonths: Months,
});
export type PipelineValue = Static<typeof PipelineValue>;

export const meetingKinds = ['committee', 'general', 'group', 'lecture', 'theme_day'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const MeetingKindSchema = Type.Union(meetingKinds.map((k) => Type.Literal(k)));
export const meetingKindLabels: Record<MeetingKind, string> = {
  committee: '支委会',
  general: '党员大会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
};
export const Frequency = Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly')]);
export type Frequency = Static<typeof Frequency>;
export const MeetingsValue = Strict({
  kinds: Type.Array(Strict({ kind: MeetingKindSchema, frequency: Frequency, minCount: Type.Integer({ minimum: 1, maximum: 12 }) }), {
    minItems: 1,
    maxItems: 5,
  }),
  /** Days before a period ends at which a branch with no meeting of a kind yet is reminded. */
  remindDaysBefore: Type.Integer({ minimum: 0, maximum: 60 }),
});
export type MeetingsValue = Static<typeof MeetingsValue>;

export const DuesValue = Strict({
  /** Brackets of monthly pay after tax, ascending; `upToFen` inclusive, null = no upper limit. Rate in ‰ of the whole pay. */
  brackets: Type.Array(
    Strict({ upToFen: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]), ratePermille: Type.Integer({ minimum: 0, maximum: 100 }) }),
    { minItems: 1, maxItems: 10 },
  ),
});
export type DuesValue = Static<typeof DuesValue>;

export interface PartyRuleValues {
  pipeline: PipelineValue;
  meetings: MeetingsValue;
  dues: DuesValue;
}
export const partyRuleSchemas = { pipeline: PipelineValue, meetings: MeetingsValue, dues: DuesValue } as const;

/**
 * Defaults (evidence S, from summaries of the texts):
 * - pipeline: 《中国共产党发展党员工作细则》(2014): 积极分子 educated and observed for more than a
 *   year before becoming 发展对象; one-year probation (党章 Art. 7), extendable once by up to a year;
 *   the branch talks to an applicant within a month of the application.
 * - meetings: 《中国共产党支部工作条例（试行）》(2018) Art. 18: 支委会 and 党小组会 monthly, 党员大会
 *   and 党课 quarterly; 主题党日 monthly.
 * - dues: 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008): of monthly pay after tax,
 *   ≤3000 元 0.5 %, 3000–5000 元 1 %, 5000–10000 元 1.5 %, above 10000 元 2 %, on the whole amount.
 */
export const defaultPartyRules: PartyRuleValues = {
  pipeline: {
    minAge: 18,
    stages: [
      { stage: 'applicant', minMonths: 0, dueMonths: 1, dueLabel: '派人谈话（收到申请一个月内）' },
      { stage: 'activist', minMonths: 12, dueMonths: null, dueLabel: '培养考察满一年后可列为发展对象' },
      { stage: 'candidate', minMonths: 0, dueMonths: 6, dueLabel: '政治审查与集中培训后接收为预备党员' },
      { stage: 'probationary', minMonths: 12, dueMonths: 12, dueLabel: '预备期满讨论转正' },
    ],
    maxExtensionMonths: 12,
  },
  meetings: {
    kinds: [
      { kind: 'committee', frequency: 'monthly', minCount: 1 },
      { kind: 'general', frequency: 'quarterly', minCount: 1 },
      { kind: 'group', frequency: 'monthly', minCount: 1 },
      { kind: 'lecture', frequency: 'quarterly', minCount: 1 },
      { kind: 'theme_day', frequency: 'monthly', minCount: 1 },
    ],
    remindDaysBefore: 7,
  },
  dues: {
    brackets: [
      { upToFen: 300_000, ratePermille: 5 },
      { upToFen: 500_000, ratePermille: 10 },
      { upToFen: 1_000_000, ratePermille: 15 },
      { upToFen: null, ratePermille: 20 },
    ],
  },
};

export const PARTY_DEFAULT_RULE_DATE = '2000-01-01';

export interface RuleVersion<V> {
  readonly id: string | null;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  readonly value: V;
  readonly evidence: 'V' | 'S' | 'U';
  readonly source: string | null;
  readonly note: string | null;
}

/**
 * The version in force on `date`: the most specific jurisdiction (city, province, national) with a
 * version already effective wins, the latest effective date within it; else the built-in default.
 */
export function pickVersion<V>(
  versions: readonly RuleVersion<V>[],
  date: string,
  cityCode: string,
  fallback: V,
  fallbackEvidence: 'V' | 'S' | 'U',
): RuleVersion<V> {
  for (const j of jurisdictionChain(cityCode)) {
    const best = versions
      .filter((v) => v.jurisdiction === j && v.effectiveFrom <= date)
      .reduce<RuleVersion<V> | undefined>((a, v) => (!a || v.effectiveFrom > a.effectiveFrom ? v : a), undefined);
    if (best) return best;
  }
  return {
    id: null,
    jurisdiction: '000000',
    effectiveFrom: PARTY_DEFAULT_RULE_DATE,
    value: fallback,
    evidence: fallbackEvidence,
    source: null,
    note: null,
  };
}
