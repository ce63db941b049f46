import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_RULE_DATE, jurisdictionChain } from '../auxiliary/rules.ts';
import type { AlertRule } from './alert-rules.ts';
import type { AnnualLeaveRule, HomeVisitRule, LeaveCounting } from './leave-rules.ts';

/** Rule sets of the welfare module (从优待警), each a list of dated versions with evidence tags. */
export const welfareRuleSets = [
  'leaveKinds',
  'annualLeave',
  'homeVisit',
  'leaveApproval',
  'alertRules',
  'wearable',
  'convalescence',
] as const;
export type WelfareRuleSet = (typeof welfareRuleSets)[number];

const Num = (min = 0, max = 100_000) => Type.Number({ minimum: min, maximum: max });
const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });
const Counting = Type.Union([Type.Literal('working'), Type.Literal('calendar')]);

export const LeaveKind = Type.Object({
  code: Code,
  name: Type.String({ minLength: 1, maxLength: 20 }),
  nameEn: Type.String({ minLength: 1, maxLength: 40 }),
  counting: Counting,
  /** Longest single application in its own counting; null: no cap. */
  maxDays: Type.Union([Num(1, 400), Type.Null()]),
  /** Draws on the annual-leave balance. */
  annual: Type.Boolean(),
  /** Counts towards the sick or personal-leave exclusions of annual leave. */
  exclusion: Type.Union([Type.Literal('sick'), Type.Literal('personal'), Type.Null()]),
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
});
export type LeaveKind = Static<typeof LeaveKind>;
export const LeaveKindsValue = Type.Object({ kinds: Type.Array(LeaveKind, { minItems: 1, maxItems: 40 }) });

export const AnnualLeaveValue = Type.Object({
  bands: Type.Array(Type.Object({ minYears: Num(0, 60), days: Num(0, 60) }), { minItems: 1, maxItems: 10 }),
  sickExclusion: Type.Array(Type.Object({ minYears: Num(0, 60), sickMonths: Num(0, 12) }), { maxItems: 10 }),
  daysPerSickMonth: Num(1, 31),
  personalLeaveDays: Num(1, 365),
  organMonthAfter: Type.Boolean(),
  clawBack: Type.Boolean(),
  /** Day-month of the untaken-leave reminder (GZ-NanNing sends it on 1 November). */
  reminderMonthDay: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' }),
});
export const HomeVisitValue = Type.Object({
  minYears: Num(0, 10),
  options: Type.Array(
    Type.Object({
      code: Code,
      relation: Type.Union([Type.Literal('spouse'), Type.Literal('parents_unmarried'), Type.Literal('parents_married')]),
      days: Num(1, 90),
      everyYears: Num(1, 10),
    }),
    { minItems: 1, maxItems: 10 },
  ),
});
/** Who approves leave, by the applicant's post: posts matching a keyword go to the branch, the rest to their own unit. */
export const LeaveApprovalValue = Type.Object({
  leaderPostKeywords: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 50 }),
  /** Unit minimum strength: warn when fewer than this share of the unit is present on a day. */
  minPresentShare: Num(0, 1),
});
const Op = Type.Union([Type.Literal('>'), Type.Literal('>='), Type.Literal('<'), Type.Literal('<=')]);
export const AlertRuleSchema = Type.Object({
  code: Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,39}$' }),
  name: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Union([Type.Literal('heart_rate'), Type.Literal('blood_pressure')]),
  anyOf: Type.Array(Type.Object({ field: Type.Union([Type.Literal('value'), Type.Literal('value2')]), op: Op, threshold: Num(0, 400) }), {
    minItems: 1,
    maxItems: 4,
  }),
  windowMinutes: Num(0, 60 * 24 * 31),
  minSamples: Type.Integer({ minimum: 1, maximum: 1000 }),
  minFraction: Num(0, 1),
  distinctDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
  cooldownMinutes: Num(0, 60 * 24 * 31),
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('urgent')]),
  enabled: Type.Boolean(),
});
export const AlertRulesValue = Type.Object({ rules: Type.Array(AlertRuleSchema, { maxItems: 40 }) });
export const WearableValue = Type.Object({
  /** Raw readings are kept this long, and this long after consent is withdrawn (PIPL Art. 47). */
  retentionDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  withdrawalRetentionDays: Type.Integer({ minimum: 0, maximum: 365 }),
  maxBatch: Type.Integer({ minimum: 1, maximum: 5000 }),
  /** Version of the consent notice text officers agree to; a new version needs fresh consent. */
  consentNoticeVersion: Type.String({ minLength: 1, maxLength: 20 }),
});
/** 疗养 eligibility as a customer-supplied table (DOMAIN-RULES.md §3.4: no national rule found). */
export const ConvalescenceValue = Type.Object({
  tiers: Type.Array(
    Type.Object({
      awardLevels: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 10 }),
      yearsSinceAward: Type.Integer({ minimum: 0, maximum: 50 }),
      cycleYears: Type.Integer({ minimum: 1, maximum: 10 }),
      days: Type.Integer({ minimum: 1, maximum: 60 }),
    }),
    { maxItems: 10 },
  ),
});

