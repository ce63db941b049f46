import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CadreProfileResponse,
  DueListResponse,
  PromotionView,
  RetirementResponse,
  SimulationResponse,
  TeamView,
  YoungView,
} from '@zhenggong/core';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile, filenameFromDisposition, saveBlob } from '../../shared/api/download';

const BASE = '/api/v1/cadres';

export interface DueFilter {
  month: string;
  track?: 'grade' | 'tech' | 'rank';
  status?: 'eligible' | 'blocked' | 'all';
  orgId?: string;
  keyword?: string;
  page: number;
  pageSize: number;
}

export function useDueList(q: DueFilter) {
  return useQuery({
    queryKey: ['cadres', 'due', q],
    queryFn: ({ signal }) => api.get<DueListResponse>(`${BASE}/due`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCadreProfile(id: string | null) {
  return useQuery({
    queryKey: ['cadres', 'person', id],
    queryFn: ({ signal }) => api.get<CadreProfileResponse>(`${BASE}/people/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useCreatePromotion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { personId: string; track: 'grade' | 'tech' | 'rank'; note?: string }) =>
      api.post<{ id: string; caseId: string }>(`${BASE}/promotions`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cadres'] }),
  });
}

export function usePromotions(q: { status?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['cadres', 'promotions', q],
    queryFn: ({ signal }) => api.get<{ items: PromotionView[]; total: number }>(`${BASE}/promotions`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export const downloadPromotionForm = (id: string) =>
  downloadFile(`${BASE}/promotions/${encodeURIComponent(id)}/form.docx`, {}, '晋升审批表.docx');
export const downloadRoster = (orgId?: string) => downloadFile(`${BASE}/roster.xlsx`, { orgId }, '干部名册.xlsx');

export interface RuleSetSummary {
  id: string;
  kind: string;
  name: string;
  effectiveFrom: string;
  evidence: string;
  source: string;
  note: string | null;
  editable: boolean;
  basedOn: string | null;
}
export function useRuleSets() {
  return useQuery({
    queryKey: ['cadres', 'rule-sets'],
    queryFn: ({ signal }) => api.get<{ items: RuleSetSummary[] }>(`${BASE}/rule-sets`, undefined, signal),
  });
}

export interface SimulationRequest {
  ruleSetId: string;
  compareWith?: string;
  orgId?: string;
  date?: string;
  status?: string;
  page: number;
  pageSize: number;
}
export function useSimulation(q: SimulationRequest | null) {
  return useQuery({
    queryKey: ['cadres', 'simulation', q],
    queryFn: () => api.post<SimulationResponse>(`${BASE}/simulations`, q),
    enabled: q !== null,
    placeholderData: keepPreviousData,
  });
}

/** The what-if workbook is a POST (its body is the what-if), so it is fetched and saved by hand. */
export async function downloadSimulation(q: Omit<SimulationRequest, 'page' | 'pageSize'>): Promise<void> {
  const response = await fetch(`${BASE}/simulations/export`, {
    method: 'POST',
    headers: buildHeaders('POST', true),
    body: JSON.stringify(q),
    credentials: 'same-origin',
  });
  if (!response.ok) throw await toApiError(response);
  saveBlob(await response.blob(), filenameFromDisposition(response.headers.get('Content-Disposition'), '套改测算.xlsx'));
}

export function useCreateBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ruleSetId: string; orgId?: string; date?: string }) =>
      api.post<{ id: string; caseId: string; people: number }>(`${BASE}/conversion-batches`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cadres'] }),
  });
}

export function useRetirement(q: { fromYear: number; toYear: number; orgId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['cadres', 'retirement', q],
    queryFn: ({ signal }) => api.get<RetirementResponse>(`${BASE}/retirement`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTeam(orgId: string | null) {
  return useQuery({
    queryKey: ['cadres', 'team', orgId],
    queryFn: ({ signal }) => api.get<TeamView>(`${BASE}/teams/${encodeURIComponent(orgId ?? '')}`, undefined, signal),
    enabled: orgId !== null,
  });
}

export function useYoung() {
  return useQuery({ queryKey: ['cadres', 'young'], queryFn: ({ signal }) => api.get<YoungView>(`${BASE}/young`, undefined, signal) });
}
