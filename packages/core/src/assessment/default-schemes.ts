import { AUX_GRADES, CIVIL_GRADES } from './consequences.ts';
import type { Adjustment, SchemeBody } from './schemes.ts';

/**
 * Editable default schemes, shipped marked evidence U: the seed names the "三个百分制" without
 * publishing its indicators, so every number here is a starting point the political department
 * changes as a new version.
 */

const awardBonus: Adjustment = {
  key: 'award',
  name: '奖励加分',
  side: 'bonus',
  source: 'award',
  pointsByLevel: { 嘉奖: 1, 三等功: 3, 二等功: 5, 一等功: 8, 荣誉称号: 10 },
  cap: 10,
};
const disciplineDeduction: Adjustment = {
  key: 'discipline',
  name: '处分扣分',
  side: 'deduction',
  source: 'discipline',
  pointsByLevel: { 警告: 5, 记过: 10, 记大过: 15, 降级: 20, 撤职: 25, 党内警告: 5, 党内严重警告: 10, 撤销党内职务: 15, 留党察看: 20 },
  cap: 30,
};
const civil = {
  grades: [...CIVIL_GRADES],
  gradeBands: [
    { grade: '优秀', minScore: 90 },
    { grade: '称职', minScore: 70 },
    { grade: '基本称职', minScore: 60 },
    { grade: '不称职', minScore: 0 },
  ],
  excellentQuota: { ratio: 0.15, rounding: 'floor' as const, minOne: true },
};

/** 民警个人年度百分制: manual and formula indicators mixed. */
export const DEFAULT_OFFICER_SCHEME: SchemeBody = {
  indicators: [
    { key: 'de', name: '政治素质', maxPoints: 20, rule: { kind: 'manual' } },
    { key: 'neng', name: '业务能力', maxPoints: 30 },
    { key: 'neng.exam', name: '考试成绩', parent: 'neng', maxPoints: 15, rule: { kind: 'exam' } },
    { key: 'neng.train', name: '培训学时', parent: 'neng', maxPoints: 10, rule: { kind: 'training_hours', targetHours: 40 } },
    { key: 'neng.study', name: '理论学习', parent: 'neng', maxPoints: 5, rule: { kind: 'study_hours', targetHours: 20 } },
    { key: 'qin', name: '日常表现', maxPoints: 20, rule: { kind: 'daily', category: 'daily' } },
    { key: 'ji', name: '工作实绩', maxPoints: 25, rule: { kind: 'manual' } },
    { key: 'lian', name: '廉洁自律', maxPoints: 5, rule: { kind: 'manual' } },
  ],
  adjustments: [awardBonus, disciplineDeduction, { key: 'extra', name: '其他加分', side: 'bonus', source: 'manual', cap: 5 }],
  bonusCap: 10,
  deductionCap: 30,
  ...civil,
};

/** Every indicator from the platform's data (the city-wide computation the benchmark measures). */
export const DATA_ONLY_SCHEME: SchemeBody = {
  indicators: [
    { key: 'exam', name: '考试成绩', maxPoints: 30, rule: { kind: 'exam' } },
    { key: 'train', name: '培训学时', maxPoints: 20, rule: { kind: 'training_hours', targetHours: 40 } },
    { key: 'study', name: '理论学习', maxPoints: 20, rule: { kind: 'study_hours', targetHours: 20 } },
    { key: 'daily', name: '日常表现', maxPoints: 20, rule: { kind: 'daily', category: 'daily' } },
    { key: 'comp', name: '比武竞赛', maxPoints: 10, rule: { kind: 'competition', maxRank: 3, pointsPerPlacing: 5 } },
  ],
  adjustments: [awardBonus, disciplineDeduction],
  bonusCap: 10,
  deductionCap: 30,
  ...civil,
};

/** 辅警个人年度考核: monthly scores carry the weight; the city's grade variant. */
export const DEFAULT_AUX_SCHEME: SchemeBody = {
  indicators: [
    { key: 'monthly', name: '月度考核', maxPoints: 60, rule: { kind: 'aux_monthly' } },
    { key: 'daily', name: '日常表现', maxPoints: 20, rule: { kind: 'daily', category: 'daily' } },
    { key: 'train', name: '培训学时', maxPoints: 20, rule: { kind: 'training_hours', targetHours: 24 } },
  ],
  adjustments: [awardBonus, disciplineDeduction],
  bonusCap: 10,
  deductionCap: 30,
  grades: [...AUX_GRADES],
  gradeBands: [
    { grade: '优秀', minScore: 90 },
    { grade: '合格', minScore: 70 },
    { grade: '基本合格', minScore: 60 },
    { grade: '不合格', minScore: 0 },
  ],
  excellentQuota: { ratio: 0.15, rounding: 'floor', minOne: true },
};

/** 战时 (wartime) scheme: on-the-spot entries (阵前考核) carry into the result. */
export const DEFAULT_WARTIME_SCHEME: SchemeBody = {
  indicators: [
    { key: 'onsite', name: '阵前考核', maxPoints: 60, rule: { kind: 'daily', category: 'onsite' } },
    { key: 'task', name: '任务完成', maxPoints: 40, rule: { kind: 'manual' } },
  ],
  adjustments: [awardBonus],
  bonusCap: 10,
  deductionCap: 0,
  ...civil,
};
