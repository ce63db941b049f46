import type { StatsQuery } from './api';

/** The breakdowns a click can turn into a list filter, with the list's query parameter. */
export type Breakdown = 'rank' | 'level' | 'age' | 'education' | 'political' | 'sex' | 'kind';

const PARAM: Record<Exclude<Breakdown, 'age'>, string> = {
  rank: 'rank',
  level: 'officerLevel',
  education: 'education',
  political: 'politicalStatus',
  sex: 'sex',
  kind: 'kind',
};

/** Age bands of the server (`person-stats.ts`) as the list's age range. */
const AGE_RANGES: Record<string, { ageMin?: number; ageMax?: number }> = {
  '<30': { ageMax: 29 },
  '30-39': { ageMin: 30, ageMax: 39 },
  '40-49': { ageMin: 40, ageMax: 49 },
  '50-54': { ageMin: 50, ageMax: 54 },
  '55+': { ageMin: 55 },
};

/**
 * `/personnel?…` showing the people behind one bar or slice. The statistics count serving and
 * seconded people for today, or everyone in a unit on an as-of date; the list filters one status,
 * so today's link asks for `serving` (seconded people are left out of the list — see report).
 */
export function personnelLink(query: StatsQuery, breakdown: Breakdown, key: string): string {
  const params = new URLSearchParams();
  if (query.orgId) params.set('orgId', query.orgId);
  if (query.kind) params.set('kind', query.kind);
  if (query.asOf) params.set('asOf', query.asOf);
  else params.set('status', 'serving');
  if (breakdown === 'age') {
    for (const [name, value] of Object.entries(AGE_RANGES[key] ?? {})) params.set(name, String(value));
  } else params.set(PARAM[breakdown], key);
  return `/personnel?${params.toString()}`;
}

/** The list of everyone the statistics count (the "view list" button). */
export function personnelListLink(query: StatsQuery): string {
  const params = new URLSearchParams();
  if (query.orgId) params.set('orgId', query.orgId);
  if (query.kind) params.set('kind', query.kind);
  if (query.asOf) params.set('asOf', query.asOf);
  else params.set('status', 'serving');
  return `/personnel?${params.toString()}`;
}
