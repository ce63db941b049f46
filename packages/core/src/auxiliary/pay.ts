import type { PayScaleValue, SocialInsuranceValue } from './rules.ts';

export interface PayInputs {
  readonly grade: string | null;
  /** A personal adjustment on top of the scale (bulk percentage rises land here). */
  readonly personalAdjustFen: number;
  /** The month's confirmed reward/penalty (奖惩金), if any. */
  readonly assessmentFen: number;
}

export interface PayEstimate {
  readonly grade: string | null;
  readonly basePayFen: number;
  readonly allowancesFen: number;
  readonly personalAdjustFen: number;
  /** Fixed monthly pay: base + allowances + personal adjustment. */
  readonly grossFen: number;
  readonly assessmentFen: number;
  readonly insuranceBaseFen: number;
  readonly personalInsuranceFen: number;
  readonly employerInsuranceFen: number;
  /** Before income tax (tax depends on the year's cumulative figures and is left to payroll). */
  readonly netBeforeTaxFen: number;
  readonly employerCostFen: number;
  /** The grade is not in the scale in force: pay shows as 0 until the scale or grade is fixed. */
  readonly gradeUnknown: boolean;
}

/** A monthly estimate from the scale and insurance rules in force; integer fen, rounded per item. */
export function estimatePay(scale: PayScaleValue, insurance: SocialInsuranceValue, input: PayInputs): PayEstimate {
  const row = input.grade === null ? undefined : scale.grades.find((g) => g.code === input.grade);
  const base = row?.basePayFen ?? 0;
  const allowances = row ? row.allowances.reduce((s, a) => s + a.amountFen, 0) : 0;
  const gross = Math.max(0, base + allowances + input.personalAdjustFen);
  const insuranceBase = gross === 0 ? 0 : Math.min(insurance.baseMaxFen, Math.max(insurance.baseMinFen, gross));
  const personal = insurance.items.reduce((s, i) => s + Math.round(insuranceBase * i.personalRate), 0);
  const employer = insurance.items.reduce((s, i) => s + Math.round(insuranceBase * i.employerRate), 0);
  return {
    grade: input.grade,
    basePayFen: base,
    allowancesFen: allowances,
    personalAdjustFen: input.personalAdjustFen,
    grossFen: gross,
    assessmentFen: input.assessmentFen,
    insuranceBaseFen: insuranceBase,
    personalInsuranceFen: personal,
    employerInsuranceFen: employer,
    netBeforeTaxFen: gross + input.assessmentFen - personal,
    employerCostFen: gross + input.assessmentFen + employer,
    gradeUnknown: input.grade !== null && !row,
  };
}

export type PayChange =
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'grade'; readonly grade: string }
  | { readonly kind: 'scale'; readonly scale: PayScaleValue };

export interface PayState {
  readonly grade: string | null;
  readonly personalAdjustFen: number;
}

/**
 * What one person's pay state becomes under a bulk change. A percentage raise adds that share of
 * the current fixed pay to the personal adjustment, so a later scale change still applies on top.
 */
export function applyPayChange(
  scale: PayScaleValue,
  insurance: SocialInsuranceValue,
  state: PayState,
  change: PayChange,
): { state: PayState; scale: PayScaleValue } {
  switch (change.kind) {
    case 'percent': {
      const gross = estimatePay(scale, insurance, { ...state, assessmentFen: 0 }).grossFen;
      return { state: { ...state, personalAdjustFen: state.personalAdjustFen + Math.round((gross * change.percent) / 100) }, scale };
    }
    case 'grade':
      return { state: { ...state, grade: change.grade }, scale };
    case 'scale':
      return { state, scale: change.scale };
  }
}

export function contractEndAfterYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  // 29 Feb + 1 year rolls to 1 Mar; a contract then ends the day before the anniversary.
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export function shiftDate(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
