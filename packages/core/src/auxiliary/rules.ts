import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../schemas/common.ts';

/**
 * Rule data of the auxiliary-officer (辅警) life cycle. Every value is local and most are not
 * confirmed (DOMAIN-RULES §4.3–4.5): they ship as defaults dated 2000-01-01 with evidence 'U',
 * and a city edits them by adding a version with its own effective date and jurisdiction.
 */
export const auxRuleSets = ['gradeTable', 'payScale', 'socialInsurance', 'settings'] as const;
export type AuxRuleSet = (typeof auxRuleSets)[number];

const Fen = Type.Integer({ minimum: -100_000_000, maximum: 100_000_000, description: 'Money in fen (分)' });
const PositiveFen = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Label = Type.String({ minLength: 1, maxLength: 32 });

/** The four monthly grades (月度考核等次); labels are editable, codes stay stable for history. */
export const assessmentGrades = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type AssessmentGrade = (typeof assessmentGrades)[number];
export const AssessmentGradeSchema = Type.Union(assessmentGrades.map((g) => Type.Literal(g)));

/** Grade → reward/penalty amount (奖惩金), and the lowest score that earns the grade. */
export const GradeTableValue = Strict({
  grades: Type.Array(
    Strict({ code: AssessmentGradeSchema, label: Label, minScore: Type.Number({ minimum: 0, maximum: 1000 }), amountFen: Fen }),
    { minItems: 4, maxItems: 4 },
  ),
  /**
   * Highest share of a month's graded people who may be 优秀 (e.g. 0.2); absent: no quota.
   * DOMAIN-RULES §4.4: typically ≤15–20 % (U), so a city sets its own.
   */
  excellentMaxShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  /**
   * How penalties meet the fund: 'separate' (penalties are deducted from pay and never fund
   * rewards) or 'penaltiesFundRewards' (以罚补奖: what penalties take back may pay rewards).
   */
  fundMode: Type.Optional(Type.Union([Type.Literal('separate'), Type.Literal('penaltiesFundRewards')])),
});
export type GradeTableValue = Static<typeof GradeTableValue>;

/** Pay scale (薪级表): per pay grade (层级) a base pay and named allowances, monthly. */
export const PayScaleValue = Strict({
  grades: Type.Array(
    Strict({
      code: Label,
      basePayFen: PositiveFen,
      allowances: Type.Array(Strict({ name: Label, amountFen: PositiveFen }), { maxItems: 20 }),
    }),
    { minItems: 1, maxItems: 40 },
  ),
});
export type PayScaleValue = Static<typeof PayScaleValue>;

const Rate = Type.Number({ minimum: 0, maximum: 1 });
/** Social insurance and housing fund (社保/公积金): contribution base limits and rates. */
export const SocialInsuranceValue = Strict({
  baseMinFen: PositiveFen,
  baseMaxFen: PositiveFen,
  items: Type.Array(Strict({ name: Label, employerRate: Rate, personalRate: Rate }), { minItems: 1, maxItems: 10 }),
});
export type SocialInsuranceValue = Static<typeof SocialInsuranceValue>;

export const SettingsValue = Strict({
  /** Contracts ending within this many days appear on the to-do list. */
  contractReminderDays: Type.Integer({ minimum: 1, maximum: 730 }),
  /** The first contract's default length (中卫 2010: 3 years), and a renewal's (1 year). */
  firstContractYears: Type.Integer({ minimum: 1, maximum: 10 }),
  renewalYears: Type.Integer({ minimum: 1, maximum: 10 }),
  /** Probation of a first contract in months (中卫 2010: 3, S), capped by 劳动合同法 第十九条. */
  probationMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
  /** 劳动合同法 第十四条 (V): open-ended contract due after this many fixed terms, or years of service. */
  openEndedAfterFixedTerms: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  openEndedAfterYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
});
export type SettingsValue = Static<typeof SettingsValue>;

export interface AuxRuleValues {
  gradeTable: GradeTableValue;
  payScale: PayScaleValue;
  socialInsurance: SocialInsuranceValue;
  settings: SettingsValue;
}

