import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { ApiError, NETWORK_ERROR } from '../../shared/api/api-error';
import { api, buildHeaders, toApiError, type Method } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';
import type { GradeAnswerResponse, ItemAnalysisResponse, MakeUpBody, MyExamsResponse } from '@zhenggong/core';
import type {
  Exam,
  ExamineeRow,
  ExamInput,
  ExamListQuery,
  ExamStats,
  ExamSummary,
  GradingItem,
  ItemResponse,
  MyResult,
  PaperOption,
  SessionStatus,
  StartAnswer,
  SubmitAnswer,
} from './types';

const BASE = '/api/v1/exams';
const examPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;
const minePath = (examId: string) => `${BASE}/mine/${encodeURIComponent(examId)}`;

/** Every exams query starts with 'exams', so one invalidation refreshes lists, details and statistics. */
export const examKeys = {
  all: ['exams'] as const,
  list: (query: ExamListQuery) => ['exams', 'list', query] as const,
  detail: (id: string) => ['exams', 'detail', id] as const,
  examinees: (id: string, query: object) => ['exams', 'examinees', id, query] as const,
  stats: (id: string) => ['exams', 'stats', id] as const,
  items: (id: string) => ['exams', 'item-analysis', id] as const,
  grading: (examId: string | undefined) => ['exams', 'grading', examId ?? ''] as const,
  mine: ['exams', 'mine'] as const,
  result: (examId: string) => ['exams', 'mine', 'result', examId] as const,
  papers: (keyword: string) => ['exams', 'papers', keyword] as const,
};

// ——— staff ———

export function useExams(query: ExamListQuery) {
  return useQuery({
    queryKey: examKeys.list(query),
    queryFn: ({ signal }) => api.get<Paged<ExamSummary>>(BASE, { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** 考试管理's list as filtered on screen, as xlsx (the server ignores paging). */
export const exportExams = ({ page: _page, pageSize: _pageSize, ...filter }: ExamListQuery) =>
  downloadFile(`${BASE}/export.xlsx`, { ...filter }, 'exams.xlsx');

export function useExam(id: string) {
  return useQuery({ queryKey: examKeys.detail(id), queryFn: ({ signal }) => api.get<Exam>(examPath(id), undefined, signal) });
}

function useExamMutation<TInput, TOutput>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: examKeys.all }) });
}

export const useCreateExam = () => useExamMutation((input: ExamInput) => api.post<Exam>(BASE, input));
export const useUpdateExam = (id: string) => useExamMutation((input: Partial<ExamInput>) => api.patch<Exam>(examPath(id), input));
export const useScheduleExam = () => useExamMutation((id: string) => api.post<Exam>(`${examPath(id)}/schedule`));
export const useCancelExam = () => useExamMutation((id: string) => api.post<Exam>(`${examPath(id)}/cancel`));
export const usePublishResults = () => useExamMutation((id: string) => api.post<Exam>(`${examPath(id)}/publish-results`));
export const useMakeUp = (id: string) => useExamMutation((input: MakeUpBody) => api.post<Exam>(`${examPath(id)}/make-up`, input));

export interface ExamineeQuery {
  status?: SessionStatus;
  orgId?: string;
  page: number;
  pageSize: number;
}

/** The proctor's roster; refreshed every `refreshMs` while the exam runs. */
export function useExaminees(id: string, query: ExamineeQuery, refreshMs: number | false) {
  return useQuery({
    queryKey: examKeys.examinees(id, query),
    queryFn: ({ signal }) => api.get<Paged<ExamineeRow>>(`${examPath(id)}/examinees`, { ...query }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
  });
}

export function useExamStats(id: string, enabled: boolean) {
  return useQuery({
    queryKey: examKeys.stats(id),
    queryFn: ({ signal }) => api.get<ExamStats>(`${examPath(id)}/stats`, { groupBy: 'unit' }, signal),
    enabled,
  });
}

export function useItemAnalysis(id: string, enabled: boolean) {
  return useQuery({
    queryKey: examKeys.items(id),
    queryFn: ({ signal }) => api.get<ItemAnalysisResponse>(`${examPath(id)}/item-analysis`, undefined, signal),
    enabled,
  });
}

/** Papers to schedule from (the question bank's list; only id and title are used here). */
export function usePaperOptions(keyword: string, enabled: boolean) {
  return useQuery({
    queryKey: examKeys.papers(keyword),
    queryFn: ({ signal }) =>
      api.get<Paged<PaperOption>>('/api/v1/question-bank/papers', { q: keyword || undefined, page: 1, pageSize: 50 }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Roles to target (only offered to users who may read roles). */
export function useRoleOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['exams', 'roles'],
    queryFn: ({ signal }) => api.get<{ id: string; name: string }[]>('/api/v1/roles', undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** People to target by name (only offered to users who may read personnel). */
export function usePersonOptions(keyword: string, enabled: boolean) {
  return useQuery({
    queryKey: ['exams', 'people', keyword],
    queryFn: ({ signal }) =>
      api.get<Paged<{ id: string; name: string; orgName?: string; policeNumber?: string | null }>>(
        '/api/v1/personnel/people',
        { keyword, page: 1, pageSize: 20 },
        signal,
      ),
    enabled: enabled && keyword.length > 0,
    placeholderData: keepPreviousData,
  });
}

// ——— grading ———

export function useGradingQueue(examId: string | undefined) {
  return useQuery({
    queryKey: examKeys.grading(examId),
    queryFn: ({ signal }) => api.get<Paged<GradingItem>>(`${BASE}/grading/queue`, { examId }, signal),
  });
}

export const useGrade = () =>
  useExamMutation((input: { answerId: string; score: number; comment?: string }) =>
    api.post<GradeAnswerResponse>(`${BASE}/grading/${encodeURIComponent(input.answerId)}`, {
      score: input.score,
      comment: input.comment || undefined,
    }),
  );

// ——— examinee ———

export function useMyExams() {
  return useQuery({ queryKey: examKeys.mine, queryFn: ({ signal }) => api.get<MyExamsResponse>(`${BASE}/mine`, undefined, signal) });
}

export function useMyResult(examId: string, enabled: boolean) {
  return useQuery({
    queryKey: examKeys.result(examId),
    queryFn: ({ signal }) => api.get<MyResult>(`${minePath(examId)}/result`, undefined, signal),
    enabled,
  });
}

/**
 * Examinee writes carry the session token (header x-exam-session): the newest start owns the
 * session, so a second device silently taking over is answered 409 on the old one.
 */
async function sessionRequest<T>(method: Method, path: string, token: string, body?: unknown): Promise<T> {
  const headers = buildHeaders(method, body !== undefined);
  headers.set('x-exam-session', token);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const startExam = (examId: string) => api.post<StartAnswer>(`${minePath(examId)}/start`);

export const saveAnswer = (examId: string, token: string, no: number, response: ItemResponse, seq: number) =>
  sessionRequest<{ savedAt: string }>('PUT', `${minePath(examId)}/answers/${no}`, token, { response, seq });

export const reportFocusLoss = (examId: string, token: string, type: 'blur' | 'hidden') =>
  sessionRequest<void>('POST', `${minePath(examId)}/events`, token, { type });

export const submitExam = (examId: string, token: string) => sessionRequest<SubmitAnswer>('POST', `${minePath(examId)}/submit`, token, {});
