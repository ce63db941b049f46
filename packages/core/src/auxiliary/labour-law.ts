/**
 * Labour-contract rules of the 劳动合同法 (2012 amendment) that bind the auxiliary officers'
 * employer. The numbers are statute (V), but they stay settings data so a later amendment is
 * a new rule version, not a code change.
 */

export interface ContractLine {
  readonly kind: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface OpenEndedRight {
  /** True when the officer may claim an open-ended contract (无固定期限劳动合同) at this renewal. */
  readonly due: boolean;
  /** Art. 14(1): 连续工作满十年; Art. 14(3): 连续订立二次固定期限劳动合同. */
  readonly reasons: readonly ('tenYears' | 'twoFixedTerms')[];
  readonly fixedTerms: number;
  readonly serviceYears: number;
}

/** Whole years between two ISO dates (birthday-style: a year counts once its anniversary is reached). */
export function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/**
 * The right to an open-ended contract on renewal (劳动合同法 第十四条): after two consecutive
 * fixed-term contracts, or ten years of continuous service by the renewal's start. `contracts`
 * are the person's contracts so far, oldest first.
 */
export function openEndedRight(
  contracts: readonly ContractLine[],
  renewalStart: string,
  rule: { afterFixedTerms: number; afterYears: number },
): OpenEndedRight {
  const fixedTerms = contracts.filter((c) => c.kind === 'fixed').length;
  const first = contracts[0]?.startDate;
  const serviceYears = first ? wholeYears(first, renewalStart) : 0;
  const reasons: ('tenYears' | 'twoFixedTerms')[] = [];
  if (serviceYears >= rule.afterYears) reasons.push('tenYears');
  if (fixedTerms >= rule.afterFixedTerms) reasons.push('twoFixedTerms');
  return { due: reasons.length > 0, reasons, fixedTerms, serviceYears };
}

/**
 * The longest probation allowed (劳动合同法 第十九条): term under 3 months none; 3 months to
 * under 1 year, 1 month; 1 to under 3 years, 2 months; 3 years or more, or open-ended, 6 months.
 */
export function maxProbationMonths(kind: string, start: string, end: string | null): number {
  if (kind === 'task') return 0;
  if (kind === 'open_ended' || end === null) return 6;
  const months = monthsBetween(start, end);
  if (months < 3) return 0;
  if (months < 12) return 1;
  if (months < 36) return 2;
  return 6;
}

/** Full months from `start` to the day after `end` (a contract 2026-01-01..2026-12-31 is 12 months). */
function monthsBetween(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const after = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000);
  const [ey, em, ed] = [after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()];
  return (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
}

/**
 * Economic compensation (经济补偿, 劳动合同法 第四十七条): one month's wage per full year of
 * service; six months or more counts as a year, less than six months as half a month.
 */
export function compensationMonths(serviceStart: string, exitDate: string): number {
  const [sy, sm, sd] = serviceStart.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = exitDate.split('-').map(Number) as [number, number, number];
  const months = (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return years + (rest >= 6 ? 1 : rest > 0 ? 0.5 : 0);
}

/** The last day of a probation of `months` from `start` (2026-01-15 + 3 → 2026-04-14); null for none. */
export function probationEndDate(start: string, months: number): string | null {
  if (months <= 0) return null;
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, d));
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
