/**
 * "Today" for every date-derived rule (ages, application windows, study years, contract ends) is
 * the calendar date in Beijing (Asia/Shanghai), not in UTC: between 00:00 and 08:00 Beijing time
 * the UTC date is still yesterday's.
 *
 * China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset gives
 * the same answer as the tz database for every instant the platform deals with, without
 * depending on the ICU data of the runtime (browsers and small-icu Node builds differ).
 */
export const BEIJING_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar year of an instant. */
export function beijingYear(instant: Date): number {
  return Number(beijingDate(instant).slice(0, 4));
}

/** The Asia/Shanghai date and time of an instant, as YYYY-MM-DD HH:mm (exports, printed sheets). */
export function beijingDateTime(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_UTC_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