export const welfareRuleSchemas = {
  leaveKinds: LeaveKindsValue,
  annualLeave: AnnualLeaveValue,
  homeVisit: HomeVisitValue,
  leaveApproval: LeaveApprovalValue,
  alertRules: AlertRulesValue,
  wearable: WearableValue,
  convalescence: ConvalescenceValue,
} as const;
export interface WelfareRuleValues {
  leaveKinds: Static<typeof LeaveKindsValue>;
  annualLeave: Static<typeof AnnualLeaveValue> & AnnualLeaveRule;
  homeVisit: Static<typeof HomeVisitValue> & HomeVisitRule;
  leaveApproval: Static<typeof LeaveApprovalValue>;
  alertRules: { rules: AlertRule[] };
  wearable: Static<typeof WearableValue>;
  convalescence: Static<typeof ConvalescenceValue>;
}

const kind = (
  code: string,
  name: string,
  nameEn: string,
  counting: LeaveCounting,
  maxDays: number | null,
  evidence: 'V' | 'S' | 'U',
  extra: Partial<Pick<LeaveKind, 'annual' | 'exclusion'>> = {},
): LeaveKind => ({ code, name, nameEn, counting, maxDays, annual: false, exclusion: null, evidence, ...extra });

/**
 * Built-in defaults, used until staff add a version. Evidence tags follow DOMAIN-RULES.md: V from the
 * statute, S secondary, U unconfirmed (provincial marriage/maternity extensions, convalescence).
 */
