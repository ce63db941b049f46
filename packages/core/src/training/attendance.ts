import { sumHours } from './hours-ledger.ts';

/** One trainee's attendance over a class's sessions. */
export interface AttendanceSummary {
  readonly attended: number;
  readonly sessions: number;
  /** Percent of sessions attended (0–100, rounded down); 0 when the class records no sessions. */
  readonly rate: number;
  /** Hours of the sessions attended (one decimal); nothing is credited without a recorded session. */
  readonly hours: number;
  readonly meetsThreshold: boolean;
}

export function summarizeAttendance(
  sessions: readonly { id: string; hours: number }[],
  presentSessionIds: ReadonlySet<string>,
  threshold: number,
): AttendanceSummary {
  // No sessions recorded means no attendance evidence: neither full hours nor 100 % are credited.
  if (sessions.length === 0) return { attended: 0, sessions: 0, rate: 0, hours: 0, meetsThreshold: false };
  const attendedSessions = sessions.filter((s) => presentSessionIds.has(s.id));
  // Integer arithmetic: 4 of 5 sessions is exactly 80 %, never 79.999….
  const rate = Math.floor((attendedSessions.length * 100) / sessions.length);
  return {
    attended: attendedSessions.length,
    sessions: sessions.length,
    rate,
    hours: sumHours(attendedSessions),
    meetsThreshold: rate >= threshold,
  };
}
