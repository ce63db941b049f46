import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityDetail,
  ActivityKind,
  ActivityView,
  CreateActivityBody,
  CreateEssayContestBody,
  CreateSelectionBody,
  CreateSelectionCampaignBody,
  EssayContestDetail,
  EssayContestView,
  MeetingFileView,
  SelectionCampaignView,
  SelectionView,
  AdvanceBody,
  ComplianceView,
  CreateMeetingBody,
  CreateMemberBody,
  CreatePartyOrgBody,
  DuesPaymentBody,
  DuesSheetView,
  MeetingDetail,
  MeetingView,
  MemberDetail,
  MemberView,
  MinutesBody,
  MyMeetingList,
  PartyOrgView,
  PartyStage,
} from '@zhenggong/core';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';

const BASE = '/api/v1/party';

/** Every key starts with 'party', so one invalidation after a change refreshes every view. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['party'] });
}

export const usePartyOrgs = () =>
  useQuery({ queryKey: ['party', 'orgs'], queryFn: ({ signal }) => api.get<{ items: PartyOrgView[] }>(`${BASE}/orgs`, undefined, signal) });

export function useCreatePartyOrg() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreatePartyOrgBody) => api.post<PartyOrgView>(`${BASE}/orgs`, body), onSuccess: done });
}

export interface MemberFilter {
  partyOrgId?: string;
  stage?: PartyStage;
  keyword?: string;
  page: number;
  pageSize: number;
}
export const useMembers = (q: MemberFilter) =>
  useQuery({
    queryKey: ['party', 'members', q],
    queryFn: ({ signal }) => api.get<Paged<MemberView>>(`${BASE}/members`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const useMember = (id: string | null) =>
  useQuery({
    queryKey: ['party', 'member', id],
    queryFn: ({ signal }) => api.get<MemberDetail>(`${BASE}/members/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
export const usePipelineDue = () =>
  useQuery({
    queryKey: ['party', 'due'],
    queryFn: ({ signal }) => api.get<{ today: string; items: MemberView[] }>(`${BASE}/pipeline/due`, undefined, signal),
  });

export function useCreateMember() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateMemberBody) => api.post<MemberDetail>(`${BASE}/members`, body), onSuccess: done });
}
export function useAdvance() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AdvanceBody }) => api.post<MemberDetail>(`${BASE}/members/${id}/steps`, body),
    onSuccess: done,
  });
}

export const useMeetings = (partyOrgId: string | undefined, quarter: string) =>
  useQuery({
    queryKey: ['party', 'meetings', partyOrgId, quarter],
    queryFn: ({ signal }) => api.get<{ items: MeetingView[] }>(`${BASE}/meetings`, { partyOrgId, quarter }, signal),
    enabled: partyOrgId !== undefined,
  });
export const useMeeting = (id: string | null) =>
  useQuery({
    queryKey: ['party', 'meeting', id],
    queryFn: ({ signal }) => api.get<MeetingDetail>(`${BASE}/meetings/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
export const useCompliance = (partyOrgId: string | undefined, quarter: string) =>
  useQuery({
    queryKey: ['party', 'compliance', partyOrgId, quarter],
    queryFn: ({ signal }) => api.get<ComplianceView>(`${BASE}/orgs/${partyOrgId ?? ''}/compliance`, { quarter }, signal),
    enabled: partyOrgId !== undefined,
  });

export function useCreateMeeting() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateMeetingBody) => api.post<MeetingDetail>(`${BASE}/meetings`, body), onSuccess: done });
}
export function useSaveMinutes() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MinutesBody }) => api.put<MeetingDetail>(`${BASE}/meetings/${id}/minutes`, body),
    onSuccess: done,
  });
}
export function useOpenSignIn() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, minutes }: { id: string; minutes: number }) =>
      api.post<{ code: string; closesAt: string }>(`${BASE}/meetings/${id}/sign-in-code`, { minutes }),
    onSuccess: done,
  });
}
export function useMarkLeave() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({
      id,
      personId,
      status,
      reason,
    }: {
      id: string;
      personId: string;
      status: 'present' | 'leave' | 'absent';
      reason?: string;
    }) => api.put<MeetingDetail>(`${BASE}/meetings/${id}/attendance`, { marks: [{ personId, status, reason: reason ?? null }] }),
    onSuccess: done,
  });
}

export const useDuesSheet = (partyOrgId: string | undefined, month: string) =>
  useQuery({
    queryKey: ['party', 'dues', partyOrgId, month],
    queryFn: ({ signal }) => api.get<DuesSheetView>(`${BASE}/orgs/${partyOrgId ?? ''}/dues`, { month }, signal),
    enabled: partyOrgId !== undefined,
  });
export function useRecordDues() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: DuesPaymentBody) => api.post(`${BASE}/dues/payments`, body), onSuccess: done });
}
export const exportDues = (partyOrgId: string, month: string) =>
  downloadFile(`${BASE}/orgs/${partyOrgId}/dues/export.xlsx`, { month }, 'party-dues.xlsx');

export const useMyMeetings = () =>
  useQuery({
    queryKey: ['party', 'my-meetings'],
    queryFn: ({ signal }) => api.get<MyMeetingList>(`${BASE}/my/meetings`, undefined, signal),
  });
export function useMeetingSignIn() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, code }: { id: string; code: string }) =>
      api.post<{ meetingId: string; title: string }>(`${BASE}/my/meetings/${id}/sign-in`, { code }),
    onSuccess: done,
  });
}
export const useMyDues = () =>
  useQuery({
    queryKey: ['party', 'my-dues'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; month: string; dueFen: number; paidFen: number; paidOn: string }[] }>(
        `${BASE}/my/dues`,
        undefined,
        signal,
      ),
  });

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2));

export const useMeetingFiles = (meetingId: string) =>
  useQuery({
    queryKey: ['party', 'meeting-files', meetingId],
    queryFn: ({ signal }) => api.get<{ items: MeetingFileView[] }>(`${BASE}/meetings/${meetingId}/files`, undefined, signal),
  });
/** Sends one attachment as multipart field `file`; the server's intake judges it by content. */
export function useUploadMeetingFile() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: async ({ meetingId, file }: { meetingId: string; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      // No JSON content type: the browser sets the multipart boundary; the CSRF token comes with the shared headers.
      const res = await fetch(`${BASE}/meetings/${meetingId}/files`, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        headers: buildHeaders('POST', false),
      });
      if (!res.ok) throw await toApiError(res);
      return (await res.json()) as MeetingFileView;
    },
    onSuccess: done,
  });
}
export function useRemoveMeetingFile() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ meetingId, fileId }: { meetingId: string; fileId: string }) =>
      api.delete(`${BASE}/meetings/${meetingId}/files/${fileId}`),
    onSuccess: done,
  });
}
export const downloadMeetingFile = (meetingId: string, file: MeetingFileView) =>
  downloadFile(`${BASE}/meetings/${meetingId}/files/${file.id}`, {}, file.fileName);

