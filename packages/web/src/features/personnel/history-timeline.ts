import type { LevelHistoryRow, PersonHistory, PersonStatus } from './types';

export type TimelineEvent =
  | { key: string; date: string; kind: 'org'; org: string; post: string | null }
  | { key: string; date: string; kind: 'post'; post: string }
  | { key: string; date: string; kind: 'rank'; rank: string }
  | { key: string; date: string; kind: 'level'; sequence: LevelHistoryRow['sequence']; level: string }
  | { key: string; date: string; kind: 'status'; status: PersonStatus };

/** Same-day events in the order a reader expects: where, then as what, then rank, grade and status. */
const ORDER: Record<TimelineEvent['kind'], number> = { org: 0, post: 1, rank: 2, level: 3, status: 4 };

/**
 * One career line out of the five dated histories, newest first. An org row is written for a
 * change of unit *or* post; a post-only change already has its own post row, so org rows that
 * keep the previous unit are left out to avoid saying the same thing twice.
 */
export function mergeHistory(history: PersonHistory): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let previousOrg: string | null = null;
  for (const row of history.orgs) {
    if (row.org_id !== previousOrg) {
      // The post goes with the unit only where no post row of the same day says it.
      const postRow = history.posts.some((post) => post.start_date === row.start_date);
      events.push({ key: `org-${row.id}`, date: row.start_date, kind: 'org', org: row.org_name, post: postRow ? null : row.post });
    }
    previousOrg = row.org_id;
  }
  for (const row of history.posts) events.push({ key: `post-${row.id}`, date: row.start_date, kind: 'post', post: row.post });
  for (const row of history.ranks) events.push({ key: `rank-${row.id}`, date: row.start_date, kind: 'rank', rank: row.rank });
  for (const row of history.levels) {
    events.push({ key: `level-${row.id}`, date: row.start_date, kind: 'level', sequence: row.sequence, level: row.level });
  }
  // The first status row records "serving" at entry; only later changes are news.
  history.statuses.forEach((row, index) => {
    if (index > 0 || row.status !== 'serving')
      events.push({ key: `status-${row.id}`, date: row.start_date, kind: 'status', status: row.status });
  });
  return events.sort((a, b) => (a.date === b.date ? ORDER[a.kind] - ORDER[b.kind] : a.date < b.date ? 1 : -1));
}
