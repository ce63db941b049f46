import { Type, type Static } from '@sinclair/typebox';
import { INDICATORS, indicatorDef } from './indicators.ts';

/**
 * Warning rules as versioned data (design §A5): thresholds on a value, thresholds on the peer
 * percentile with an absolute floor, and combinations across dimensions. Each version has an
 * effective date; the numbers shipped are editable defaults to calibrate on the back-test, not
 * recommendations (evidence tag U: unconfirmed).
 */
export const warningLevels = ['attention', 'warning', 'critical'] as const;
export type WarningLevel = (typeof warningLevels)[number];
export const levelZh: Record<WarningLevel, string> = { attention: '关注', warning: '预警', critical: '严重' };
/** Ordering weight of a fired rule: a person's rule score is the sum over fired rules. */
export const levelWeight: Record<WarningLevel, number> = { attention: 0.5, warning: 1, critical: 2 };

const Level = Type.Union(warningLevels.map((l) => Type.Literal(l)));
const IndicatorCode = Type.Union(INDICATORS.map((d) => Type.Literal(d.code)));
const Op = Type.Union([Type.Literal('>='), Type.Literal('<=')]);

export const PolicyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    mode: Type.Union([Type.Literal('absolute'), Type.Literal('peer'), Type.Literal('composite')]),
    level: Level,
    /** absolute: the value against `threshold`; peer: the peer percentile against `percentile`, and the value against `floor`. */
    indicator: Type.Optional(IndicatorCode),
    op: Type.Optional(Op),
    threshold: Type.Optional(Type.Number()),
    /** A higher threshold at which the level becomes 严重. */
    critical: Type.Optional(Type.Number()),
    percentile: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    floor: Type.Optional(Type.Number()),
    /** composite: fires when at least this many dimensions have a fired rule of `minLevel` or higher. */
    minDimensions: Type.Optional(Type.Integer({ minimum: 2, maximum: 10 })),
    minLevel: Type.Optional(Level),
    /** After an alert of this rule is closed, the same rule does not open a new one for this many days. */
    cooldownDays: Type.Integer({ minimum: 0, maximum: 730 }),
    /** Whether the officer sees the alert in the self-view once it has been verified. */
    officerVisible: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PolicyBody = Static<typeof PolicyBody>;

export interface Policy extends PolicyBody {
  readonly code: string;
  readonly version: number;
  readonly effectiveFrom: string;
}

/** Problems with a rule body beyond its shape: the fields its mode needs. */
export function policyProblems(p: PolicyBody): string[] {
  const problems: string[] = [];
  if (p.mode === 'composite') {
    if (p.minDimensions === undefined) problems.push('minDimensions');
    return problems;
  }
  if (!p.indicator || !indicatorDef(p.indicator)) problems.push('indicator');
  if (!p.op) problems.push('op');
  if (p.mode === 'absolute' && p.threshold === undefined) problems.push('threshold');
  if (p.mode === 'peer') {
    if (p.percentile === undefined) problems.push('percentile');
    if (p.indicator && !indicatorDef(p.indicator)?.peer) problems.push('indicator');
  }
  return problems;
}

/** What a rule saw when it was evaluated for one person. */
export interface IndicatorReading {
  readonly value: number | null;
  readonly pct: number | null;
  readonly peerKey: string | null;
  readonly peerN: number | null;
  readonly median: number | null;
  /** Robust z within the peer group, when the group's MAD is not zero. */
  readonly z?: number | null;
}

export interface RuleHit {
  readonly policy: Policy;
  readonly level: WarningLevel;
  readonly indicator: string | null;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly reading: IndicatorReading | null;
  /** composite: the dimensions that fired. */
  readonly dimensions: readonly string[];
}

const cmp = (op: '>=' | '<=', x: number, y: number) => (op === '>=' ? x >= y : x <= y);
const rank = (l: WarningLevel) => warningLevels.indexOf(l);

