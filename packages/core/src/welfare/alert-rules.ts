/**
 * Wearable alert rules (health.alertRules, DOMAIN-RULES.md §5.3): a threshold on one metric that
 * must hold over a window before it fires, then stays quiet for a cooldown. The shape is a design
 * proposal, not a clinical standard, so every value ships as editable data. Readings from a
 * cuff-less wristband are screening hints (筛查提示), never a diagnosis.
 */

export type ReadingKind = 'heart_rate' | 'blood_pressure' | 'steps';

export interface Reading {
  readonly kind: ReadingKind;
  /** ISO-8601 UTC instant the device measured. */
  readonly at: string;
  /** bpm, systolic mmHg, or steps. */
  readonly value: number;
  /** Diastolic mmHg for blood pressure; null otherwise. */
  readonly value2: number | null;
}

export type Comparison = '>' | '>=' | '<' | '<=';
export interface AlertRule {
  readonly code: string;
  readonly name: string;
  readonly kind: Exclude<ReadingKind, 'steps'>;
  /** Any condition matching makes a reading count (for blood pressure: systolic or diastolic). */
  readonly anyOf: readonly { readonly field: 'value' | 'value2'; readonly op: Comparison; readonly threshold: number }[];
  /** Readings of the last `windowMinutes` are looked at; at least `minSamples` of them, `minFraction` matching. */
  readonly windowMinutes: number;
  readonly minSamples: number;
  readonly minFraction: number;
  /** Alternatively matching readings on this many distinct Beijing dates within the window (guideline diagnosis pattern). */
  readonly distinctDays?: number;
  readonly cooldownMinutes: number;
  readonly severity: 'info' | 'warning' | 'urgent';
  readonly enabled: boolean;
}

const compare = (op: Comparison, a: number, b: number): boolean =>
  op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;

export function readingMatches(rule: AlertRule, r: Reading): boolean {
  if (r.kind !== rule.kind) return false;
  return rule.anyOf.some((c) => {
    const v = c.field === 'value' ? r.value : r.value2;
    return v !== null && compare(c.op, v, c.threshold);
  });
}

const beijingDate = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

export interface AlertDecision {
  readonly fire: boolean;
  readonly matched: number;
  readonly samples: number;
  /** The reading values that made it fire, for the explanation shown to the care contact. */
  readonly peak: number | null;
}

/**
 * Whether `rule` fires at `now` over a person's recent readings: enough samples in the window,
 * enough of them over the threshold (or on enough distinct days), and no alert of the same rule
 * within the cooldown (`lastAlertAt`).
 */
export function evaluateAlertRule(rule: AlertRule, readings: readonly Reading[], now: string, lastAlertAt: string | null): AlertDecision {
  const nowMs = Date.parse(now);
  const from = nowMs - rule.windowMinutes * 60_000;
  const inWindow = readings.filter((r) => r.kind === rule.kind && Date.parse(r.at) > from && Date.parse(r.at) <= nowMs);
  const matching = inWindow.filter((r) => readingMatches(rule, r));
  const peak = matching.length > 0 ? Math.max(...matching.map((r) => r.value)) : null;
  const base = { matched: matching.length, samples: inWindow.length, peak };
  if (!rule.enabled) return { fire: false, ...base };
  if (lastAlertAt && nowMs - Date.parse(lastAlertAt) < rule.cooldownMinutes * 60_000) return { fire: false, ...base };
  const held = rule.distinctDays
    ? new Set(matching.map((r) => beijingDate(r.at))).size >= rule.distinctDays
    : inWindow.length >= rule.minSamples && matching.length / inWindow.length >= rule.minFraction;
  return { fire: held, ...base };
}
