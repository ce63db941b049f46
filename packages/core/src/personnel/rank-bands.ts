/**
 * 警衔 band of each 执法勤务警员职级 (DOMAIN-RULES §2.5, rule set `rank.bands`). Kept as dated
 * rule sets, never hard-coded in checks: the bands follow the 2019 职级 reform by equivalence
 * with the 编制警衔 of 警衔条例 Arts. 8–9 (evidence S, derived; no official 职级 ↔ 警衔 table was
 * found), so a customer's official table replaces this data, not the code.
 */
export interface RankBandRuleSet {
  readonly ruleSet: 'rank.bands';
  readonly version: string;
  readonly effectiveFrom: string;
  readonly evidence: 'V' | 'S' | 'U';
  readonly source: string;
  /** 职级 code (police_officer_level) → [lowest, highest] 警衔 code (police_rank, 01 = 二级警员). */
  readonly bands: Readonly<Record<string, readonly [string, string]>>;
}

export const rankBandRuleSets: readonly RankBandRuleSet[] = [
  {
    ruleSet: 'rank.bands',
    version: '2019-derived',
    effectiveFrom: '2019-06-01',
    evidence: 'S',
    source: '警衔条例 Arts. 8–9 编制警衔, mapped to 2019 警员职级 by equivalence (DOMAIN-RULES §2.1, §2.5)',
    bands: {
      '612': ['01', '05'], // 二级警员: 二级警员–一级警司
      '611': ['03', '06'], // 一级警员: 三级警司–三级警督
      '610': ['04', '07'], // 四级警长: 二级警司–二级警督
      '609': ['04', '07'], // 三级警长
      '608': ['05', '08'], // 二级警长: 一级警司–一级警督
      '607': ['05', '08'], // 一级警长
      '606': ['06', '08'], // 四级高级警长: 三级警督–一级警督
      '605': ['06', '08'], // 三级高级警长
      '604': ['07', '09'], // 二级高级警长: 二级警督–三级警监
      '603': ['07', '09'], // 一级高级警长
      '602': ['09', '10'], // 二级警务专员: 三级警监–二级警监
      '601': ['10', '11'], // 一级警务专员: 二级警监–一级警监
    },
  },
];

/** The rule set in force on `date` (the latest that started on or before it). */
export function rankBandsOn(date: string, sets: readonly RankBandRuleSet[] = rankBandRuleSets): RankBandRuleSet | undefined {
  return [...sets].filter((s) => s.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** The band of `level` when `rank` lies outside it; undefined when inside or when no band is known. */
export function rankOutsideBand(
  level: string,
  rank: string,
  date: string,
  sets?: readonly RankBandRuleSet[],
): readonly [string, string] | undefined {
  const band = rankBandsOn(date, sets)?.bands[level];
  if (!band) return undefined;
  return rank < band[0] || rank > band[1] ? band : undefined;
}
