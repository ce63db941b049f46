import { describe, expect, it } from 'vitest';
import { evaluateAlertRule, type Reading } from './alert-rules.ts';
import { defaultWelfareRules } from './rules.ts';

const rule = (code: string) => defaultWelfareRules.alertRules.rules.find((r) => r.code === code)!;
const hr = (minute: number, value: number): Reading => ({
  kind: 'heart_rate',
  at: new Date(Date.UTC(2026, 5, 1, 2, minute)).toISOString(),
  value,
  value2: null,
});
const now = new Date(Date.UTC(2026, 5, 1, 2, 10)).toISOString();

describe('wearable alert rules (§5.3 shape: threshold, sustained window, cooldown)', () => {
  it('fires only when enough samples in the window are over the threshold', () => {
    const high = rule('HR_HIGH_RESTING');
    expect(
      evaluateAlertRule(
        high,
        [6, 7, 8, 9, 10].map((m) => hr(m, 130)),
        now,
        null,
      ).fire,
    ).toBe(true);
    expect(
      evaluateAlertRule(
        high,
        [7, 8, 9, 10].map((m) => hr(m, 130)),
        now,
        null,
      ).fire,
    ).toBe(false); // 4 < minSamples
    expect(
      evaluateAlertRule(
        high,
        [6, 7, 8, 9, 10].map((m, i) => hr(m, i < 2 ? 90 : 130)),
        now,
        null,
      ).fire,
    ).toBe(false); // 60% < 80%
    expect(
      evaluateAlertRule(
        high,
        [6, 7, 8, 9, 10].map((m) => hr(m, 120)),
        now,
        null,
      ).fire,
    ).toBe(false); // not above 120
  });
  it('ignores readings outside the window and keeps quiet within the cooldown', () => {
    const high = rule('HR_HIGH_RESTING');
    const old = [0, 1, 2, 3, 4].map((m) => hr(m - 10, 150));
    expect(evaluateAlertRule(high, old, now, null).fire).toBe(false);
    const readings = [6, 7, 8, 9, 10].map((m) => hr(m, 140));
    expect(evaluateAlertRule(high, readings, now, new Date(Date.UTC(2026, 5, 1, 1, 20)).toISOString()).fire).toBe(false);
    expect(evaluateAlertRule(high, readings, now, new Date(Date.UTC(2026, 5, 1, 1, 9)).toISOString()).fire).toBe(true);
  });
  it('blood pressure: either systolic or diastolic, and distinct days for the suspected-hypertension hint', () => {
    const bp = (day: number, s: number, d: number): Reading => ({
      kind: 'blood_pressure',
      at: new Date(Date.UTC(2026, 5, day, 2, 0)).toISOString(),
      value: s,
      value2: d,
    });
    const g3 = rule('BP_GRADE3_SINGLE');
    const t = new Date(Date.UTC(2026, 5, 3, 2, 5)).toISOString();
    expect(
      evaluateAlertRule(g3, [bp(3, 150, 112), { ...bp(3, 185, 100), at: new Date(Date.UTC(2026, 5, 3, 2, 3)).toISOString() }], t, null)
        .fire,
    ).toBe(true);
    expect(evaluateAlertRule(g3, [bp(3, 185, 100)], t, null).fire).toBe(false);
    const htn = rule('BP_SUSPECTED_HTN');
    expect(evaluateAlertRule(htn, [bp(1, 142, 80), bp(2, 120, 92), bp(3, 141, 91)], t, null).fire).toBe(true);
    expect(evaluateAlertRule(htn, [bp(1, 142, 80), bp(1, 145, 80), bp(3, 141, 91)], t, null).fire).toBe(false);
  });
  it('a disabled rule never fires', () => {
    expect(
      evaluateAlertRule(
        { ...rule('HR_HIGH_RESTING'), enabled: false },
        [6, 7, 8, 9, 10].map((m) => hr(m, 200)),
        now,
        null,
      ).fire,
    ).toBe(false);
  });
});
