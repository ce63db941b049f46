import { rankBandRuleSets } from '../personnel/rank-bands.ts';

/**
 * Promotion, quota, conversion and retirement rules of the cadres module (干部和职级警衔) as
 * versioned data (DOMAIN-RULES §2, §1.6–1.8). Nothing here is read by code as a constant: every
 * check takes a rule set, the server picks the one in force on the date asked about, and an
 * edited copy (a province's own values) is a new row, not a code change. Values whose evidence is
 * S or U ship as editable defaults and say so.
 */

export type Evidence = 'V' | 'S' | 'U';
export interface RuleMeta {
  readonly source: string;
  readonly evidence: Evidence;
  readonly note?: string;
}

/** One step up a ladder: from → to after `years` counted years. */
export interface LadderStep {
  readonly to: string;
  readonly years: number;
}

/** A nested quota ratio (职数比例): people holding `grades` ≤ maxRatio × the base (`of`). */
export interface QuotaRule {
  readonly id: string;
  readonly name: string;
  readonly grades: readonly string[];
  readonly maxRatio: number;
  /** 'establishment': the unit's police headcount (编制 proxy); otherwise the id of another quota rule whose holders are the base. */
  readonly of: string;
}

export interface DisciplineEffect {
  /** Effect period in months from the decision date; null = permanent (开除, 开除党籍 for 5 years is 60). */
  readonly months: number | null;
  readonly blocksGrade: boolean;
  readonly blocksRank: boolean;
  readonly evidence: Evidence;
}

export interface TrainingGate {
  readonly from: string;
  readonly to: string;
  /** A training record whose course name contains this text passes the gate. */
  readonly course: string;
}

export interface PromotionRuleSet {
  readonly id: string;
  readonly name: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly jurisdiction: string;
  readonly grade: {
    /** 执法勤务 (officer, codes 612 → 601) and 警务技术 (tech, 511 → 501) ladders. */
    readonly officer: Readonly<Record<string, LadderStep>>;
    readonly tech: Readonly<Record<string, LadderStep>>;
    /** Annual appraisal grades whose year counts; other grades, and years without one, are excluded. */
    readonly countedGrades: readonly string[];
    /** Years before this one are not counted at all. */
    readonly countFromYear: number;
    /** A latest appraisal with one of these grades blocks promotion. */
    readonly blockingGrades: readonly string[];
    /** 2016 警员职务 code → the 2019 grade its years count as (§2.2 experience equivalences). */
    readonly converted2016: Readonly<Record<string, string>>;
    readonly meta: RuleMeta;
  };
  readonly rank: {
    readonly periods: Readonly<Record<string, LadderStep>>;
    /** Timed promotion ends here (一级警督); above it ranks are by selection (选升). */
    readonly timedTop: string;
    /** 职级 code → [lowest, highest] rank code. */
    readonly bands: Readonly<Record<string, readonly [string, string]>>;
    readonly trainingGates: readonly TrainingGate[];
    readonly early: {
      readonly awardLevels: readonly string[];
      /** Months by which a qualifying award shortens the period. */
      readonly months: number;
      /** Least time at the rank for early promotion: below 一级警司 and from it. */
      readonly minMonthsLow: number;
      readonly minMonthsHigh: number;
      readonly meta: RuleMeta;
    };
    readonly meta: RuleMeta;
  };
  readonly discipline: Readonly<Record<string, DisciplineEffect>>;
  readonly quotas: readonly QuotaRule[];
  readonly quotaMeta: RuleMeta;
}

const officerLadder: Record<string, LadderStep> = {
  '612': { to: '611', years: 2 },
  '611': { to: '610', years: 2 },
  '610': { to: '609', years: 2 },
  '609': { to: '608', years: 2 },
  '608': { to: '607', years: 2 },
  '607': { to: '606', years: 2 },
  '606': { to: '605', years: 2 },
  '605': { to: '604', years: 2 },
  '604': { to: '603', years: 3 },
  '603': { to: '602', years: 4 },
  '602': { to: '601', years: 4 },
};
// §2.2: the technical track uses the same years ([P12], S); 警务技术员 stands at the 一级警员 level.
const techLadder: Record<string, LadderStep> = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => {
    const from = String(511 - i);
    const officerFrom = String(611 - i);
    return [from, { to: String(510 - i), years: (officerLadder[officerFrom] as LadderStep).years }];
  }),
);

/** 2016 警员职务 codes (Zhenggong codes; no national code found): 701 一级警长 … 707 三级警员. */
export const police2016Posts: Readonly<Record<string, string>> = {
  '701': '一级警长',
  '702': '二级警长',
  '703': '三级警长',
  '704': '四级警长',
  '705': '一级警员',
  '706': '二级警员',
  '707': '三级警员',
};
/** Former 综合管理类 non-leadership posts (非领导职务) before the 2016 scheme: 801 调研员 … 806 办事员 (Zhenggong codes). */
export const formerPosts: Readonly<Record<string, string>> = {
  '801': '调研员',
  '802': '副调研员',
  '803': '主任科员',
  '804': '副主任科员',
  '805': '科员',
  '806': '办事员',
};

