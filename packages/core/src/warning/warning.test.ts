import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disparity, wilson } from './disparity.ts';
import { DISCLAIMER, explainHit } from './explain.ts';
import { computeIndicators, type Fact } from './indicators.ts';
import { fitRidgeLogistic, modelScore } from './model.ts';
import { addMonthEnds, isMonthEnd, monthEndOfIndex, ewMonthIndex, windowStart } from './month.ts';
import { choosePeerKeys, normaliseWithinPeers } from './peers.ts';
import { defaultPolicies, evaluateRules } from './rules.ts';

const settings = { annualLeaveDays: 15 };
const fact = (kind: Fact['kind'], eventDate: string, knownDate = eventDate, value = 1): Fact => ({
  personId: 'p',
  kind,
  eventDate,
  knownDate,
  value,
  ref: `t:${kind}:${eventDate}`,
});
const valueOf = (asOf: string, facts: Fact[], code: string) => computeIndicators(asOf, facts, settings).find((v) => v.code === code)?.value;

describe('month windows', () => {
  it('knows month ends, leap years included', () => {
    expect(monthEndOfIndex(ewMonthIndex('2024-02-10'))).toBe('2024-02-29');
    expect(monthEndOfIndex(ewMonthIndex('2025-02-10'))).toBe('2025-02-28');
    expect(isMonthEnd('2024-02-29')).toBe(true);
    expect(isMonthEnd('2024-02-28')).toBe(false);
    expect(windowStart('2026-03-31', 3)).toBe('2026-01-01');
    expect(windowStart('2026-03-31', 12)).toBe('2025-04-01');
    expect(addMonthEnds('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('a fact counts exactly when its event lies in the window and it was known by the as-of date (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2019 * 12, max: 2030 * 12 }),
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        (asOfIndex, eventOffsetDays, lagDays) => {
          const asOf = monthEndOfIndex(asOfIndex);
          const event = new Date(Date.parse(asOf) + eventOffsetDays * 86_400_000).toISOString().slice(0, 10);
          const known = new Date(Date.parse(event) + lagDays * 86_400_000).toISOString().slice(0, 10);
          const count = valueOf(asOf, [fact('complaint', event, known)], 'DISC_COMPLAINT_12M');
          const expected = event <= asOf && event >= windowStart(asOf, 12) && known <= asOf ? 1 : 0;
          expect(count).toBe(expected);
        },
      ),
    );
  });

  it('trend compares the last 3 months with the 9 before', () => {
    const facts = [
      ...['2026-01-15', '2026-02-15', '2026-03-15'].map((d) => fact('overtime', d, d, 70)),
      ...['2025-06-15', '2025-07-15', '2025-08-15'].map((d) => fact('overtime', d, d, 40)),
    ];
    expect(valueOf('2026-03-31', facts, 'LOAD_OT_TREND')).toBe(30);
    expect(valueOf('2026-03-31', facts, 'LOAD_OT_AVG_3M')).toBe(70);
  });

  it('wearable data without consent stays missing, never zero', () => {
    const alerts = [fact('wearable_alert', '2026-03-01'), fact('wearable_alert', '2026-03-02')];
    expect(valueOf('2026-03-31', alerts, 'HEALTH_WEARABLE_3M')).toBeNull();
    expect(valueOf('2026-03-31', [fact('wearable_consent', '2025-01-01'), ...alerts], 'HEALTH_WEARABLE_3M')).toBe(2);
    expect(valueOf('2026-03-31', [fact('wearable_consent', '2025-01-01')], 'HEALTH_WEARABLE_3M')).toBe(0);
  });
});

describe('peer normalisation', () => {
  it('falls back to a coarser group below 20 people and ranks within it', () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ personId: `p${i}`, keys: [i < 25 ? 'A|x' : 'A|y', 'A'] }));
    const keys = choosePeerKeys(members);
    expect(keys.get('p0')).toBe('A|x');
    expect(keys.get('p29')).toBe('A');
    const values = new Map(members.map((m, i) => [m.personId, i < 25 ? i : null]));
    const stats = normaliseWithinPeers(values, keys);
    expect(stats.get('p24')?.pct).toBe(24 / 25);
    expect(stats.get('p0')?.pct).toBe(0);
    expect(stats.get('p12')?.z).toBeCloseTo(0);
    expect(stats.has('p29')).toBe(false);
  });
});

describe('rules and explanations', () => {
  it('fires absolute and peer rules with a floor and explains them in a sentence', () => {
    const readings = new Map([
      ['DISC_COMPLAINT_12M', { value: 4, pct: 0.97, peerKey: '民警|派出所', peerN: 214, median: 0 }],
      ['LOAD_OT_AVG_3M', { value: 30, pct: 0.5, peerKey: '民警|派出所', peerN: 214, median: 30 }],
    ]);
    const hits = evaluateRules(defaultPolicies, readings);
    expect(hits.map((h) => h.policy.code).sort()).toEqual(['ABS_COMPLAINT', 'PEER_COMPLAINT']);
    const peer = hits.find((h) => h.policy.code === 'PEER_COMPLAINT');
    expect(peer && explainHit(peer)).toContain('214 人');
    expect(peer && explainHit(peer)).toContain('高于 97% 的同类人员');
    expect(DISCLAIMER).toContain('不作为处分依据');
    const low = new Map([['DISC_COMPLAINT_12M', { value: 1, pct: 0.99, peerKey: 'k', peerN: 30, median: 0 }]]);
    expect(evaluateRules(defaultPolicies, low)).toEqual([]);
  });
});

describe('model and disparity', () => {
  it('the fitted model orders by the signal it was given', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ x: [i % 10, (i * 7) % 3], y: (i % 10 >= 8 ? 1 : 0) as 0 | 1 }));
    const m = fitRidgeLogistic(rows, [
      { indicator: 'A', form: 'value' },
      { indicator: 'B', form: 'value' },
    ]);
    expect(m.coef[0]).toBeGreaterThan(1);
    expect(modelScore(m, [9, 0])).toBeGreaterThan(modelScore(m, [1, 0]));
  });

  it('Wilson intervals and ratios to the reference group', () => {
    const w = wilson(5, 100);
    expect(w.low).toBeCloseTo(0.0215, 3);
    expect(w.high).toBeCloseTo(0.1118, 3);
    const rows = [
      ...Array.from({ length: 100 }, (_, i) => ({ group: 'A', flagged: i < 10, outcome: i < 5 })),
      ...Array.from({ length: 50 }, (_, i) => ({ group: 'B', flagged: i < 10, outcome: i < 2 })),
      ...Array.from({ length: 5 }, () => ({ group: 'C', flagged: true, outcome: false })),
    ];
    const [a, b, c] = disparity(rows);
    expect(a?.verdict).toBe('reference');
    expect(b?.flagRateRatio).toBeCloseTo(2);
    expect(b?.verdict).toBe('outside');
    expect(c?.verdict).toBe('insufficient');
  });
});
