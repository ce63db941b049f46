import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../schemas/common.ts';

/**
 * Rule data of awards and discipline (立功受奖、违纪处分), DOMAIN-RULES §1 and §4.5. Every set is
 * versioned data with an effective date and a jurisdiction; the values below are the defaults a
 * fresh instance uses, each tagged with its evidence (V verified, S secondary, U unconfirmed).
 * A city changes one by adding a version, never by editing code.
 */

/** Award levels in ascending order (奖励条令 135 Art. 6; 人民警察法 Art. 31). */
export const AWARD_LEVELS = ['嘉奖', '三等功', '二等功', '一等功', '荣誉称号'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AwardLevelSchema = Type.Union(AWARD_LEVELS.map((l) => Type.Literal(l)));
export const awardLevelOrd = (level: string): number => AWARD_LEVELS.indexOf(level as AwardLevel) + 1;

/** Who approves: the organ level above or at the recipient (the city instance approves city and branch levels itself). */
export const APPROVER_LEVELS = ['branch', 'city', 'province', 'ministry'] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];
export const approverLevelName: Record<ApproverLevel, { zh: string; en: string }> = {
  branch: { zh: '县级公安机关（分局）', en: 'county-level bureau (branch)' },
  city: { zh: '市级公安机关', en: 'city bureau' },
  province: { zh: '省级公安机关', en: 'provincial department' },
  ministry: { zh: '公安部', en: 'Ministry of Public Security' },
};

/** Where the recipient sits: the city bureau and its internal organs, a branch (分局) and its organs, or a unit under a branch. */
export const RECIPIENT_ORG_LEVELS = ['city_organ', 'branch', 'unit'] as const;
export type RecipientOrgLevel = (typeof RECIPIENT_ORG_LEVELS)[number];
export const RecipientOrgLevelSchema = Type.Union(RECIPIENT_ORG_LEVELS.map((l) => Type.Literal(l)));

export const AwardPersonKindSchema = Type.Union([Type.Literal('officer'), Type.Literal('auxiliary')]);
export type AwardPersonKind = Static<typeof AwardPersonKindSchema>;
export const RecipientTypeSchema = Type.Union([Type.Literal('individual'), Type.Literal('collective')]);
export type RecipientType = Static<typeof RecipientTypeSchema>;
const Any = Type.Literal('any');

/** One row of the authority matrix: the first row matching (level, org level, leadership, kind, recipient) names the approver. */
export const AuthorityRow = Strict({
  levels: Type.Array(AwardLevelSchema, { minItems: 1, maxItems: 5 }),
  personKind: Type.Union([AwardPersonKindSchema, Any]),
  recipient: Type.Union([RecipientTypeSchema, Any]),
  orgLevel: Type.Union([RecipientOrgLevelSchema, Any]),
  leadership: Type.Union([Type.Boolean(), Any]),
  approver: Type.Union(APPROVER_LEVELS.map((l) => Type.Literal(l))),
  /** 'V', 'S' or 'U' with the article, so the matrix explains itself on screen. */
  basis: Type.String({ maxLength: 200 }),
});
export type AuthorityRow = Static<typeof AuthorityRow>;
export const AuthorityValue = Strict({ rows: Type.Array(AuthorityRow, { minItems: 1, maxItems: 100 }) });
export type AuthorityValue = Static<typeof AuthorityValue>;

export const GuardsValue = Strict({
  /** NO_REPEAT_WITHIN_1Y (135 Art. 11): look back this many months for an award of the same or a higher level. */
  repeatLookbackMonths: Type.Integer({ minimum: 0, maximum: 60 }),
  /** Public notice (公示) from this level up, for at least this many working days (135, as quoted; 辅警 rule [P5]). */
  noticeFromLevel: AwardLevelSchema,
  noticeWorkingDays: Type.Integer({ minimum: 1, maximum: 30 }),
  /** The highest level a nominating unit of each org level may propose (local practice, U). */
  proposerRemit: Strict({ unit: AwardLevelSchema, branch: AwardLevelSchema, city_organ: AwardLevelSchema }),
  /** Fast track (快速通道): approval deadline in working days. */
  fastTrackDeadlineWorkingDays: Type.Integer({ minimum: 1, maximum: 10 }),
});
export type GuardsValue = Static<typeof GuardsValue>;

const Yuan = Type.Integer({ minimum: 0, maximum: 10_000_000 });
/** One-off bonus per level (奖金), in yuan; [P3], S/U. */
export const BonusValue = Strict({
  individual: Strict({ 嘉奖: Yuan, 三等功: Yuan, 二等功: Yuan, 一等功: Yuan, 荣誉称号: Yuan }),
  collective: Strict({ 嘉奖: Yuan, 三等功: Yuan, 二等功: Yuan, 一等功: Yuan, 荣誉称号: Yuan }),
});
export type BonusValue = Static<typeof BonusValue>;

