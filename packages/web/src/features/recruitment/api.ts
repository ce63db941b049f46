import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { ApiError, NETWORK_ERROR } from '../../shared/api/api-error';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type {
  HireBody,
  ListApplicationsResponse,
  HireResponse,
  ImportScoresResponse,
  IssueTicketsResponse,
  OpenPublicityResponse,
  ShortlistResponse,
  UpdateAnnouncementBody,
} from '@zhenggong/core';
import type {
  Announcement,
  AnnouncementInput,
  AnnouncementRow,
  ApplicationDetail,
  ApplicationStages,
  ApplicationStatus,
  PostCount,
  PostInput,
  RankingAnswer,
  Scores,
  Weights,
} from './types';

const BASE = '/api/v1/recruitment';
const enc = encodeURIComponent;

export const recruitmentPath = {
  photo: (id: string) => `${BASE}/applications/${enc(id)}/photo`,
};

/** Every key starts with 'recruitment' so one invalidation after a change refreshes all views. */
export const recruitmentKeys = {
  all: ['recruitment'] as const,
  announcements: ['recruitment', 'announcements'] as const,
  announcement: (id: string) => ['recruitment', 'announcement', id] as const,
  counts: (id: string) => ['recruitment', 'counts', id] as const,
  applications: (q: ApplicationQuery) => ['recruitment', 'applications', q] as const,
  application: (id: string) => ['recruitment', 'application', id] as const,
  ranking: (id: string) => ['recruitment', 'ranking', id] as const,
};

export interface ApplicationQuery {
  announcementId?: string;
  postId?: string;
  status?: ApplicationStatus;
  keyword?: string;
  page: number;
  pageSize: number;
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: recruitmentKeys.all });
}

export function useAnnouncements() {
  return useQuery({
    queryKey: recruitmentKeys.announcements,
    queryFn: ({ signal }) => api.get<AnnouncementRow[]>(`${BASE}/announcements`, undefined, signal),
  });
}

export function useAnnouncement(id: string) {
  return useQuery({
    queryKey: recruitmentKeys.announcement(id),
    queryFn: ({ signal }) => api.get<Announcement>(`${BASE}/announcements/${enc(id)}`, undefined, signal),
  });
}

export function useCreateAnnouncement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AnnouncementInput) => api.post<Announcement>(`${BASE}/announcements`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateAnnouncement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: UpdateAnnouncementBody) => api.patch<Announcement>(`${BASE}/announcements/${enc(id)}`, input),
    onSuccess: invalidate,
  });
}

export function usePublishAnnouncement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post<Announcement>(`${BASE}/announcements/${enc(id)}/publish`), onSuccess: invalidate });
}

export function useSavePost(announcementId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: PostInput }) =>
      id ? api.patch(`${BASE}/posts/${enc(id)}`, input) : api.post(`${BASE}/announcements/${enc(announcementId)}/posts`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePost() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete(`${BASE}/posts/${enc(id)}`), onSuccess: invalidate });
}

/** Live counts: refreshed every 15 seconds while the page is open. */
export function useCounts(id: string) {
  return useQuery({
    queryKey: recruitmentKeys.counts(id),
    queryFn: ({ signal }) => api.get<PostCount[]>(`${BASE}/announcements/${enc(id)}/counts`, undefined, signal),
    refetchInterval: 15_000,
  });
}

export function useApplications(query: ApplicationQuery) {
  return useQuery({
    queryKey: recruitmentKeys.applications(query),
    queryFn: ({ signal }) => api.get<ListApplicationsResponse>(`${BASE}/applications`, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: recruitmentKeys.application(id),
    queryFn: ({ signal }) => api.get<ApplicationDetail>(`${BASE}/applications/${enc(id)}`, undefined, signal),
    // Each view is audited: do not refetch on every window focus.
    refetchOnWindowFocus: false,
  });
}

export function useReview(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (decision: { approve: true } | { approve: false; reason: string }) =>
      decision.approve
        ? api.post<ApplicationDetail>(`${BASE}/applications/${enc(id)}/approve`)
        : api.post<ApplicationDetail>(`${BASE}/applications/${enc(id)}/reject`, { reason: decision.reason }),
    onSuccess: invalidate,
  });
}

export function useIssueTickets(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<IssueTicketsResponse>(`${BASE}/announcements/${enc(id)}/tickets`),
    onSuccess: invalidate,
  });
}

export function useSaveWeights(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (weights: Weights) => api.put<Weights>(`${BASE}/announcements/${enc(id)}/weights`, weights),
    onSuccess: invalidate,
  });
}

export function usePublishScores(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => api.post(`${BASE}/announcements/${enc(id)}/scores/publish`), onSuccess: invalidate });
}

export function useSaveScores(applicationId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (scores: Scores) => api.put<Scores>(`${BASE}/applications/${enc(applicationId)}/scores`, scores),
    onSuccess: invalidate,
  });
}

export const downloadScoreTemplate = (id: string) =>
  downloadFile(`${BASE}/announcements/${enc(id)}/scores/template`, {}, 'scores-template.xlsx');

/** Multipart upload of the score sheet; a dry run checks only, a commit stores all or nothing. */
export async function importScores(id: string, file: File, dryRun: boolean): Promise<ImportScoresResponse> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${BASE}/announcements/${enc(id)}/scores/import${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: buildHeaders('POST', false),
      body: form,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as ImportScoresResponse;
}

export function useRanking(id: string) {
  return useQuery({
    queryKey: recruitmentKeys.ranking(id),
    queryFn: ({ signal }) => api.get<RankingAnswer>(`${BASE}/announcements/${enc(id)}/ranking`, undefined, signal),
  });
}

export function useShortlist(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (applicationIds: string[]) => api.post<ShortlistResponse>(`${BASE}/announcements/${enc(id)}/shortlist`, { applicationIds }),
    onSuccess: invalidate,
  });
}

/** 公示 of everyone who passed 体检: the period is the workflow's, in working days. */
export function usePublicity(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => api.post<OpenPublicityResponse>(`${BASE}/announcements/${enc(id)}/publicity`),
    onSuccess: invalidate,
  });
}

export function useStages(applicationId: string | null) {
  return useQuery({
    queryKey: ['recruitment', 'stages', applicationId],
    enabled: applicationId !== null,
    queryFn: ({ signal }) => api.get<ApplicationStages>(`${BASE}/applications/${enc(applicationId ?? '')}/stages`, undefined, signal),
  });
}

/** One mutation per stage action; each answers with the application's stages and refreshes every view. */
export function useStageAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ applicationId, action, body }: { applicationId: string; action: string; body: unknown }) =>
      api.post<unknown>(`${BASE}/applications/${enc(applicationId)}/${action}`, body),
    onSuccess: invalidate,
  });
}

export function useHire() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ applicationId, ...body }: HireBody & { applicationId: string }) =>
      api.post<HireResponse>(`${BASE}/applications/${enc(applicationId)}/hire`, body),
    onSuccess: invalidate,
  });
}

export async function downloadApplicationFile(applicationId: string, fileId: string, name: string): Promise<void> {
  await downloadFile(`${BASE}/applications/${enc(applicationId)}/files/${enc(fileId)}`, {}, name);
}
