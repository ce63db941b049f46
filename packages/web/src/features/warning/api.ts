import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlertDetailResponse,
  AlertListResponse,
  CockpitResponse,
  ReportSections,
  ReportView,
  SelfViewResponse,
} from '@zhenggong/core';
import { api } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';

const BASE = '/api/v1/warning';

export interface AlertQuery {
  status?: string;
  level?: string;
  orgId?: string;
  page: number;
  pageSize: number;
}

export const useAlerts = (q: AlertQuery) =>
  useQuery({
    queryKey: ['warning', 'alerts', q],
    queryFn: ({ signal }) => api.get<AlertListResponse>(`${BASE}/alerts`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export const useAlert = (id: string | null) =>
  useQuery({
    queryKey: ['warning', 'alert', id],
    queryFn: ({ signal }) => api.get<AlertDetailResponse>(`${BASE}/alerts/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });

export type AlertAction = 'assign' | 'consultations' | 'measures' | 'follow-ups' | 'close' | 'dismiss';

export function useAlertAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: AlertAction; body: object }) =>
      api.post<{ id: string; status: string; caseId: string | null }>(`${BASE}/alerts/${id}/${action}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['warning'] }),
  });
}

export const useSelfView = () =>
  useQuery({ queryKey: ['warning', 'self'], queryFn: ({ signal }) => api.get<SelfViewResponse>(`${BASE}/self`, undefined, signal) });

export function useFileAppeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { factRef: string; reason: string }) => api.post<{ id: string }>(`${BASE}/self/appeals`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['warning', 'self'] }),
  });
}

export const useCockpit = (q: { asOf?: string; orgId?: string }) =>
  useQuery({
    queryKey: ['warning', 'cockpit', q],
    queryFn: ({ signal }) => api.get<CockpitResponse>(`${BASE}/cockpit`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export interface DrillQuery {
  asOf: string;
  orgId: string;
  figure: string;
  key?: string;
  page: number;
  pageSize: number;
}
export interface DrillRow {
  personId: string;
  name: string;
  orgName: string;
  kind: string;
  ageBand: string;
  rank: string | null;
}
export const useDrill = (q: DrillQuery | null) =>
  useQuery({
    queryKey: ['warning', 'drill', q],
    queryFn: ({ signal }) => api.get<{ total: number; items: DrillRow[] }>(`${BASE}/cockpit/drill`, { ...q }, signal),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });

export const useReports = (quarter: string) =>
  useQuery({
    queryKey: ['warning', 'reports', quarter],
    queryFn: ({ signal }) => api.get<{ items: ReportView[] }>(`${BASE}/reports`, { quarter }, signal),
  });

export const useReportSummary = (quarter: string) =>
  useQuery({
    queryKey: ['warning', 'summary', quarter],
    queryFn: ({ signal }) =>
      api.get<{ quarter: string; rows: { orgId: string; orgName: string; status: string; figures: Record<string, number> }[] }>(
        `${BASE}/reports/summary`,
        { quarter },
        signal,
      ),
  });

export function useReportMutations() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['warning'] });
  return {
    create: useMutation({
      mutationFn: (body: { orgId: string; quarter: string }) => api.post<ReportView>(`${BASE}/reports`, body),
      onSuccess: done,
    }),
    save: useMutation({
      mutationFn: ({ id, sections }: { id: string; sections: ReportSections }) =>
        api.put<ReportView>(`${BASE}/reports/${id}`, { sections }),
      onSuccess: done,
    }),
    submit: useMutation({ mutationFn: (id: string) => api.post<ReportView>(`${BASE}/reports/${id}/submit`), onSuccess: done }),
  };
}

export const downloadReport = (r: ReportView) => downloadFile(`${BASE}/reports/${r.id}/docx`, {}, `${r.orgName}${r.quarter}.docx`);
