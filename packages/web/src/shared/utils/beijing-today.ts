import dayjs, { type Dayjs } from 'dayjs';
import { beijingDate } from '@zhenggong/core/platform/beijing-date';

/**
 * Today's date in Beijing (Asia/Shanghai), YYYY-MM-DD — the date the server's rules use
 * (platform/clock.ts), whatever time zone the browser runs in.
 */
export function beijingToday(now: Date = new Date()): string {
  return beijingDate(now);
}

/** Beijing's today as a Dayjs at local midnight, for date pickers' defaults and date arithmetic. */
export function beijingTodayDayjs(now: Date = new Date()): Dayjs {
  return dayjs(beijingToday(now));
}
