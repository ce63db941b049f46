import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export type PersonKind = 'officer' | 'auxiliary';

export interface StatsQuery {
  orgId?: string;
  /** YYYY-MM-DD; absent = today, serving and seconded people by their current unit. */
  asOf?: string;
  kind?: PersonKind;
}

/** One group of a breakdown; `key` is a code (or an age band, a kind), null = not recorded. */
export interface Bucket {
  key: string | null;
  count: number;
}

export interface UnitBucket {
  orgId: string;
  orgName: string;
  count: number;
}

/** GET /api/v1/personnel/stats (server `person-stats.ts`). */
export interface PersonStats {
  asOf: string;
  orgId: string | null;
  total: number;
  /** Children of the chosen org (or of the caller's roots), each counted with its whole subtree. */
  byUnit: UnitBucket[];
  byRank: Bucket[];
  byLevel: Bucket[];
  byAge: Bucket[];
  byEducation: Bucket[];
  byPolitical: Bucket[];
  bySex: Bucket[];
  byKind: Bucket[];
}

export function useStats(query: StatsQuery) {
  return useQuery({
    queryKey: ['personnel', 'stats', query],
    queryFn: ({ signal }) => api.get<PersonStats>('/api/v1/personnel/stats', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
