/** One trainee's attendance over a class's sessions. */
export interface AttendanceSummary {
  readonly attended: number;
  readonly sessions: number;
  /** Percent of sessions attended (0–100, rounded down); 100 when the class has no sessions yet. */
  readonly rate: number;
  /** Hours of the sessions attended, or the planned hours when the class records no sessions. */
  readonly hours: number;
  readonly meetsThreshold: boolean;
}

export function summarizeAttendance(
  sessions: readonly { id: string; hours: number }[],
  presentSessionIds: ReadonlySet<string>,
  threshold: number,
  plannedHours: number,
): AttendanceSummary {
  if (sessions.length === 0) return { attended: 0, sessions: 0, rate: 100, hours: plannedHours, meetsThreshold: true };
  const attendedSessions = sessions.filter((s) => presentSessionIds.has(s.id));
  // Integer arithmetic: 4 of 5 sessions is exactly 80 %, never 79.999….
  const rate = Math.floor((attendedSessions.length * 100) / sessions.length);
  return {
    attended: attendedSessions.length,
    sessions: sessions.length,
    rate,
    hours: attendedSessions.reduce((sum, s) => sum + s.hours, 0),
    meetsThreshold: rate >= threshold,
  };
}
