import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';

const BASE = '/api/v1/competitions';

export type Level = 'province' | 'city' | 'branch' | 'unit';
export interface EventSummary {
  id: string;
  title: string;
  level: Level;
  orgId: string;
  orgName: string;
  startDate: string;
  endDate: string;
  description: string | null;
  status: 'open' | 'published';
  publishedAt: string | null;
}
export interface Item {
  id: string;
  name: string;
  kind: 'individual' | 'team';
  direction: 'higher' | 'lower';
  unit: string | null;
  maxTeamSize: number | null;
}
export interface Person {
  id: string;
  name: string;
  policeNumber: string | null;
}
export interface Entry {
  id: string;
  itemId: string;
  orgId: string;
  orgName: string;
  teamName: string | null;
  score: number | null;
  people: Person[];
}
export interface EventDetail extends EventSummary {
  items: Item[];
  entries: Entry[];
}
export interface RankedEntry {
  entryId: string;
  rank: number | null;
  points: number;
  score: number | null;
  orgId: string;
  orgName: string;
  teamName: string | null;
  people: Person[];
}
export interface Rankings {
  rule: Record<'zh-CN' | 'en-US', string>;
  items: { itemId: string; name: string; kind: Item['kind']; direction: Item['direction']; unit: string | null; entries: RankedEntry[] }[];
  units: { orgId: string; orgName: string; points: number; rank: number; medals: { first: number; second: number; third: number } }[];
}
export interface ScoreProblem {
  row?: number;
  column?: string;
  entryId?: string;
  code: string;
  value?: string;
}

export const competitionKeys = {
  all: ['competitions'] as const,
  list: (q: object) => ['competitions', 'list', q] as const,
  detail: (id: string) => ['competitions', 'detail', id] as const,
  rankings: (id: string) => ['competitions', 'rankings', id] as const,
};

export function useEvents(q: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: competitionKeys.list(q),
    queryFn: ({ signal }) => api.get<Paged<EventSummary>>(BASE, q, signal),
    placeholderData: keepPreviousData,
  });
}
/** 比武竞赛 list as filtered on screen, as xlsx. */
export const exportEvents = (filter: { q?: string }) => downloadFile(`${BASE}/export.xlsx`, filter, 'competitions.xlsx');
export const useEvent = (id: string) =>
  useQuery({ queryKey: competitionKeys.detail(id), queryFn: ({ signal }) => api.get<EventDetail>(`${BASE}/${id}`, undefined, signal) });
export const useRankings = (id: string) =>
  useQuery({
    queryKey: competitionKeys.rankings(id),
    queryFn: ({ signal }) => api.get<Rankings>(`${BASE}/${id}/rankings`, undefined, signal),
  });

/** Every change refreshes the event and its rankings. */
function useEventMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: competitionKeys.all }) });
}
export const useCreateEvent = () =>
  useEventMutation((body: { title: string; level: Level; orgId: string; startDate: string; endDate: string; description?: string }) =>
    api.post<EventDetail>(BASE, body),
  );
export const useAddItem = (id: string) =>
  useEventMutation((body: { name: string; kind: Item['kind']; direction: Item['direction']; unit?: string; maxTeamSize?: number }) =>
    api.post<{ id: string }>(`${BASE}/${id}/items`, body),
  );
export const useRemoveItem = (id: string) => useEventMutation((itemId: string) => api.delete(`${BASE}/${id}/items/${itemId}`));
export const useAddEntry = (id: string) =>
  useEventMutation((body: { itemId: string; orgId: string; personIds: string[]; teamName?: string }) =>
    api.post<{ id: string }>(`${BASE}/${id}/entries`, body),
  );
export const useRemoveEntry = (id: string) => useEventMutation((entryId: string) => api.delete(`${BASE}/${id}/entries/${entryId}`));
export const useSaveScores = (id: string) =>
  useEventMutation((scores: { entryId: string; score: string | number | null }[]) =>
    api.put<{ changed: number }>(`${BASE}/${id}/scores`, { scores }),
  );
export const usePublish = (id: string) => useEventMutation(() => api.post<Rankings>(`${BASE}/${id}/publish`));

export const downloadTemplate = (id: string) => downloadFile(`${BASE}/${id}/scores/template`, {}, 'scores.xlsx');

/** Sends the sheet as multipart (field `file`); all-or-nothing on the server. */
export function useImportScores(id: string) {
  return useEventMutation(async (file: File) => {
    const form = new FormData();
    form.append('file', file);
    const headers = buildHeaders('POST', false);
    const res = await fetch(`${BASE}/${id}/scores/import`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as { changed: number };
  });
}

export interface PersonOption {
  id: string;
  name: string;
  policeNumber: string | null;
  orgName: string;
}
export const searchPeople = (keyword: string) =>
  api.get<Paged<PersonOption>>('/api/v1/personnel/people', { keyword, pageSize: 20, status: 'serving' }).then((p) => p.items);
