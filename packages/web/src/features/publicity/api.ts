import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountList,
  CreateAccountBody,
  CreateReporterBody,
  MyOutputBody,
  OutputView,
  RankingView,
  ReporterView,
  VerifyOutputBody,
} from '@zhenggong/core';
import { api } from '../../shared/api/client';
import type { Paged } from '../../shared/api/types';

const BASE = '/api/v1/publicity';

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['publicity'] });
}

export interface OutputFilter {
  status?: OutputView['status'];
  month?: string;
  keyword?: string;
  page: number;
  pageSize: number;
}
export const useOutputs = (q: OutputFilter) =>
  useQuery({
    queryKey: ['publicity', 'outputs', q],
    queryFn: ({ signal }) => api.get<Paged<OutputView>>(`${BASE}/outputs`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
export function useVerify() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VerifyOutputBody }) => api.post<OutputView>(`${BASE}/outputs/${id}/verify`, body),
    onSuccess: done,
  });
}
export function useReject() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<OutputView>(`${BASE}/outputs/${id}/reject`, { reason }),
    onSuccess: done,
  });
}
export const useRanking = (period: string, by: 'person' | 'unit') =>
  useQuery({
    queryKey: ['publicity', 'ranking', period, by],
    queryFn: ({ signal }) => api.get<RankingView>(`${BASE}/rankings`, { period, by }, signal),
  });
export const useReporters = () =>
  useQuery({
    queryKey: ['publicity', 'reporters'],
    queryFn: ({ signal }) => api.get<{ items: ReporterView[] }>(`${BASE}/reporters`, undefined, signal),
  });
export function useAddReporter() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateReporterBody) => api.post<ReporterView>(`${BASE}/reporters`, body), onSuccess: done });
}
export const useAccounts = () =>
  useQuery({ queryKey: ['publicity', 'accounts'], queryFn: ({ signal }) => api.get<AccountList>(`${BASE}/accounts`, undefined, signal) });
export function useAddAccount() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateAccountBody) => api.post(`${BASE}/accounts`, body), onSuccess: done });
}
export const useMyOutputs = () =>
  useQuery({
    queryKey: ['publicity', 'mine'],
    queryFn: ({ signal }) => api.get<{ items: OutputView[]; total: number; isReporter: boolean }>(`${BASE}/my/outputs`, undefined, signal),
  });
export function useSubmitMine() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: MyOutputBody) => api.post<OutputView>(`${BASE}/my/outputs`, body), onSuccess: done });
}

/** Points are kept in tenths. */
export const pointsText = (tenths: number | null) => (tenths === null ? '—' : (tenths / 10).toFixed(1));