export interface ActivityFilter {
  kind?: ActivityKind;
  keyword?: string;
  page: number;
  pageSize: number;
}
export const useActivities = (q: ActivityFilter) =>
  useQuery({
    queryKey: ['party', 'activities', q],
    queryFn: ({ signal }) => api.get<Paged<ActivityView>>(`${BASE}/activities`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
export const useActivity = (id: string | null) =>
  useQuery({
    queryKey: ['party', 'activity', id],
    queryFn: ({ signal }) => api.get<ActivityDetail>(`${BASE}/activities/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
export function useCreateActivity() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateActivityBody) => api.post<ActivityDetail>(`${BASE}/activities`, body), onSuccess: done });
}
export function useCompleteActivity() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<ActivityDetail>(`${BASE}/activities/${id}/complete`), onSuccess: done });
}

export const useEssayContests = () =>
  useQuery({
    queryKey: ['party', 'essay-contests'],
    queryFn: ({ signal }) => api.get<{ items: EssayContestView[] }>(`${BASE}/essay-contests`, undefined, signal),
  });
export const useEssayContest = (id: string | null) =>
  useQuery({
    queryKey: ['party', 'essay-contest', id],
    queryFn: ({ signal }) => api.get<EssayContestDetail>(`${BASE}/essay-contests/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
export function useCreateEssayContest() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateEssayContestBody) => api.post<EssayContestDetail>(`${BASE}/essay-contests`, body),
    onSuccess: done,
  });
}
export function useSubmitEssay() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, personId, title }: { id: string; personId: string; title: string }) =>
      api.post<EssayContestDetail>(`${BASE}/essay-contests/${id}/essays`, { personId, title }),
    onSuccess: done,
  });
}
export function useScoreEssays() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, scores }: { id: string; scores: { essayId: string; score: number | null }[] }) =>
      api.put<EssayContestDetail>(`${BASE}/essay-contests/${id}/scores`, { scores }),
    onSuccess: done,
  });
}
export function usePublishEssayContest() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.post<EssayContestDetail>(`${BASE}/essay-contests/${id}/publish`), onSuccess: done });
}

export const useSelectionCampaigns = () =>
  useQuery({
    queryKey: ['party', 'selection-campaigns'],
    queryFn: ({ signal }) => api.get<{ items: SelectionCampaignView[] }>(`${BASE}/selection-campaigns`, undefined, signal),
  });
export const useSelections = () =>
  useQuery({
    queryKey: ['party', 'selections'],
    queryFn: ({ signal }) => api.get<{ items: SelectionView[] }>(`${BASE}/selections`, undefined, signal),
  });
export function useCreateSelectionCampaign() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateSelectionCampaignBody) => api.post<SelectionCampaignView>(`${BASE}/selection-campaigns`, body),
    onSuccess: done,
  });
}
export function useNominate() {
  const done = useInvalidate();
  return useMutation({ mutationFn: (body: CreateSelectionBody) => api.post<SelectionView>(`${BASE}/selections`, body), onSuccess: done });
}
