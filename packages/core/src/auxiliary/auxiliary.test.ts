import { describe, expect, it } from 'vitest';
import { computePayouts, fundUse, gradeForScore } from './assessment.ts';
import { applyPayChange, contractEndAfterYears, estimatePay } from './pay.ts';
import { defaultAuxRules, pickRule, type AuxRuleVersion } from './rules.ts';

const table = defaultAuxRules.gradeTable;

describe('auxiliary rules and computations', () => {
  it('maps scores to the highest grade reached, and entered grades win over scores', () => {
    expect(gradeForScore(table, 90)).toBe('excellent');
    expect(gradeForScore(table, 89.9)).toBe('qualified');
    expect(gradeForScore(table, 59)).toBe('unqualified');
    const payouts = computePayouts(table, [
      { personId: 'a', grade: 'basic', score: 95 },
      { personId: 'b', grade: null, score: 72 },
      { personId: 'c', grade: null, score: null },
    ]);
    expect(payouts.map((p) => [p.grade, p.amountFen])).toEqual([
      ['basic', 20_000],
      ['qualified', 50_000],
      [null, null],
    ]);
  });

  it('checks the fund against rewards only; penalties never free room', () => {
    expect(fundUse(100_000, [60_000, 40_000, -30_000])).toMatchObject({ drawnFen: 100_000, deductedFen: 30_000, fits: true, overFen: 0 });
    expect(fundUse(100_000, [60_000, 40_001, -50_000])).toMatchObject({ fits: false, overFen: 1 });
  });

  it('picks the most specific jurisdiction in force on the date, else the default', () => {
    const v = (jurisdiction: string, effectiveFrom: string, amount: number): AuxRuleVersion<'gradeTable'> => ({
      id: `${jurisdiction}-${effectiveFrom}`,
      ruleSet: 'gradeTable',
      jurisdiction,
      effectiveFrom,
      value: { grades: table.grades.map((g) => ({ ...g, amountFen: amount })) },
      evidence: 'U',
      source: null,
      note: null,
    });
    const versions = [v('330000', '2025-01-01', 1), v('330100', '2026-01-01', 2), v('330100', '2026-07-01', 3)];
    expect(pickRule('gradeTable', versions, '2025-06-01', '330100').id).toBe('330000-2025-01-01');
    expect(pickRule('gradeTable', versions, '2026-06-30', '330100').id).toBe('330100-2026-01-01');
    expect(pickRule('gradeTable', versions, '2026-07-01', '330100').id).toBe('330100-2026-07-01');
    expect(pickRule('gradeTable', versions, '2024-01-01', '330100').id).toBeNull();
    expect(pickRule('gradeTable', versions, '2026-07-01', '320100').id).toBeNull();
  });

  it('estimates pay with the insurance base clamped, and applies a percentage on the fixed pay', () => {
    const e = estimatePay(defaultAuxRules.payScale, defaultAuxRules.socialInsurance, {
      grade: '一级',
      personalAdjustFen: 0,
      assessmentFen: 80_000,
    });
    expect(e.grossFen).toBe(680_000);
    expect(e.insuranceBaseFen).toBe(680_000);
    expect(e.netBeforeTaxFen).toBe(680_000 + 80_000 - e.personalInsuranceFen);
    const next = applyPayChange(
      defaultAuxRules.payScale,
      defaultAuxRules.socialInsurance,
      { grade: '一级', personalAdjustFen: 1_000 },
      { kind: 'percent', percent: 5 },
    );
    expect(next.state.personalAdjustFen).toBe(1_000 + Math.round(681_000 * 0.05));
  });

  it('ends a contract the day before its anniversary', () => {
    expect(contractEndAfterYears('2026-01-01', 3)).toBe('2028-12-31');
    expect(contractEndAfterYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
