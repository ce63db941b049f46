import type { ProvinceStatsRow, ProvinceStatsView } from '@zhenggong/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export type { ProvinceStatsRow, ProvinceStatsView };

export interface ProvinceStatsQuery {
  /** Absent: one row per city; a city code: one row per branch of that city. */
  cityCode?: string;
  year?: number;
}

/** GET /api/v1/province/stats (server modules/province). */
export function useProvinceStats(query: ProvinceStatsQuery) {
  return useQuery({
    queryKey: ['province', 'stats', query],
    queryFn: ({ signal }) => api.get<ProvinceStatsView>('/api/v1/province/stats', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}