export const defaultWelfareRules: WelfareRuleValues = {
  leaveKinds: {
    kinds: [
      kind('annual', '年休假', 'Annual leave', 'working', 15, 'V', { annual: true }),
      kind('home_visit', '探亲假', 'Home-visit leave', 'calendar', 45, 'S'),
      kind('marriage', '婚假', 'Marriage leave', 'working', 3, 'S'),
      kind('maternity', '产假', 'Maternity leave', 'calendar', 98, 'V'),
      kind('paternity', '陪产假', 'Paternity leave', 'calendar', 15, 'U'),
      kind('sick', '病假', 'Sick leave', 'calendar', null, 'S', { exclusion: 'sick' }),
      kind('personal', '事假', 'Personal leave', 'working', null, 'S', { exclusion: 'personal' }),
      kind('bereavement', '丧假', 'Bereavement leave', 'working', 3, 'S'),
      kind('convalescence', '疗养假', 'Convalescence', 'calendar', 30, 'U'),
    ],
  },
  annualLeave: {
    bands: [
      { minYears: 1, days: 5 },
      { minYears: 10, days: 10 },
      { minYears: 20, days: 15 },
    ],
    sickExclusion: [
      { minYears: 1, sickMonths: 2 },
      { minYears: 10, sickMonths: 3 },
      { minYears: 20, sickMonths: 4 },
    ],
    daysPerSickMonth: 30,
    personalLeaveDays: 20,
    organMonthAfter: true,
    clawBack: true,
    reminderMonthDay: '11-01',
  },
  homeVisit: {
    minYears: 1,
    options: [
      { code: 'spouse', relation: 'spouse', days: 30, everyYears: 1 },
      { code: 'parents_yearly', relation: 'parents_unmarried', days: 20, everyYears: 1 },
      { code: 'parents_biennial', relation: 'parents_unmarried', days: 45, everyYears: 2 },
      { code: 'parents_married', relation: 'parents_married', days: 20, everyYears: 4 },
    ],
  },
  leaveApproval: { leaderPostKeywords: ['局长', '政委', '所长', '教导员', '大队长', '主任', '科长'], minPresentShare: 0.7 },
  alertRules: {
    rules: [
      {
        code: 'HR_HIGH_RESTING',
        name: '心率持续偏高',
        kind: 'heart_rate',
        anyOf: [{ field: 'value', op: '>', threshold: 120 }],
        windowMinutes: 10,
        minSamples: 5,
        minFraction: 0.8,
        cooldownMinutes: 60,
        severity: 'warning',
        enabled: true,
      },
      {
        code: 'HR_LOW',
        name: '心率持续偏低',
        kind: 'heart_rate',
        anyOf: [{ field: 'value', op: '<', threshold: 40 }],
        windowMinutes: 10,
        minSamples: 5,
        minFraction: 0.8,
        cooldownMinutes: 60,
        severity: 'warning',
        enabled: true,
      },
      {
        code: 'BP_GRADE3_SINGLE',
        name: '血压极高（3级）',
        kind: 'blood_pressure',
        anyOf: [
          { field: 'value', op: '>=', threshold: 180 },
          { field: 'value2', op: '>=', threshold: 110 },
        ],
        windowMinutes: 15,
        minSamples: 2,
        minFraction: 1,
        cooldownMinutes: 120,
        severity: 'urgent',
        enabled: true,
      },
      {
        code: 'BP_SUSPECTED_HTN',
        name: '血压偏高，建议就医复查',
        kind: 'blood_pressure',
        anyOf: [
          { field: 'value', op: '>=', threshold: 140 },
          { field: 'value2', op: '>=', threshold: 90 },
        ],
        windowMinutes: 60 * 24 * 14,
        minSamples: 1,
        minFraction: 0,
        distinctDays: 3,
        cooldownMinutes: 60 * 24 * 7,
        severity: 'info',
        enabled: true,
      },
    ],
  },
  wearable: { retentionDays: 180, withdrawalRetentionDays: 30, maxBatch: 500, consentNoticeVersion: '2026.1' },
  convalescence: { tiers: [{ awardLevels: ['一等功', '二等功', '荣誉称号'], yearsSinceAward: 0, cycleYears: 2, days: 14 }] },
};

export interface WelfareRuleVersion<S extends WelfareRuleSet> {
  id: string | null;
  ruleSet: S;
  jurisdiction: string;
  effectiveFrom: string;
  value: WelfareRuleValues[S];
  evidence: string;
  source: string | null;
  note: string | null;
}

/** The version in force on `date`: the city's own, else the province's, else the national one, else the built-in default. */
export function pickWelfareRule<S extends WelfareRuleSet>(
  ruleSet: S,
  versions: readonly WelfareRuleVersion<S>[],
  date: string,
  cityCode: string,
): WelfareRuleVersion<S> {
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
    value: defaultWelfareRules[ruleSet],
    evidence: ruleSet === 'convalescence' || ruleSet === 'alertRules' ? 'U' : 'S',
    source: null,
    note: '内置默认值，待确认 (built-in default, to be confirmed)',
  };
}
