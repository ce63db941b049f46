import { describe, expect, it } from 'vitest';
import { policeOfficerLevelDict, policeOfficerLevelEquivalence, policeOfficerLevelOrdinal } from './police-officer-level.ts';
import { policeRankDict, policeRankOrdinal } from './police-rank.ts';
import { policeTechLevelDict, policeTechLevelOfficerEquivalent } from './police-tech-level.ts';
import type { Dict } from './types.ts';

const RANKS_LOW_TO_HIGH =
  '二级警员 一级警员 三级警司 二级警司 一级警司 三级警督 二级警督 一级警督 三级警监 二级警监 一级警监 副总警监 总警监';
const GRADES_LOW_TO_HIGH =
  '二级警员 一级警员 四级警长 三级警长 二级警长 一级警长 四级高级警长 三级高级警长 二级高级警长 一级高级警长 二级警务专员 一级警务专员';
const TECH_GRADES =
  '警务技术一级总监 警务技术二级总监 警务技术一级主任 警务技术二级主任 警务技术三级主任 警务技术四级主任 警务技术一级主管 警务技术二级主管 警务技术三级主管 警务技术四级主管 警务技术员';

/** Item names sorted by `ordinal`, lowest first. */
const namesByOrdinal = (dict: Dict, ordinal: (code: string) => number | undefined): string[] =>
  [...dict.items].sort((a, b) => (ordinal(a.code) ?? 0) - (ordinal(b.code) ?? 0)).map((item) => item.name);

describe('police rank (警衔条例 Art. 7)', () => {
  it('has 13 ranks in the DOMAIN-RULES 2.5 order, low to high', () => {
    expect(namesByOrdinal(policeRankDict, policeRankOrdinal)).toEqual(RANKS_LOW_TO_HIGH.split(' '));
    expect(policeRankOrdinal('13')).toBe(13);
    expect(policeRankOrdinal('14')).toBeUndefined();
  });

  it('gives every rank an English name', () => {
    for (const item of policeRankDict.items) expect(item.nameEn).toMatch(/\S/);
    expect(policeRankDict.items.find((item) => item.name === '总警监')?.nameEn).toBe('Commissioner-General');
  });
});

describe('police officer grade (执法勤务警员职级)', () => {
  it('has the 12 grades of DOMAIN-RULES 2.1, ordinal 1 = 二级警员', () => {
    expect(namesByOrdinal(policeOfficerLevelDict, policeOfficerLevelOrdinal)).toEqual(GRADES_LOW_TO_HIGH.split(' '));
    expect(policeOfficerLevelOrdinal('601')).toBe(12);
    expect(policeOfficerLevelOrdinal('612')).toBe(1);
    expect(policeOfficerLevelOrdinal('613')).toBeUndefined();
  });

  it('maps every grade to its 综合管理类 equivalent', () => {
    for (const item of policeOfficerLevelDict.items) {
      const equivalence = policeOfficerLevelEquivalence[item.code];
      expect(equivalence).toBeDefined();
      expect(equivalence?.salaryGrade.lowest).toBeGreaterThan(equivalence?.salaryGrade.highest ?? Infinity);
    }
    expect(policeOfficerLevelEquivalence['610']?.comprehensiveGrade).toBe('四级主任科员');
    expect(policeOfficerLevelEquivalence['601']).toEqual({
      comprehensiveGrade: '一级巡视员',
      leadershipLevel: '厅局级正职',
      salaryGrade: { lowest: 13, highest: 8 },
    });
  });
});

describe('police technical grade (警务技术职务)', () => {
  it('has 11 grades from 警务技术一级总监 to 警务技术员', () => {
    expect(policeTechLevelDict.items.map((item) => item.name)).toEqual(TECH_GRADES.split(' '));
  });

  it('maps each grade to the 执法勤务 grade of the same standing (DOMAIN-RULES 2.1)', () => {
    const officerName = (code: string | undefined): string | undefined =>
      policeOfficerLevelDict.items.find((item) => item.code === code)?.name;
    expect(officerName(policeTechLevelOfficerEquivalent['511'])).toBe('一级警员');
    expect(officerName(policeTechLevelOfficerEquivalent['510'])).toBe('四级警长');
    expect(officerName(policeTechLevelOfficerEquivalent['506'])).toBe('四级高级警长');
    expect(officerName(policeTechLevelOfficerEquivalent['501'])).toBe('一级警务专员');
    for (const item of policeTechLevelDict.items) {
      expect(officerName(policeTechLevelOfficerEquivalent[item.code])).toBeDefined();
    }
  });
});
