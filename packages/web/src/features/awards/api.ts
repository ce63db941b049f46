import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AwardDetail,
  AwardPage,
  AwardStats,
  CampaignDetail,
  CampaignRow,
  DisciplineDetail,
  DisciplinePage,
  LibraryView,
  NominateResponse,
  SuspiciousReport,
} from '@zhenggong/core';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';

const A = '/api/v1/awards';
const D = '/api/v1/discipline';
const E = '/api/v1/exemplars';

export interface AwardQuery {
  status?: string;
  level?: string;
  year?: number;
  keyword?: string;
  page: number;
  pageSize: number;
}

export const useAwards = (q: AwardQuery) =>
  useQuery({
    queryKey: ['awards', 'list', q],
    queryFn: ({ signal }) => api.get<AwardPage>(`${A}/nominations`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const useAward = (id: string | null) =>
  useQuery({
    queryKey: ['awards', 'one', id],
    queryFn: ({ signal }) => api.get<AwardDetail>(`${A}/nominations/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
export const useAwardStats = (year?: number) =>
  useQuery({ queryKey: ['awards', 'stats', year], queryFn: ({ signal }) => api.get<AwardStats>(`${A}/stats`, { year }, signal) });

function useAwardsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['awards'] }) });
}
export const useNominate = () => useAwardsMutation((body: Record<string, unknown>) => api.post<NominateResponse>(`${A}/nominations`, body));
export const useDecide = (id: string) =>
  useAwardsMutation((body: { decisionNo: string; decisionDate: string; issuer: string }) =>
    api.post<AwardDetail>(`${A}/nominations/${id}/decision`, body),
  );
export const useDeliver = (id: string) =>
  useAwardsMutation((body: { deliveredOn: string; deliveredBy: string; atHome: boolean; note?: string }) =>
    api.post<AwardDetail>(`${A}/nominations/${id}/delivery`, body),
  );
export const downloadApprovalForm = (id: string) => downloadFile(`${A}/nominations/${id}/approval-form.docx`, {}, '奖励审批表.docx');
export const downloadRegister = (year?: number) => downloadFile(`${A}/register.xlsx`, { year }, '奖励登记册.xlsx');

export interface PersonOption {
  id: string;
  name: string;
  orgName: string;
  policeNumber: string | null;
}
export const searchPeople = (keyword: string) =>
  api.get<Paged<PersonOption>>('/api/v1/personnel/people', { keyword, pageSize: 20, status: 'serving' }).then((p) => p.items);

export const useDiscipline = (q: { status?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['awards', 'discipline', q],
    queryFn: ({ signal }) => api.get<DisciplinePage>(`${D}/records`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const useDisciplineRecord = (id: string | null) =>
  useQuery({
    queryKey: ['awards', 'discipline-one', id],
    queryFn: ({ signal }) => api.get<DisciplineDetail>(`${D}/records/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
export const useCreateDiscipline = () =>
  useAwardsMutation((body: Record<string, unknown>) => api.post<{ id: string }>(`${D}/records`, body));
export const useLift = (id: string) =>
  useAwardsMutation((body: { liftedOn: string; docNo?: string }) => api.post<DisciplineDetail>(`${D}/records/${id}/lift`, body));

export const useCampaigns = () =>
  useQuery({
    queryKey: ['awards', 'campaigns'],
    queryFn: ({ signal }) => api.get<{ items: CampaignRow[] }>(`${E}/campaigns`, undefined, signal),
  });
export const useCampaign = (id: string) =>
  useQuery({
    queryKey: ['awards', 'campaign', id],
    queryFn: ({ signal }) => api.get<CampaignDetail>(`${E}/campaigns/${id}`, undefined, signal),
  });
export const useSuspicious = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['awards', 'suspicious', id],
    queryFn: ({ signal }) => api.get<SuspiciousReport>(`${E}/campaigns/${id}/suspicious`, undefined, signal),
    enabled,
  });
export const useLibrary = () =>
  useQuery({ queryKey: ['awards', 'library'], queryFn: ({ signal }) => api.get<LibraryView>(`${E}/library`, undefined, signal) });
export const useCreateCampaign = () =>
  useAwardsMutation((body: Record<string, unknown>) => api.post<{ id: string }>(`${E}/campaigns`, body));
export const useCampaignAction = (id: string) =>
  useAwardsMutation((action: 'open-voting' | 'close-voting') => api.post<{ id: string }>(`${E}/campaigns/${id}/${action}`));
export const useNominateCandidate = (id: string) =>
  useAwardsMutation((body: { personId: string; deeds: string }) => api.post<{ id: string }>(`${E}/campaigns/${id}/candidates`, body));
export const useVote = (id: string) =>
  useAwardsMutation((candidateIds: string[]) => api.post<{ id: string }>(`${E}/campaigns/${id}/ballots`, { candidateIds }));
export const useAnnounce = (id: string) =>
  useAwardsMutation((winnerIds: string[]) => api.post<{ id: string }>(`${E}/campaigns/${id}/announce`, { winnerIds }));
/** A photo's address: the browser sends the session cookie; the server audits each view. */
export const libraryPhotoUrl = (id: string, photo: string) => `${E}/library/${id}/photos/${photo}`;
/** A photo goes as multipart (field `file`); the platform intake judges it by its bytes. */
export const useAddLibraryPhoto = () =>
  useAwardsMutation(async ({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    const res = await fetch(`${E}/library/${id}/photos`, {
      method: 'POST',
      body: form,
      headers: buildHeaders('POST', false),
      credentials: 'same-origin',
    });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as { id: string };
  });
export const useRemoveLibraryPhoto = () =>
  useAwardsMutation(({ id, photo }: { id: string; photo: string }) => api.delete(libraryPhotoUrl(id, photo)));
export const downloadLibrary = () => downloadFile(`${E}/library.xlsx`, {}, '典型库.xlsx');
