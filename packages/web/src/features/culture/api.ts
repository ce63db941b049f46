import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CollectionDetail,
  CollectionView,
  ContestDetail,
  ContestEntryView,
  ContestView,
  CreateCollectionBody,
  CreateContestBody,
  CreateProgrammeBody,
  JudgingList,
  MyCollectionList,
  MyContestView,
  MyProgrammeView,
  ParticipationBody,
  ProgrammeDetail,
  ProgrammeView,
  ReviewWorkBody,
  WorkView,
} from '@zhenggong/core';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';

const BASE = '/api/v1/culture';

function useCultureMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['culture'] }) });
}

export interface ProgrammeFilter {
  kind?: ProgrammeView['kind'];
  status?: ProgrammeView['status'];
  keyword?: string;
  page: number;
  pageSize: number;
}
export const useProgrammes = (q: ProgrammeFilter) =>
  useQuery({
    queryKey: ['culture', 'programmes', q],
    queryFn: ({ signal }) => api.get<Paged<ProgrammeView>>(`${BASE}/programmes`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const exportProgrammes = (q: ProgrammeFilter) => {
  const { page: _p, pageSize: _s, ...filter } = q;
  return downloadFile(`${BASE}/programmes/export.xlsx`, { ...filter }, '文化活动.xlsx');
};
export const useProgramme = (id: string) =>
  useQuery({
    queryKey: ['culture', 'programme', id],
    queryFn: ({ signal }) => api.get<ProgrammeDetail>(`${BASE}/programmes/${id}`, undefined, signal),
  });
export const useCreateProgramme = () =>
  useCultureMutation((body: CreateProgrammeBody) => api.post<ProgrammeView>(`${BASE}/programmes`, body));
export const usePublishProgramme = () => useCultureMutation((id: string) => api.post<ProgrammeView>(`${BASE}/programmes/${id}/publish`));
export const useParticipation = (id: string) =>
  useCultureMutation((body: ParticipationBody) => api.post<ProgrammeDetail>(`${BASE}/programmes/${id}/participation`, body));

export const useContests = (page: number) =>
  useQuery({
    queryKey: ['culture', 'contests', page],
    queryFn: ({ signal }) => api.get<Paged<ContestView>>(`${BASE}/contests`, { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
export const useContest = (id: string) =>
  useQuery({
    queryKey: ['culture', 'contest', id],
    queryFn: ({ signal }) => api.get<ContestDetail>(`${BASE}/contests/${id}`, undefined, signal),
  });
export const useCreateContest = () => useCultureMutation((body: CreateContestBody) => api.post<ContestView>(`${BASE}/contests`, body));
export const usePublishContest = () => useCultureMutation((id: string) => api.post<ContestDetail>(`${BASE}/contests/${id}/publish`));
export const downloadEntry = (id: string, name: string) => downloadFile(`${BASE}/entries/${id}/file`, {}, name);

export const useCollections = (page: number) =>
  useQuery({
    queryKey: ['culture', 'collections', page],
    queryFn: ({ signal }) => api.get<Paged<CollectionView>>(`${BASE}/collections`, { page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
export const useCollection = (id: string) =>
  useQuery({
    queryKey: ['culture', 'collection', id],
    queryFn: ({ signal }) => api.get<CollectionDetail>(`${BASE}/collections/${id}`, undefined, signal),
  });
export const useCreateCollection = () =>
  useCultureMutation((body: CreateCollectionBody) => api.post<CollectionView>(`${BASE}/collections`, body));
export const useReviewWork = () =>
  useCultureMutation(({ id, ...body }: ReviewWorkBody & { id: string }) => api.post<WorkView>(`${BASE}/works/${id}/review`, body));
export const downloadWork = (id: string, name: string) => downloadFile(`${BASE}/works/${id}/file`, {}, name);
export const exportCollection = (id: string, title: string) => downloadFile(`${BASE}/collections/${id}/export.docx`, {}, `${title}.docx`);

export const useMyProgrammes = () =>
  useQuery({
    queryKey: ['culture', 'my', 'programmes'],
    queryFn: ({ signal }) => api.get<{ items: MyProgrammeView[] }>(`${BASE}/my/programmes`, undefined, signal),
  });
export const useRegister = () => useCultureMutation((id: string) => api.post<MyProgrammeView>(`${BASE}/my/programmes/${id}/register`));
export const useCancelRegistration = () => useCultureMutation((id: string) => api.post(`${BASE}/my/programmes/${id}/cancel`));
export const useMyContests = () =>
  useQuery({
    queryKey: ['culture', 'my', 'contests'],
    queryFn: ({ signal }) => api.get<{ items: MyContestView[] }>(`${BASE}/my/contests`, undefined, signal),
  });
export const useSubmitEntry = () =>
  useCultureMutation(({ id, ...body }: { id: string; title: string; text?: string | null }) =>
    api.post<ContestEntryView>(`${BASE}/my/contests/${id}/entries`, body),
  );
export const useMyCollections = () =>
  useQuery({
    queryKey: ['culture', 'my', 'collections'],
    queryFn: ({ signal }) => api.get<MyCollectionList>(`${BASE}/my/collections`, undefined, signal),
  });
export const useSubmitWork = () =>
  useCultureMutation(({ id, ...body }: { id: string; title: string; text?: string | null }) =>
    api.post<WorkView>(`${BASE}/my/collections/${id}/works`, body),
  );
export const useMyJudging = () =>
  useQuery({
    queryKey: ['culture', 'my', 'judging'],
    queryFn: ({ signal }) => api.get<JudgingList>(`${BASE}/my/judging`, undefined, signal),
  });
export const useScore = () =>
  useCultureMutation(({ id, score }: { id: string; score: number }) => api.put<JudgingList>(`${BASE}/my/judging/${id}`, { score }));

/** An entry's or a work's file goes as multipart (field `file`); the server types it by its bytes. */
export const useUploadFile = () =>
  useCultureMutation(async ({ path, file }: { path: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    const res = await fetch(`${BASE}${path}`, {
      method: 'POST',
      body: form,
      headers: buildHeaders('POST', false),
      credentials: 'same-origin',
    });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as unknown;
  });
