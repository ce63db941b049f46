/**
 * When a job is due. Every schedule cuts time into slots with a stable key; a job runs at most
 * once per slot (the unique (job, slot) row in job_run decides between instances). Daily and
 * monthly times are Beijing time (UTC+8, no daylight saving), as the force works by it.
 */
export type JobSchedule =
  | { readonly kind: 'interval'; readonly everyMs: number }
  | { readonly kind: 'daily'; readonly at: string }
  | { readonly kind: 'monthly'; readonly day: number; readonly at: string };

const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const minutesOf = (at: string): number => {
  const [h, m] = at.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface Slot {
  /** Stable key of the slot, unique per job. */
  readonly key: string;
  /** When the slot began (UTC). */
  readonly at: Date;
}

/** The latest slot that has begun at `now`; missed older slots are not replayed. */
export function currentSlot(schedule: JobSchedule, now: Date): Slot {
  const t = now.getTime();
  if (schedule.kind === 'interval') {
    const n = Math.floor(t / schedule.everyMs);
    return { key: `i${schedule.everyMs}:${n}`, at: new Date(n * schedule.everyMs) };
  }
  const offset = minutesOf(schedule.at) * 60_000;
  // Beijing wall-clock ms of "now", shifted so that the job's time of day becomes midnight.
  const local = t + BEIJING_MS - offset;
  if (schedule.kind === 'daily') {
    const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
    return { key: isoDate(dayStart), at: new Date(dayStart - BEIJING_MS + offset) };
  }
  const d = new Date(local);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  if (d.getUTCDate() < schedule.day) {
    m -= 1;
    if (m < 0) {
      m = 11;
      y -= 1;
    }
  }
  const start = Date.UTC(y, m, schedule.day);
  return { key: isoDate(start).slice(0, 7), at: new Date(start - BEIJING_MS + offset) };
}

/** When the slot after the current one begins. */
export function nextSlotAt(schedule: JobSchedule, now: Date): Date {
  const current = currentSlot(schedule, now);
  if (schedule.kind === 'interval') return new Date(current.at.getTime() + schedule.everyMs);
  if (schedule.kind === 'daily') return new Date(current.at.getTime() + DAY_MS);
  const at = new Date(current.at.getTime() + BEIJING_MS);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, schedule.day) - BEIJING_MS + minutesOf(schedule.at) * 60_000);
}

export const describeSchedule = (s: JobSchedule): string =>
  s.kind === 'interval' ? `every ${Math.round(s.everyMs / 1000)}s` : s.kind === 'daily' ? `daily ${s.at}` : `monthly day ${s.day} ${s.at}`;
