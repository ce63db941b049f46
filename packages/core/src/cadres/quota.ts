import { reason, type Reason } from './reasons.ts';
import type { QuotaRule } from './rules.ts';

/** A unit's standing for quota checks: establishment (police headcount as the 编制 proxy) and holders per grade. */
export interface QuotaUnit {
  readonly establishment: number;
  readonly holders: Map<string, number>;
}

export interface QuotaUsage {
  readonly unitId: string;
  readonly ruleId: string;
  readonly name: string;
  readonly used: number;
  readonly limit: number;
}

/** Holders of a rule's grades, and the limit its ratio allows (nested: the base is another rule's holders). */
export function quotaStanding(
  rules: readonly QuotaRule[],
  unit: QuotaUnit,
  rule: QuotaRule,
): { used: number; limit: number; base: number } {
  const held = (r: QuotaRule) => r.grades.reduce((n, g) => n + (unit.holders.get(g) ?? 0), 0);
  const parent = rules.find((r) => r.id === rule.of);
  const base = rule.of === 'establishment' || !parent ? unit.establishment : held(parent);
  return { used: held(rule), limit: Math.floor(rule.maxRatio * base + 1e-9), base };
}

/**
 * Tries to move one person from `from` to `to` in the unit: accepted when no quota rule that
 * the move fills goes over its limit, otherwise undone, with the reason in words.
 */
export function tryQuotaMove(rules: readonly QuotaRule[], unit: QuotaUnit, from: string | null, to: string): Reason | null {
  const bump = (g: string | null, d: number) => {
    if (g !== null) unit.holders.set(g, (unit.holders.get(g) ?? 0) + d);
  };
  bump(from, -1);
  bump(to, 1);
  for (const rule of rules) {
    if (!rule.grades.includes(to) || (from !== null && rule.grades.includes(from))) continue;
    const s = quotaStanding(rules, unit, rule);
    if (s.used > s.limit) {
      bump(to, -1);
      bump(from, 1);
      const baseName = rule.of === 'establishment' ? '核定人数' : (rules.find((r) => r.id === rule.of)?.name ?? rule.of);
      return reason(
        'QUOTA',
        false,
        `${rule.name}职数已满：限额${s.limit}名（不超过${baseName}${s.base}名的${Math.round(rule.maxRatio * 100)}%），已有${s.used - 1}名`,
        `${rule.name} quota full: limit ${s.limit} (${Math.round(rule.maxRatio * 100)}% of ${s.base}), ${s.used - 1} held`,
      );
    }
  }
  return null;
}

/** Usage of every rule in every unit. */
export function quotaUsage(rules: readonly QuotaRule[], units: ReadonlyMap<string, QuotaUnit>): QuotaUsage[] {
  const out: QuotaUsage[] = [];
  for (const [unitId, unit] of units)
    for (const rule of rules) {
      const s = quotaStanding(rules, unit, rule);
      out.push({ unitId, ruleId: rule.id, name: rule.name, used: s.used, limit: s.limit });
    }
  return out;
}
