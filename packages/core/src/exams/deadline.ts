import type { ExamStatus } from './schemas.ts';

/**
 * A session's deadline: the earlier of the exam window's end and the start plus the allowed
 * duration. ISO strings in, ISO string out (UTC, millisecond precision, so they compare as text).
 */
export function sessionDeadline(endsAt: string, startedAt: string, durationMinutes: number): string {
  const byDuration = Date.parse(startedAt) + durationMinutes * 60_000;
  return new Date(Math.min(Date.parse(endsAt), byDuration)).toISOString();
}

/** True once `now` has reached the deadline: a save at the very deadline instant is already late. */
export const isPastDeadline = (deadline: string, now: Date): boolean => now.getTime() >= Date.parse(deadline);

/** The status shown for an exam: a scheduled exam whose window has ended reads as closed. */
export function examStatusAt(stored: string, endsAt: string, now: Date): ExamStatus {
  if (stored === 'scheduled' && now.getTime() >= Date.parse(endsAt)) return 'closed';
  return stored as ExamStatus;
}

/** The window in which a new attempt may begin. */
export const isWindowOpen = (startsAt: string, endsAt: string, now: Date): boolean =>
  now.getTime() >= Date.parse(startsAt) && now.getTime() < Date.parse(endsAt);

/** Canonical ISO form, so stored times compare correctly as text in both databases. */
export const isoUtc = (s: string): string => new Date(s).toISOString();
