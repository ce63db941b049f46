// 执法勤务警员职级 (2019 职级 reform of the 人民警察警员职务序列; DOMAIN-RULES 2.1, names V).
// Codes 601–612 are those of the 职务级别 code table ZB09 (group 6, 执法勤务警员职务等级) of the
// Organization Department's cadre/civil-servant information system, as used in public HR code
// (evidence S: seen in one vendor's public code base; confirm against the customer's ZB09
// edition). ZB09 numbers from the top, so 601 = 一级警务专员 and 612 = 二级警员; use
// `policeOfficerLevelOrdinal` (1 = lowest, as in DOMAIN-RULES 2.1) to compare grades.
// There is no official English for these grades; nameEn is a literal rendering for UIs.
import type { Dict } from './types.ts';

/** 综合管理类 equivalence of a grade (DOMAIN-RULES 2.1; evidence S). */
export type OfficerLevelEquivalence = {
  /** 综合管理类 职级 of the same standing (公务员法 Art. 19). */
  comprehensiveGrade: string;
  /** Leadership-post level the grade corresponds to; bracketed values are informal. */
  leadershipLevel: string;
  /** 级别 range; 级别 1 is the highest, so `lowest` is the larger number. */
  salaryGrade: { lowest: number; highest: number };
};

/** [code, name, nameEn, 综合管理类 grade, leadership level, 级别 lowest, 级别 highest]; high → low. */
const rows: readonly (readonly [string, string, string, string, string, number, number])[] = [
  ['601', '一级警务专员', 'Police Director, Grade 1', '一级巡视员', '厅局级正职', 13, 8],
  ['602', '二级警务专员', 'Police Director, Grade 2', '二级巡视员', '厅局级副职', 15, 10],
  ['603', '一级高级警长', 'Senior Police Sergeant, Grade 1', '一级调研员', '县处级正职', 17, 11],
  ['604', '二级高级警长', 'Senior Police Sergeant, Grade 2', '二级调研员', '县处级正职', 18, 12],
  ['605', '三级高级警长', 'Senior Police Sergeant, Grade 3', '三级调研员', '县处级副职', 19, 13],
  ['606', '四级高级警长', 'Senior Police Sergeant, Grade 4', '四级调研员', '县处级副职', 20, 14],
  ['607', '一级警长', 'Police Sergeant, Grade 1', '一级主任科员', '乡科级正职', 21, 15],
  ['608', '二级警长', 'Police Sergeant, Grade 2', '二级主任科员', '乡科级正职', 22, 16],
  ['609', '三级警长', 'Police Sergeant, Grade 3', '三级主任科员', '乡科级副职', 23, 17],
  ['610', '四级警长', 'Police Sergeant, Grade 4', '四级主任科员', '乡科级副职', 24, 18],
  ['611', '一级警员', 'Police Constable, Grade 1', '一级科员', '(科员)', 26, 18],
  ['612', '二级警员', 'Police Constable, Grade 2', '二级科员', '(办事员)', 27, 19],
];

export const policeOfficerLevelDict: Dict = {
  code: 'police_officer_level',
  name: '执法勤务警员职级',
  nameEn: 'Police officer grade (law-enforcement and patrol track)',
  standard: '公安机关执法勤务警员职级 (2019); ZB09 职务级别 codes 601–612',
  items: rows.map(([code, name, nameEn]) => ({ code, name, nameEn })),
};

/** Grade code → 综合管理类 equivalence (DOMAIN-RULES 2.1). */
export const policeOfficerLevelEquivalence: Readonly<Record<string, OfficerLevelEquivalence>> = Object.fromEntries(
  rows.map(([code, , , comprehensiveGrade, leadershipLevel, lowest, highest]) => [
    code,
    { comprehensiveGrade, leadershipLevel, salaryGrade: { lowest, highest } },
  ]),
);

/** Ordinal of a grade, 1 = 二级警员 … 12 = 一级警务专员 (DOMAIN-RULES 2.1); undefined if unknown. */
export function policeOfficerLevelOrdinal(code: string): number | undefined {
  const index = rows.findIndex(([c]) => c === code);
  return index < 0 ? undefined : rows.length - index;
}