export const promotionRuleSets: readonly PromotionRuleSet[] = [
  {
    id: 'cadres.promotion@2019',
    name: '职级与警衔晋升规则（2019年职级制度，默认值）',
    effectiveFrom: '2019-06-01',
    effectiveTo: null,
    jurisdiction: 'national',
    grade: {
      officer: officerLadder,
      tech: techLadder,
      countedGrades: ['优秀', '称职'],
      countFromYear: 1993,
      blockingGrades: ['不称职'],
      // 二级警长 → 副调研员 ≈ 四级高级警长; 三级警长 → 主任科员 ≈ 二级警长; 四级警长 and 一级警员 merged → 副主任科员 ≈ 四级警长;
      // 二级警员 → 科员 ≈ 一级警员; 三级警员 → 办事员 ≈ 二级警员 (§2.2, [P14], S).
      converted2016: { '702': '606', '703': '608', '704': '610', '705': '610', '706': '611', '707': '612' },
      meta: {
        source: '并行规定 transcriptions [P11], 陆良警方 [P12], GZ-NanNing [P13], counting per [P14] (DOMAIN-RULES §2.2)',
        evidence: 'S',
        note: '默认值，待客户确认 / editable default awaiting confirmation',
      },
    },
    rank: {
      periods: {
        '01': { to: '02', years: 3 },
        '02': { to: '03', years: 3 },
        '03': { to: '04', years: 3 },
        '04': { to: '05', years: 3 },
        '05': { to: '06', years: 4 },
        '06': { to: '07', years: 4 },
        '07': { to: '08', years: 4 },
      },
      timedTop: '08',
      bands: (rankBandRuleSets[0] as (typeof rankBandRuleSets)[number]).bands,
      trainingGates: [
        { from: '05', to: '06', course: '警督' },
        { from: '08', to: '09', course: '警监' },
      ],
      early: {
        awardLevels: ['一等功', '荣誉称号'],
        months: 12,
        minMonthsLow: 12,
        minMonthsHigh: 24,
        meta: { source: '1993 人民警察警衔工作管理办法 [P8]', evidence: 'S', note: '提前晋升须公安部政治部主任批准' },
      },
      meta: {
        source: '人民警察警衔条例 (2009) Arts. 14–17 [L]; bands derived (§2.5)',
        evidence: 'V',
        note: '职级↔警衔 bands are S (derived)',
      },
    },
    discipline: {
      警告: { months: 6, blocksGrade: true, blocksRank: true, evidence: 'V' },
      记过: { months: 12, blocksGrade: true, blocksRank: true, evidence: 'V' },
      记大过: { months: 18, blocksGrade: true, blocksRank: true, evidence: 'V' },
      降级: { months: 24, blocksGrade: true, blocksRank: true, evidence: 'V' },
      撤职: { months: 24, blocksGrade: true, blocksRank: true, evidence: 'V' },
      开除: { months: null, blocksGrade: true, blocksRank: true, evidence: 'V' },
      党内警告: { months: 12, blocksGrade: true, blocksRank: true, evidence: 'S' },
      党内严重警告: { months: 18, blocksGrade: true, blocksRank: true, evidence: 'S' },
      撤销党内职务: { months: 24, blocksGrade: true, blocksRank: true, evidence: 'S' },
      留党察看: { months: 48, blocksGrade: true, blocksRank: true, evidence: 'S' },
      开除党籍: { months: 60, blocksGrade: true, blocksRank: true, evidence: 'S' },
    },
    // 市(地) organs' civil-service ratios carried over by equivalence (§2.3): police quotas were not found (U).
    quotas: [
      { id: 'senior', name: '一至四级高级警长', grades: ['603', '604', '605', '606'], maxRatio: 0.2, of: 'establishment' },
      { id: 'senior12', name: '一级、二级高级警长', grades: ['603', '604'], maxRatio: 0.4, of: 'senior' },
      { id: 'senior1', name: '一级高级警长', grades: ['603'], maxRatio: 0.5, of: 'senior12' },
      { id: 'sergeant', name: '一至四级警长', grades: ['607', '608', '609', '610'], maxRatio: 0.6, of: 'establishment' },
    ],
    quotaMeta: {
      source: '综合管理类 ratios for 市(地) organs [P16] by equivalence',
      evidence: 'U',
      note: '公安职数比例未找到，默认值须按本省规定修改 / police quotas not found; edit before use',
    },
  },
];

/** The rule set in force on `date` among `sets` (latest start on or before it). */
export function ruleSetOn<T extends { effectiveFrom: string; effectiveTo: string | null }>(
  sets: readonly T[],
  date: string,
): T | undefined {
  return [...sets]
    .filter((s) => s.effectiveFrom <= date && (s.effectiveTo === null || s.effectiveTo >= date))
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/**
 * Young-cadre pipeline ("3060工程") entry criteria as data. The seed names the programme but not
 * its criteria: these are placeholders to edit (evidence U).
 */
export const youngCadreCriteria = {
  maxAge: 35,
  /** GB/T 4658 codes below this are 大学本科 and higher. */
  minEducation: '30',
  minServiceYears: 3,
  evidence: 'U' as const,
  note: '“3060工程”入库条件未见原文，默认值须按本局方案修改 / criteria not found: edit to the bureau’s plan',
};
