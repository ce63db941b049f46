import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  BatchDecisionBody,
  BatchDecisionResult,
  CalendarBody,
  CalendarYear,
  CaseDetail,
  NotificationPage,
  TodoCounts,
  TodoPage,
  TodoQuery,
} from '@zhenggong/core';

const BASE = '/api/v1/workflow';
const all = ['workflow'] as const;

/** The to-do list's query as the page always sends it: a box and a page are always chosen. */
export type TodoFilter = Required<Pick<TodoQuery, 'box' | 'page' | 'pageSize'>> & Pick<TodoQuery, 'module' | 'keyword'>;

export const useTodo = (q: TodoFilter) =>
  useQuery({
    queryKey: ['workflow', 'todo', q],
    queryFn: ({ signal }) => api.get<TodoPage>(`${BASE}/todo`, { ...q }, signal),
  });

/** Polled so the bell and the home card stay current while a page is open. */
export const useTodoCounts = () =>
  useQuery({
    queryKey: ['workflow', 'counts'],
    queryFn: ({ signal }) => api.get<TodoCounts>(`${BASE}/todo/counts`, undefined, signal),
    refetchInterval: 60_000,
  });

export const useCase = (id: string | undefined) =>
  useQuery({
    queryKey: ['workflow', 'case', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<CaseDetail>(`${BASE}/cases/${encodeURIComponent(id ?? '')}`, undefined, signal),
  });

export const useNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: ['workflow', 'notifications'],
    enabled,
    queryFn: ({ signal }) => api.get<NotificationPage>(`${BASE}/notifications`, { pageSize: 10 }, signal),
  });

/** Every case action refreshes the lists, the counts and the open case; a decision may change module data too. */
export function useCaseAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, path, body }: { id: string; path: string; body: object }) =>
      api.post<{ ok: true }>(`${BASE}/cases/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Several to-dos decided at once; the server answers case by case. */
export function useBatchDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BatchDecisionBody) => api.post<BatchDecisionResult>(`${BASE}/cases/batch`, body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ ok: true }>(`${BASE}/notifications/read`, { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: all }),
  });
}

export const useCalendar = (year: number) =>
  useQuery({
    queryKey: ['workflow', 'calendar', year],
    queryFn: ({ signal }) => api.get<CalendarYear>(`${BASE}/calendar/${year}`, undefined, signal),
  });

export function useSaveCalendar(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarBody) => api.put<CalendarYear>(`${BASE}/calendar/${year}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workflow', 'calendar', year] }),
  });
}
