/**
 * Month arithmetic on ISO dates. Years in grade are counted in whole months from the month of
 * appointment (DOMAIN-RULES §2.2: "12 full months = 1 year"), so a month index is the unit.
 */

/** Months since year 0 of the date's month: 2024-06-15 → 2024 × 12 + 5. */
export const monthIndex = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The first day of a month index: 24293 → '2024-06-01'. */
export function monthStart(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** `YYYY-MM` of a month index. */
export const monthLabel = (index: number): string => monthStart(index).slice(0, 7);

export { addMonths } from '../platform/civil-months.ts';

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** "2年3个月" / "2 years 3 months". */
export function monthsInWords(months: number): { zh: string; en: string } {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const zh = `${y > 0 ? `${y}年` : ''}${m > 0 || y === 0 ? `${m}个月` : ''}`;
  const en = [y > 0 ? `${y} year${y === 1 ? '' : 's'}` : '', m > 0 || y === 0 ? `${m} month${m === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' ');
  return { zh, en };
}
