import { addMonths, monthIndex, monthLabel } from './months.ts';

/**
 * Statutory retirement age (法定退休年龄) under the 2024 decision of the NPC Standing Committee on
 * the gradual raise of the retirement age (全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的
 * 决定, adopted 2024-09-13, in force 2025-01-01): over 15 years, men 60 → 63 and women 55 → 58 by
 * one month for every four months of birth, women 50 → 55 by one month for every two months.
 * Evidence S: the decision's text as reproduced from Xinhua in public sources; the official
 * month-by-month annex table was not seen, so the cohorts below are computed from the rule text
 * (first delayed cohorts: men born 1965-01, women-55 born 1970-01, women-50 born 1975-01 — those
 * who would have retired from 2025-01 on). Kept as data so a corrected table replaces values only.
 */
export type RetirementCategory = 'male' | 'female55' | 'female50';

export interface RetirementCategoryRule {
  readonly baseAge: number;
  /** First birth month whose retirement is delayed (YYYY-MM). */
  readonly firstDelayedBirth: string;
  /** Months of birth per one month of delay. */
  readonly birthMonthsPerStep: number;
  readonly maxDelayMonths: number;
}

export interface RetirementRuleSet {
  readonly id: string;
  readonly effectiveFrom: string;
  readonly source: string;
  readonly evidence: 'V' | 'S' | 'U';
  readonly categories: Readonly<Record<RetirementCategory, RetirementCategoryRule>>;
  /** Which category applies by default: officers are cadres (干部, women 55); auxiliaries are contract staff (women 50). Editable. */
  readonly femaleCategoryByKind: Readonly<Record<'officer' | 'auxiliary', RetirementCategory>>;
}

export const retirementRuleSets: readonly RetirementRuleSet[] = [
  {
    id: 'retirement@2024',
    effectiveFrom: '2025-01-01',
    source: '全国人大常委会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13), 第一条及附件',
    evidence: 'S',
    categories: {
      male: { baseAge: 60, firstDelayedBirth: '1965-01', birthMonthsPerStep: 4, maxDelayMonths: 36 },
      female55: { baseAge: 55, firstDelayedBirth: '1970-01', birthMonthsPerStep: 4, maxDelayMonths: 36 },
      female50: { baseAge: 50, firstDelayedBirth: '1975-01', birthMonthsPerStep: 2, maxDelayMonths: 60 },
    },
    femaleCategoryByKind: { officer: 'female55', auxiliary: 'female50' },
  },
];

export interface RetirementResult {
  readonly category: RetirementCategory;
  /** Age at retirement in whole months (60 years 1 month = 721). */
  readonly ageMonths: number;
  readonly delayMonths: number;
  /** The month retirement falls due (YYYY-MM) and the date the age is reached. */
  readonly month: string;
  readonly date: string;
}

/** The category of a person: by sex, and for women by kind unless given. */
export function retirementCategory(sex: '1' | '2', kind: 'officer' | 'auxiliary', rules: RetirementRuleSet): RetirementCategory {
  return sex === '1' ? 'male' : rules.femaleCategoryByKind[kind];
}

/** Retirement date of a person born on `birthDate` in `category`. */
export function retirementDate(
  birthDate: string,
  category: RetirementCategory,
  rules: RetirementRuleSet = retirementRuleSets[0]!,
): RetirementResult {
  const c = rules.categories[category];
  const behind = monthIndex(birthDate) - monthIndex(`${c.firstDelayedBirth}-01`);
  const delayMonths = behind < 0 ? 0 : Math.min(c.maxDelayMonths, Math.floor(behind / c.birthMonthsPerStep) + 1);
  const ageMonths = c.baseAge * 12 + delayMonths;
  return {
    category,
    ageMonths,
    delayMonths,
    month: monthLabel(monthIndex(birthDate) + ageMonths),
    date: addMonths(birthDate, ageMonths),
  };
}
