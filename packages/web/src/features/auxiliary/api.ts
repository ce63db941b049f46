import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type {
  ApplyAdjustmentResponse,
  CreateContractBody,
  CreateContractResponse,
  ExitBody,
  GradeEntriesBody,
  OpenMonthBody,
  PayAdjustmentBody,
  RenewContractBody,
  SetPayGradeBody,
  UniformBody,
} from '@zhenggong/core';
import type {
  AdjustmentRequest,
  AdjustmentPreview,
  Adjustment,
  MonthGrid,
  MonthSummary,
  OfficerDetail,
  OfficerList,
  Reminders,
  RuleValues,
  RuleVersion,
  UniformDue,
} from './types';

const BASE = '/api/v1/auxiliary';

/** Every query key starts with 'auxiliary', so one invalidation after a change refreshes all views. */
export const auxKeys = { all: ['auxiliary'] as const };

export interface OfficerQuery {
  orgId?: string;
  keyword?: string;
  status?: 'serving' | 'left' | 'all';
  page: number;
  pageSize: number;
}

export function useOfficers(q: OfficerQuery) {
  return useQuery({
    queryKey: ['auxiliary', 'officers', q],
    queryFn: ({ signal }) => api.get<OfficerList>(`${BASE}/officers`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

/** 辅警名单 as filtered on screen, as xlsx (the server ignores paging). */
export const exportOfficers = ({ page: _page, pageSize: _pageSize, ...filter }: OfficerQuery) =>
  downloadFile(`${BASE}/officers/export.xlsx`, { ...filter }, 'auxiliary-officers.xlsx');

export function useOfficer(id: string | null) {
  return useQuery({
    queryKey: ['auxiliary', 'officer', id],
    queryFn: ({ signal }) => api.get<OfficerDetail>(`${BASE}/officers/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

export function useReminders(days?: number) {
  return useQuery({
    queryKey: ['auxiliary', 'reminders', days],
    queryFn: ({ signal }) => api.get<Reminders>(`${BASE}/contracts/reminders`, { days }, signal),
  });
}

export function useUniformsDue() {
  return useQuery({
    queryKey: ['auxiliary', 'uniforms-due'],
    queryFn: ({ signal }) => api.get<UniformDue[]>(`${BASE}/uniforms/due`, undefined, signal),
  });
}

export function useRule<K extends keyof RuleValues>(path: K, date?: string) {
  return useQuery({
    queryKey: ['auxiliary', 'rule', path, date],
    queryFn: ({ signal }) =>
      api.get<{ inForce: RuleVersion<RuleValues[K]>; versions: RuleVersion<RuleValues[K]>[] }>(`${BASE}/rules/${path}`, { date }, signal),
  });
}

export function useMonths(month: string | undefined, orgId: string | undefined) {
  return useQuery({
    queryKey: ['auxiliary', 'months', month, orgId],
    queryFn: ({ signal }) => api.get<MonthSummary[]>(`${BASE}/assessment-months`, { month, orgId }, signal),
    enabled: Boolean(month && orgId),
  });
}

export function useMonth(id: string | undefined) {
  return useQuery({
    queryKey: ['auxiliary', 'month', id],
    queryFn: ({ signal }) => api.get<MonthGrid>(`${BASE}/assessment-months/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useAdjustments() {
  return useQuery({
    queryKey: ['auxiliary', 'adjustments'],
    queryFn: ({ signal }) => api.get<Adjustment[]>(`${BASE}/pay-adjustments`, undefined, signal),
  });
}

/** A mutation that refreshes every auxiliary view when it succeeds. */
function useAuxMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: auxKeys.all }) });
}

export const useCreateContract = () =>
  useAuxMutation((a: CreateContractBody & { personId: string }) => {
    const { personId, ...body } = a;
    return api.post<CreateContractResponse>(`${BASE}/officers/${personId}/contracts`, body);
  });
export const useRenewContract = () =>
  useAuxMutation((a: RenewContractBody & { contractId: string }) => {
    const { contractId, ...body } = a;
    return api.post<{ id: string }>(`${BASE}/contracts/${contractId}/renew`, body);
  });
export const useAddUniform = () =>
  useAuxMutation((a: UniformBody & { personId: string }) => {
    const { personId, ...body } = a;
    return api.post<{ id: string }>(`${BASE}/officers/${personId}/uniforms`, body);
  });
export const useExit = () =>
  useAuxMutation((a: ExitBody & { personId: string }) => {
    const { personId, ...body } = a;
    return api.post<{ id: string }>(`${BASE}/officers/${personId}/exit`, body);
  });
export const useSetPayGrade = () =>
  useAuxMutation((a: SetPayGradeBody & { personId: string }) => {
    const { personId, ...body } = a;
    return api.post(`${BASE}/officers/${personId}/pay-grades`, body);
  });
export const useAddRuleVersion = <K extends keyof RuleValues>(path: K) =>
  useAuxMutation((a: { effectiveFrom: string; value: RuleValues[K] }) => api.post(`${BASE}/rules/${path}`, a));
export const useOpenMonth = () => useAuxMutation((a: OpenMonthBody) => api.post<{ id: string }>(`${BASE}/assessment-months`, a));
export const useSetFund = () =>
  useAuxMutation((a: { id: string; fundFen: number }) =>
    api.put<MonthGrid>(`${BASE}/assessment-months/${a.id}/fund`, { fundFen: a.fundFen }),
  );
export const useSaveEntries = () =>
  useAuxMutation((a: GradeEntriesBody & { id: string }) =>
    api.put<MonthGrid>(`${BASE}/assessment-months/${a.id}/entries`, { entries: a.entries }),
  );
export const useConfirmMonth = () => useAuxMutation((id: string) => api.post<MonthGrid>(`${BASE}/assessment-months/${id}/confirm`));
export const downloadPayoutSheet = (id: string, month: string) =>
  downloadFile(`${BASE}/assessment-months/${id}/payout-sheet.xlsx`, {}, `payout-${month}.xlsx`);
export const previewAdjustment = (req: AdjustmentRequest) => api.post<AdjustmentPreview>(`${BASE}/pay-adjustments/preview`, req);
export const useApplyAdjustment = () =>
  useAuxMutation((req: PayAdjustmentBody) => api.post<ApplyAdjustmentResponse>(`${BASE}/pay-adjustments`, req));

/** Money is integer fen (分) on the wire; people read yuan with two decimals. */
export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : (fen / 100).toFixed(2));
export const toFen = (yuanValue: number | null | undefined): number => Math.round((yuanValue ?? 0) * 100);

export const downloadGradeTemplate = (id: string, month: string) =>
  downloadFile(`${BASE}/assessment-months/${id}/template.xlsx`, {}, `grades-${month}.xlsx`);

/** Uploads a filled grading template; all rows are saved or none (the error lists row and column). */
export function useImportGrades() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (a: { id: string; file: File }) => {
      const body = new FormData();
      body.append('file', a.file, a.file.name);
      // No Content-Type: the browser writes the multipart boundary itself.
      const response = await fetch(`${BASE}/assessment-months/${a.id}/import`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: buildHeaders('POST', false),
        body,
      });
      if (!response.ok) throw await toApiError(response);
      return (await response.json()) as MonthGrid;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auxKeys.all }),
  });
}