/** Government (政务) and party (党纪) discipline kinds; the exact strings the person's record carries. */
export const GOVT_DISCIPLINE = ['警告', '记过', '记大过', '降级', '撤职', '开除'] as const;
export const PARTY_DISCIPLINE = ['党内警告', '党内严重警告', '撤销党内职务', '留党察看', '开除党籍'] as const;
export const DISCIPLINE_KINDS = [...GOVT_DISCIPLINE, ...PARTY_DISCIPLINE] as const;
export type DisciplineKind = (typeof DISCIPLINE_KINDS)[number];
export const DisciplineKindSchema = Type.Union(DISCIPLINE_KINDS.map((k) => Type.Literal(k)));
export const disciplineSystemOf = (kind: string): 'govt' | 'party' =>
  (GOVT_DISCIPLINE as readonly string[]).includes(kind) ? 'govt' : 'party';

export const APPRAISAL_CAPS = ['优秀', '称职', '基本称职', '不定等次'] as const;
/** Per kind: months of the effect period (null = permanent), what it blocks and the best appraisal grade allowed. */
export const DisciplinePeriodRow = Strict({
  kind: DisciplineKindSchema,
  months: Type.Union([Type.Integer({ minimum: 1, maximum: 120 }), Type.Null()]),
  blocksAward: Type.Boolean(),
  blocksPromotion: Type.Boolean(),
  blocksGrade: Type.Boolean(),
  appraisalCap: Type.Union(APPRAISAL_CAPS.map((c) => Type.Literal(c))),
  basis: Type.String({ maxLength: 200 }),
});
export type DisciplinePeriodRow = Static<typeof DisciplinePeriodRow>;
export const DisciplineValue = Strict({
  kinds: Type.Array(DisciplinePeriodRow, { minItems: 1, maxItems: 20 }),
  /** 处分条例 Art. 10: combined periods never exceed this many months. */
  maxCombinedMonths: Type.Integer({ minimum: 1, maximum: 120 }),
});
export type DisciplineValue = Static<typeof DisciplineValue>;

export const awardRuleSets = ['authority', 'guards', 'bonus', 'discipline'] as const;
export type AwardRuleSet = (typeof awardRuleSets)[number];
export interface AwardRuleValues {
  authority: AuthorityValue;
  guards: GuardsValue;
  bonus: BonusValue;
  discipline: DisciplineValue;
}
export const awardRuleSchemas = { authority: AuthorityValue, guards: GuardsValue, bonus: BonusValue, discipline: DisciplineValue } as const;

const V135 = 'V 奖励条令135 Arts. 13–15';
/** Order 135 seen from a city instance (DOMAIN-RULES §1.3), then the auxiliary-police rule (§4.5, S). */
export const defaultAuthority: AuthorityValue = {
  rows: [
    // 辅警: county 嘉奖, city 三等功, the provincial department up to 一等功 ([P5], S).
    {
      levels: ['嘉奖'],
      personKind: 'auxiliary',
      recipient: 'any',
      orgLevel: 'any',
      leadership: 'any',
      approver: 'branch',
      basis: 'S 辅警奖励办法 [P5]',
    },
    {
      levels: ['三等功'],
      personKind: 'auxiliary',
      recipient: 'any',
      orgLevel: 'any',
      leadership: 'any',
      approver: 'city',
      basis: 'S 辅警奖励办法 [P5]',
    },
    {
      levels: ['二等功', '一等功'],
      personKind: 'auxiliary',
      recipient: 'any',
      orgLevel: 'any',
      leadership: 'any',
      approver: 'province',
      basis: 'S 辅警奖励办法 [P5]',
    },
    // 荣誉称号 and 一等功: the Ministry, nationwide.
    {
      levels: ['一等功', '荣誉称号'],
      personKind: 'officer',
      recipient: 'any',
      orgLevel: 'any',
      leadership: 'any',
      approver: 'ministry',
      basis: `${V135} (Art. 13)`,
    },
    // The city bureau itself and its leadership team: the province up to 三等功, 二等功 the province too (Art. 14).
    {
      levels: ['嘉奖', '三等功', '二等功'],
      personKind: 'officer',
      recipient: 'collective',
      orgLevel: 'city_organ',
      leadership: 'any',
      approver: 'province',
      basis: `${V135} (Art. 14)`,
    },
    {
      levels: ['嘉奖', '三等功', '二等功'],
      personKind: 'officer',
      recipient: 'individual',
      orgLevel: 'city_organ',
      leadership: true,
      approver: 'province',
      basis: `${V135} (Art. 14)`,
    },
    // 二等功 for anyone else in the province: the province (Art. 14).
    {
      levels: ['二等功'],
      personKind: 'officer',
      recipient: 'any',
      orgLevel: 'any',
      leadership: 'any',
      approver: 'province',
      basis: `${V135} (Art. 14)`,
    },
    // 嘉奖 and 三等功 in the city outside higher remits: the city bureau (Art. 15); no county authority under 135.
    {
      levels: ['嘉奖', '三等功'],
      personKind: 'officer',
      recipient: 'any',
      orgLevel: 'any',
      leadership: 'any',
      approver: 'city',
      basis: `${V135} (Art. 15)`,
    },
  ],
};

