import type { ExamSummary } from './types';

/** A scheduled exam is shown as open (进行中) inside its window and closed after it, as the server derives. */
export type DisplayStatus = ExamSummary['status'] | 'open';

export function displayStatus(exam: Pick<ExamSummary, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()): DisplayStatus {
  if (exam.status !== 'scheduled') return exam.status;
  if (now >= Date.parse(exam.endsAt)) return 'closed';
  if (now >= Date.parse(exam.startsAt)) return 'open';
  return 'scheduled';
}

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  scheduled: 'blue',
  open: 'green',
  closed: 'default',
  cancelled: 'red',
};

export const SESSION_COLORS: Record<string, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'blue',
  graded: 'green',
};

/** 0.873 → "87.3%"; null (nobody to count) → "—". */
export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** Scores are shown with at most one decimal. */
export const score = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10);

/** Whole minutes between two ISO times (0 when either is missing). */
export const minutesBetween = (from: string | undefined, to: string | undefined): number =>
  from && to ? Math.floor((Date.parse(to) - Date.parse(from)) / 60_000) : 0;