/** Evaluates rules for one person's readings; composite rules see the others' hits. Missing values never fire. */
export function evaluateRules(policies: readonly Policy[], readings: ReadonlyMap<string, IndicatorReading>): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const p of policies) {
    if (p.mode === 'composite' || !p.indicator || !p.op) continue;
    const r = readings.get(p.indicator);
    if (!r || r.value === null) continue;
    if (p.mode === 'absolute' && p.threshold !== undefined && cmp(p.op, r.value, p.threshold)) {
      const level = p.critical !== undefined && cmp(p.op, r.value, p.critical) ? 'critical' : p.level;
      hits.push({ policy: p, level, indicator: p.indicator, value: r.value, threshold: p.threshold, reading: r, dimensions: [] });
    }
    if (p.mode === 'peer' && p.percentile !== undefined && r.pct !== null) {
      const pctHit = p.op === '>=' ? r.pct >= p.percentile : r.pct <= p.percentile;
      const floorHit = p.floor === undefined || cmp(p.op, r.value, p.floor);
      if (pctHit && floorHit)
        hits.push({
          policy: p,
          level: p.level,
          indicator: p.indicator,
          value: r.value,
          threshold: p.percentile,
          reading: r,
          dimensions: [],
        });
    }
  }
  for (const p of policies) {
    if (p.mode !== 'composite' || p.minDimensions === undefined) continue;
    const minLevel = p.minLevel ?? 'attention';
    const dims = new Set(
      hits.filter((h) => rank(h.level) >= rank(minLevel)).map((h) => (h.indicator ? (indicatorDef(h.indicator)?.dimension ?? '') : '')),
    );
    if (dims.size >= p.minDimensions)
      hits.push({
        policy: p,
        level: p.level,
        indicator: null,
        value: dims.size,
        threshold: p.minDimensions,
        reading: null,
        dimensions: [...dims],
      });
  }
  return hits;
}

/** A person's ordering score under one family of rules: the sum of level weights of fired rules. */
export const ruleScore = (hits: readonly RuleHit[], mode: 'absolute' | 'peer'): number =>
  hits.filter((h) => h.policy.mode === mode).reduce((s, h) => s + levelWeight[h.level], 0);

const seed = (code: string, body: PolicyBody): Policy => ({ code, version: 1, effectiveFrom: '2020-01-01', ...body });
const base = { cooldownDays: 90, officerVisible: true } as const;

/**
 * Version 1 of the default rules (design Appendix C): absolute thresholds and their peer
 * counterparts, plus the combination rule. Editable defaults, to be calibrated.
 */
export const defaultPolicies: readonly Policy[] = [
  seed('ABS_COMPLAINT', {
    ...base,
    name: '12个月内投诉较多',
    mode: 'absolute',
    level: 'warning',
    indicator: 'DISC_COMPLAINT_12M',
    op: '>=',
    threshold: 3,
    critical: 5,
  }),
  seed('ABS_OVERTIME', {
    ...base,
    name: '持续高强度加班',
    mode: 'absolute',
    level: 'warning',
    indicator: 'LOAD_OT_AVG_3M',
    op: '>=',
    threshold: 60,
  }),
  seed('ABS_EXAM_DROP', {
    ...base,
    name: '考试成绩明显下滑',
    mode: 'absolute',
    level: 'warning',
    indicator: 'LEARN_EXAM_DELTA',
    op: '<=',
    threshold: -8,
  }),
  seed('ABS_WEARABLE', {
    ...base,
    name: '可穿戴设备预警频繁',
    mode: 'absolute',
    level: 'warning',
    indicator: 'HEALTH_WEARABLE_3M',
    op: '>=',
    threshold: 2,
    officerVisible: false,
  }),
  seed('ABS_LEAVE', {
    ...base,
    name: '应休未休比例高',
    mode: 'absolute',
    level: 'warning',
    indicator: 'LOAD_LEAVE_UNTAKEN_12M',
    op: '>=',
    threshold: 0.6,
  }),
  seed('PEER_COMPLAINT', {
    ...base,
    name: '投诉次数高于同类岗位',
    mode: 'peer',
    level: 'warning',
    indicator: 'DISC_COMPLAINT_12M',
    op: '>=',
    percentile: 0.95,
    floor: 2,
  }),
  seed('PEER_OT_TREND', {
    ...base,
    name: '加班增幅高于同类岗位',
    mode: 'peer',
    level: 'warning',
    indicator: 'LOAD_OT_TREND',
    op: '>=',
    percentile: 0.95,
  }),
  seed('PEER_EXAM_DROP', {
    ...base,
    name: '考试降幅大于同类岗位',
    mode: 'peer',
    level: 'warning',
    indicator: 'LEARN_EXAM_DELTA',
    op: '<=',
    percentile: 0.05,
  }),
  seed('PEER_WEARABLE', {
    ...base,
    name: '可穿戴预警高于同类岗位',
    mode: 'peer',
    level: 'warning',
    indicator: 'HEALTH_WEARABLE_3M',
    op: '>=',
    percentile: 0.95,
    floor: 1,
    officerVisible: false,
  }),
  seed('PEER_LEAVE', {
    ...base,
    name: '未休假比例高于同类岗位',
    mode: 'peer',
    level: 'warning',
    indicator: 'LOAD_LEAVE_UNTAKEN_12M',
    op: '>=',
    percentile: 0.95,
  }),
  seed('COMBINED', { ...base, name: '多维度综合预警', mode: 'composite', level: 'warning', minDimensions: 3, minLevel: 'warning' }),
];
