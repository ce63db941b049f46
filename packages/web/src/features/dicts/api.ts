import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export interface DictSummary {
  code: string;
  name: string;
  nameEn: string;
  /** The national standard the table follows (e.g. GB 3304 for ethnicity). */
  standard: string | null;
  count: number;
}

export interface DictItem {
  code: string;
  name: string;
  nameEn?: string;
  parentCode?: string | null;
}

export interface DictDetail extends Omit<DictSummary, 'count'> {
  items: DictItem[];
}

export const fetchDicts = (signal?: AbortSignal) => api.get<DictSummary[]>('/api/v1/dicts', undefined, signal);
export const fetchDict = (code: string, signal?: AbortSignal) =>
  api.get<DictDetail>(`/api/v1/dicts/${encodeURIComponent(code)}`, undefined, signal);

/** Code tables change only with a release: cache them for the session. */
export function useDicts() {
  return useQuery({ queryKey: ['dicts', 'list'], queryFn: ({ signal }) => fetchDicts(signal), staleTime: Infinity });
}

export function useDict(code: string | null) {
  return useQuery({
    queryKey: ['dicts', 'detail', code],
    queryFn: ({ signal }) => fetchDict(code ?? '', signal),
    enabled: code !== null,
    staleTime: Infinity,
  });
}
