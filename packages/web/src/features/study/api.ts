import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type {
  CampaignProgressResponse,
  ListCampaignsResponse,
  ListMaterialsResponse,
  ListRecordsResponse,
  PendingRecordsResponse,
  StudyCampaign,
  StudyMaterial,
} from '@zhenggong/core';

const BASE = '/api/v1/study';
const all = ['study'] as const;

export const useMaterials = (q: { page: number; pageSize: number; keyword?: string }) =>
  useQuery({
    queryKey: ['study', 'materials', q],
    queryFn: ({ signal }) => api.get<ListMaterialsResponse>(`${BASE}/materials`, q, signal),
  });
export const useRecords = (q: { page: number; pageSize: number; status?: string; keyword?: string }) =>
  useQuery({
    queryKey: ['study', 'records', q],
    queryFn: ({ signal }) => api.get<ListRecordsResponse>(`${BASE}/records`, q, signal),
  });
export const useApprovals = () =>
  useQuery({
    queryKey: ['study', 'approvals'],
    queryFn: ({ signal }) => api.get<PendingRecordsResponse>(`${BASE}/approvals`, { pageSize: 200 }, signal),
  });
export const useCampaigns = () =>
  useQuery({
    queryKey: ['study', 'campaigns'],
    queryFn: ({ signal }) => api.get<ListCampaignsResponse>(`${BASE}/campaigns`, undefined, signal),
  });
export const useCampaignProgress = (id: string | undefined) =>
  useQuery({
    queryKey: ['study', 'campaign', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<CampaignProgressResponse>(`${BASE}/campaigns/${id}`, undefined, signal),
  });

export const downloadMaterial = (m: StudyMaterial) => downloadFile(`${BASE}/materials/${m.id}/file`, {}, m.fileName ?? 'material');

function useWrite<TInput, TOutput = unknown>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: all }) });
}

export interface MaterialInput {
  title: string;
  kind: 'document' | 'link';
  orgId: string;
  url?: string;
  hours: number;
  minReadMinutes: number;
  description?: string;
  campaignId?: string;
}
/** Creates the material, then sends its document (multipart field `file`) when there is one. */
export const useCreateMaterial = () =>
  useWrite(async (input: { body: MaterialInput; file?: File }) => {
    const created = await api.post<StudyMaterial>(`${BASE}/materials`, input.body);
    if (input.file) {
      const form = new FormData();
      form.append('file', input.file);
      // No JSON content type: the browser sets the multipart boundary itself; the CSRF token comes with the shared headers.
      const res = await fetch(`${BASE}/materials/${created.id}/file`, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: buildHeaders('POST', false),
      });
      if (!res.ok) throw await toApiError(res);
    }
    return created;
  });
export const useCreateCampaign = () =>
  useWrite(
    (input: {
      title: string;
      orgId: string;
      startDate: string;
      endDate: string;
      requiredHours: number;
      description?: string;
      target: object;
    }) => api.post<StudyCampaign>(`${BASE}/campaigns`, input),
  );
/** A decision is an action on the declaration's workflow case; a rejection carries its reason. */
export const useDecide = () =>
  useWrite((input: { caseId: string; approve: boolean; note?: string }) =>
    api.post<{ ok: true }>(
      `/api/v1/workflow/cases/${encodeURIComponent(input.caseId)}/${input.approve ? 'approve' : 'reject'}`,
      input.approve ? (input.note ? { comment: input.note } : {}) : { reason: input.note ?? '' },
    ),
  );