export const defaultGuards: GuardsValue = {
  repeatLookbackMonths: 12,
  noticeFromLevel: '三等功',
  noticeWorkingDays: 7,
  proposerRemit: { unit: '三等功', branch: '二等功', city_organ: '荣誉称号' },
  fastTrackDeadlineWorkingDays: 2,
};

export const defaultBonus: BonusValue = {
  individual: { 嘉奖: 2000, 三等功: 5000, 二等功: 10000, 一等功: 20000, 荣誉称号: 50000 },
  collective: { 嘉奖: 5000, 三等功: 10000, 二等功: 20000, 一等功: 30000, 荣誉称号: 50000 },
};

const govt = (kind: DisciplineKind, months: number | null, cap: DisciplinePeriodRow['appraisalCap']): DisciplinePeriodRow => ({
  kind,
  months,
  blocksAward: true,
  blocksPromotion: true,
  blocksGrade: true,
  appraisalCap: cap,
  basis: 'V 公务员法 Arts. 62–65; 政务处分法 Arts. 8, 19 (appraisal cap S)',
});
const party = (kind: DisciplineKind, months: number | null, cap: DisciplinePeriodRow['appraisalCap']): DisciplinePeriodRow => ({
  kind,
  months,
  blocksAward: true,
  blocksPromotion: true,
  blocksGrade: false,
  appraisalCap: cap,
  basis: 'S 纪律处分条例 Arts. 8, 10 as reproduced [P35]',
});
export const defaultDiscipline: DisciplineValue = {
  kinds: [
    govt('警告', 6, '称职'),
    govt('记过', 12, '不定等次'),
    govt('记大过', 18, '不定等次'),
    govt('降级', 24, '不定等次'),
    govt('撤职', 24, '不定等次'),
    govt('开除', null, '不定等次'),
    party('党内警告', 12, '称职'),
    party('党内严重警告', 18, '称职'),
    party('撤销党内职务', 24, '称职'),
    // Probation of one or two years plus two years after rights are restored; the default takes two.
    party('留党察看', 48, '称职'),
    party('开除党籍', null, '不定等次'),
  ],
  maxCombinedMonths: 48,
};

export const defaultAwardRules: AwardRuleValues = {
  authority: defaultAuthority,
  guards: defaultGuards,
  bonus: defaultBonus,
  discipline: defaultDiscipline,
};
/** Evidence of each default, shown beside it so nobody mistakes a placeholder for law. */
export const defaultAwardRuleEvidence: Record<AwardRuleSet, 'V' | 'S' | 'U'> = {
  authority: 'V',
  guards: 'S',
  bonus: 'U',
  discipline: 'V',
};

export const DEFAULT_AWARD_RULE_DATE = '2016-01-01';

export interface AwardRuleVersion<S extends AwardRuleSet = AwardRuleSet> {
  readonly id: string | null;
  readonly ruleSet: S;
  readonly jurisdiction: string;
  readonly effectiveFrom: string;
  readonly value: AwardRuleValues[S];
  readonly evidence: 'V' | 'S' | 'U';
  readonly source: string | null;
  readonly note: string | null;
}

/** The version in force on `date`: the most specific jurisdiction (city, province, nation) with one, then the latest date. */
export function pickAwardRule<S extends AwardRuleSet>(
  ruleSet: S,
  versions: readonly AwardRuleVersion<S>[],
  date: string,
  cityCode: string,
): AwardRuleVersion<S> {
  for (const j of [...new Set([cityCode, `${cityCode.slice(0, 2)}0000`, '000000'])]) {
    const inForce = versions
      .filter((v) => v.ruleSet === ruleSet && v.jurisdiction === j && v.effectiveFrom <= date)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    if (inForce[0]) return inForce[0];
  }
  return {
    id: null,
    ruleSet,
    jurisdiction: '000000',
    effectiveFrom: DEFAULT_AWARD_RULE_DATE,
    value: defaultAwardRules[ruleSet],
    evidence: defaultAwardRuleEvidence[ruleSet],
    source: 'default',
    note: null,
  };
}

export interface AuthorityQuery {
  readonly level: AwardLevel;
  readonly personKind: AwardPersonKind;
  readonly recipient: RecipientType;
  readonly orgLevel: RecipientOrgLevel;
  readonly leadership: boolean;
}

/** The approving organ for a case, or undefined when the matrix has no row (no organ may approve it). */
export function approverFor(matrix: AuthorityValue, q: AuthorityQuery): { approver: ApproverLevel; basis: string } | undefined {
  const row = matrix.rows.find(
    (r) =>
      r.levels.includes(q.level) &&
      (r.personKind === 'any' || r.personKind === q.personKind) &&
      (r.recipient === 'any' || r.recipient === q.recipient) &&
      (r.orgLevel === 'any' || r.orgLevel === q.orgLevel) &&
      (r.leadership === 'any' || r.leadership === q.leadership),
  );
  return row ? { approver: row.approver, basis: row.basis } : undefined;
}

/** True when this level needs a public notice (公示) before the decision. */
export const needsNotice = (guards: GuardsValue, level: AwardLevel): boolean =>
  awardLevelOrd(level) >= awardLevelOrd(guards.noticeFromLevel);