export const auxRuleSchemas = {
  gradeTable: GradeTableValue,
  payScale: PayScaleValue,
  socialInsurance: SocialInsuranceValue,
  settings: SettingsValue,
} as const;

const yuan = (n: number) => Math.round(n * 100);
const payGrade = (code: string, base: number, post: number) => ({
  code,
  basePayFen: yuan(base),
  allowances: [
    { name: '岗位津贴', amountFen: yuan(post) },
    { name: '交通补贴', amountFen: yuan(300) },
  ],
});

/** Example defaults (evidence U): replace them with the city's own values. */
export const defaultAuxRules: AuxRuleValues = {
  gradeTable: {
    grades: [
      { code: 'excellent', label: '优秀', minScore: 90, amountFen: yuan(800) },
      { code: 'qualified', label: '合格', minScore: 70, amountFen: yuan(500) },
      { code: 'basic', label: '基本合格', minScore: 60, amountFen: yuan(200) },
      { code: 'unqualified', label: '不合格', minScore: 0, amountFen: 0 },
    ],
    excellentMaxShare: 0.2,
    fundMode: 'separate',
  },
  // Template A of DOMAIN-RULES §4.3: 见习 → 七级 … 一级.
  payScale: {
    grades: [
      payGrade('见习', 2800, 200),
      payGrade('七级', 3200, 300),
      payGrade('六级', 3500, 400),
      payGrade('五级', 3800, 500),
      payGrade('四级', 4200, 600),
      payGrade('三级', 4600, 700),
      payGrade('二级', 5000, 800),
      payGrade('一级', 5500, 1000),
    ],
  },
  socialInsurance: {
    baseMinFen: yuan(4000),
    baseMaxFen: yuan(22000),
    items: [
      { name: '养老保险', employerRate: 0.16, personalRate: 0.08 },
      { name: '医疗保险', employerRate: 0.08, personalRate: 0.02 },
      { name: '失业保险', employerRate: 0.005, personalRate: 0.005 },
      { name: '工伤保险', employerRate: 0.004, personalRate: 0 },
      { name: '住房公积金', employerRate: 0.12, personalRate: 0.12 },
    ],
  },
  settings: {
    contractReminderDays: 60,
    firstContractYears: 3,
    renewalYears: 1,
    probationMonths: 3,
    openEndedAfterFixedTerms: 2,
    openEndedAfterYears: 10,
  },
};

export const DEFAULT_RULE_DATE = '2000-01-01';

export interface AuxRuleVersion<S extends AuxRuleSet = AuxRuleSet> {
  readonly id: string | null;
  readonly ruleSet: S;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  readonly value: AuxRuleValues[S];
  readonly evidence: 'V' | 'S' | 'U';
  readonly source: string | null;
  readonly note: string | null;
}

/** Jurisdictions from most to least specific: the city, its province (xx0000), national (000000). */
export function jurisdictionChain(cityCode: string): string[] {
  const province = `${cityCode.slice(0, 2)}0000`;
  return [...new Set([cityCode, province, '000000'])];
}

/**
 * The version in force on `date` for `cityCode`: the most specific jurisdiction that has a
 * version in force wins, and within it the latest effective date. Without any, the default.
 */
export function pickRule<S extends AuxRuleSet>(
  ruleSet: S,
  versions: readonly AuxRuleVersion<S>[],
  date: string,
  cityCode: string,
): AuxRuleVersion<S> {
  for (const j of jurisdictionChain(cityCode)) {
    const inForce = versions
      .filter((v) => v.ruleSet === ruleSet && v.jurisdiction === j && v.effectiveFrom <= date)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0));
    if (inForce[0]) return inForce[0];
  }
  return {
    id: null,
    ruleSet,
    jurisdiction: '000000',
    effectiveFrom: DEFAULT_RULE_DATE,
    value: defaultAuxRules[ruleSet],
    evidence: 'U',
    source: null,
    note: null,
  };
}
