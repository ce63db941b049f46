import type { RecruitScores } from '@zhenggong/core';

export const scoresOf = (r: {
  written: number | null;
  interview: number | null;
  physical: number | null;
  background: number | null;
}): RecruitScores => ({
  written: r.written === null ? null : Number(r.written),
  interview: r.interview === null ? null : Number(r.interview),
  physical: r.physical === null ? null : Number(r.physical),
  background: r.background === null ? null : Number(r.background),
});

/**
 * Statuses whose scores count: the staff ranking and an applicant's own rank look at the same
 * applicants. A drop-out keeps their place, so replacements (递补) never move anyone's rank.
 */
export const SCORED_STATUSES = ['approved', 'shortlisted', 'medical_passed', 'publicized', 'hired', 'dropped'] as const;
