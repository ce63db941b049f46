import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';

/** Code tables the statistics show by name. */
export type StatsDict = 'sex' | 'political_status' | 'education' | 'police_rank' | 'police_officer_level';
const DICTS: readonly StatsDict[] = ['sex', 'political_status', 'education', 'police_rank', 'police_officer_level'];

interface DictDetail {
  items: { code: string; name: string; nameEn?: string }[];
}

const dataOf = (results: { data?: DictDetail }[]) => results.map((result) => result.data);

/** `name(dict, code)` in the UI language. Same cache key as the dictionaries page: fetched once per session. */
export function useDictNames(): (dict: StatsDict, code: string) => string {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const tables = useQueries({
    queries: DICTS.map((code) => ({
      queryKey: ['dicts', 'detail', code],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<DictDetail>(`/api/v1/dicts/${code}`, undefined, signal),
      staleTime: Infinity,
      gcTime: Infinity,
    })),
    combine: dataOf,
  });
  const maps = useMemo(
    () =>
      new Map(
        DICTS.map((dict, index) => [
          dict,
          new Map((tables[index]?.items ?? []).map((item) => [item.code, english ? (item.nameEn ?? item.name) : item.name])),
        ]),
      ),
    [tables, english],
  );
  return useCallback((dict, code) => maps.get(dict)?.get(code) ?? code, [maps]);
}
