import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppealView,
  ConfirmGradesResponse,
  ListAppealsResponse,
  ListCareContactsResponse,
  ListDailyEntriesResponse,
  ListRoundsResponse,
  ListSchemesResponse,
  ListTalksResponse,
  MyResultsResponse,
  ResultDetailResponse,
  RoundDetailResponse,
  RoundView,
  SchemeView,
  TalkRemindersResponse,
  CreateSchemeBody,
  DailyEntryBody,
  TalkBody,
  CareContactBody,
} from '@zhenggong/core';
import { api } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';

const BASE = '/api/v1/assessment';
const KEY = ['assessment'] as const;

function useAsmMutation<A, R>(fn: (args: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useSchemes = () =>
  useQuery({ queryKey: [...KEY, 'schemes'], queryFn: ({ signal }) => api.get<ListSchemesResponse>(`${BASE}/schemes`, {}, signal) });
export const useRounds = () =>
  useQuery({ queryKey: [...KEY, 'rounds'], queryFn: ({ signal }) => api.get<ListRoundsResponse>(`${BASE}/rounds`, {}, signal) });
export const useRound = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'round', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<RoundDetailResponse>(`${BASE}/rounds/${id}`, {}, signal),
  });
export const useResult = (roundId: string, resultId: string | null) =>
  useQuery({
    queryKey: [...KEY, 'result', roundId, resultId],
    enabled: resultId !== null,
    queryFn: ({ signal }) => api.get<ResultDetailResponse>(`${BASE}/rounds/${roundId}/results/${resultId}`, {}, signal),
  });
export const useAppeals = () =>
  useQuery({ queryKey: [...KEY, 'appeals'], queryFn: ({ signal }) => api.get<ListAppealsResponse>(`${BASE}/appeals`, {}, signal) });
export const useMyResults = () =>
  useQuery({ queryKey: [...KEY, 'my'], queryFn: ({ signal }) => api.get<MyResultsResponse>(`${BASE}/my`, {}, signal) });
export const useMyResult = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'my', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<ResultDetailResponse>(`${BASE}/my/results/${id}`, {}, signal),
  });

export const useCreateScheme = () => useAsmMutation((body: CreateSchemeBody) => api.post<SchemeView>(`${BASE}/schemes`, body));
export const usePublishScheme = () => useAsmMutation((id: string) => api.post<SchemeView>(`${BASE}/schemes/${id}/publish`));
export const useOpenRound = () =>
  useAsmMutation((body: { schemeId: string; orgId: string; period: string; startDate: string; endDate: string }) =>
    api.post<RoundView>(`${BASE}/rounds`, body),
  );
export const useManualScores = () =>
  useAsmMutation((a: { roundId: string; resultId: string; scores: { key: string; points: number; evidence: string }[] }) =>
    api.put<RoundDetailResponse>(`${BASE}/rounds/${a.roundId}/results/${a.resultId}/manual`, { scores: a.scores }),
  );
export const useSubmitRound = () => useAsmMutation((id: string) => api.post<{ id: string; caseId: string }>(`${BASE}/rounds/${id}/submit`));
export const useConfirmGrades = () =>
  useAsmMutation((a: { roundId: string; grades: { resultId: string; grade: string }[] }) =>
    api.post<ConfirmGradesResponse>(`${BASE}/rounds/${a.roundId}/grades`, { grades: a.grades }),
  );
export const useDecideAppeal = () =>
  useAsmMutation((a: { id: string; uphold: boolean; indicatorKey?: string; points?: number; note: string }) => {
    const { id, ...body } = a;
    return api.post<AppealView>(`${BASE}/appeals/${id}/decision`, body);
  });
export const useFileAppeal = () =>
  useAsmMutation((a: { resultId: string; reason: string; indicatorKey?: string }) => {
    const { resultId, ...body } = a;
    return api.post<AppealView>(`${BASE}/my/results/${resultId}/appeals`, body);
  });
export const downloadReport = (roundId: string, format: 'xlsx' | 'docx') =>
  downloadFile(`${BASE}/rounds/${roundId}/report`, { format }, `assessment.${format}`);

export const useEntries = () =>
  useQuery({
    queryKey: [...KEY, 'entries'],
    queryFn: ({ signal }) => api.get<ListDailyEntriesResponse>(`${BASE}/daily/entries`, {}, signal),
  });
export const useTalks = () =>
  useQuery({ queryKey: [...KEY, 'talks'], queryFn: ({ signal }) => api.get<ListTalksResponse>(`${BASE}/daily/talks`, {}, signal) });
export const useCare = () =>
  useQuery({ queryKey: [...KEY, 'care'], queryFn: ({ signal }) => api.get<ListCareContactsResponse>(`${BASE}/daily/care`, {}, signal) });
export const useTalkReminders = () =>
  useQuery({
    queryKey: [...KEY, 'reminders'],
    queryFn: ({ signal }) => api.get<TalkRemindersResponse>(`${BASE}/daily/talk-reminders`, {}, signal),
  });
export const useAddEntry = () => useAsmMutation((body: DailyEntryBody) => api.post<{ id: string }>(`${BASE}/daily/entries`, body));
export const useAddTalk = () => useAsmMutation((body: TalkBody) => api.post<{ id: string }>(`${BASE}/daily/talks`, body));
export const useAddCare = () => useAsmMutation((body: CareContactBody) => api.post<{ id: string }>(`${BASE}/daily/care`, body));
