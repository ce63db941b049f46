import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  Bank,
  DrawnPaper,
  PaperDetail,
  PaperInput,
  PaperRule,
  PaperSummary,
  QuestionDetail,
  QuestionFilter,
  QuestionInput,
  QuestionListItem,
  QuestionVersion,
  RuleCheck,
  Tags,
} from './types';

export const BASE = '/api/v1/question-bank';
export const qbKeys = {
  all: ['question-bank'] as const,
  banks: ['question-bank', 'banks'] as const,
  tags: (bankIds: string[]) => ['question-bank', 'tags', bankIds] as const,
  questions: (q: object) => ['question-bank', 'questions', q] as const,
  question: (id: string) => ['question-bank', 'question', id] as const,
  version: (id: string, no: number) => ['question-bank', 'question', id, 'version', no] as const,
  papers: (q: object) => ['question-bank', 'papers', q] as const,
  paper: (id: string) => ['question-bank', 'paper', id] as const,
};

export const useBanks = () =>
  useQuery({ queryKey: qbKeys.banks, queryFn: ({ signal }) => api.get<Bank[]>(`${BASE}/banks`, undefined, signal) });

/** Tag values in use, optionally within some banks (the API takes repeated bankId parameters). */
export const useTags = (bankIds: string[] = []) =>
  useQuery({
    queryKey: qbKeys.tags(bankIds),
    queryFn: ({ signal }) => {
      const qs = bankIds.map((id) => `bankId=${encodeURIComponent(id)}`).join('&');
      return api.get<Tags>(`${BASE}/tags${qs ? `?${qs}` : ''}`, undefined, signal);
    },
  });

export const useQuestions = (q: QuestionFilter & { page: number; pageSize: number; sort?: string }) =>
  useQuery({
    queryKey: qbKeys.questions(q),
    queryFn: ({ signal }) => api.get<{ items: QuestionListItem[]; total: number }>(`${BASE}/questions`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });

export const useQuestion = (id: string | undefined) =>
  useQuery({
    queryKey: qbKeys.question(id ?? ''),
    queryFn: ({ signal }) => api.get<QuestionDetail>(`${BASE}/questions/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useQuestionVersion = (id: string, no: number | undefined) =>
  useQuery({
    queryKey: qbKeys.version(id, no ?? 0),
    queryFn: ({ signal }) => api.get<QuestionVersion>(`${BASE}/questions/${id}/versions/${no}`, undefined, signal),
    enabled: no !== undefined,
  });

export const usePapers = (q: { page: number; pageSize: number; q?: string; kind?: string; sort?: string; status?: string }) =>
  useQuery({
    queryKey: qbKeys.papers(q),
    queryFn: ({ signal }) => api.get<{ items: PaperSummary[]; total: number }>(`${BASE}/papers`, q, signal),
    placeholderData: keepPreviousData,
  });

export const usePaper = (id: string | undefined) =>
  useQuery({
    queryKey: qbKeys.paper(id ?? ''),
    queryFn: ({ signal }) => api.get<PaperDetail>(`${BASE}/papers/${id}`, undefined, signal),
    enabled: !!id,
  });

export const checkRules = (bankIds: string[], rules: PaperRule[]) =>
  api.post<{ checks: RuleCheck[] }>(`${BASE}/papers/check-rules`, { bankIds, rules });
export const previewPaper = (id: string) => api.get<DrawnPaper>(`${BASE}/papers/${id}/preview`);

/** Mutations invalidate everything of the feature: lists, counts and tags all move together. */
function useQbMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: qbKeys.all }) });
}

export const useCreateBank = () =>
  useQbMutation((b: { name: string; description?: string; orgId: string }) => api.post<Bank>(`${BASE}/banks`, b));
export const useSetBankRetired = () =>
  useQbMutation((a: { id: string; retired: boolean }) => api.post<Bank>(`${BASE}/banks/${a.id}/${a.retired ? 'retire' : 'restore'}`));
export const useCreateQuestion = () =>
  useQbMutation((q: QuestionInput & { bankId: string }) => api.post<QuestionDetail>(`${BASE}/questions`, q));
export const useUpdateQuestion = () =>
  useQbMutation((a: { id: string; body: QuestionInput }) => api.put<QuestionDetail>(`${BASE}/questions/${a.id}`, a.body));
export const useSetQuestionRetired = () =>
  useQbMutation((a: { id: string; retired: boolean }) =>
    api.post<QuestionDetail>(`${BASE}/questions/${a.id}/${a.retired ? 'retire' : 'restore'}`),
  );
export const useCreatePaper = () => useQbMutation((p: PaperInput & { orgId: string }) => api.post<PaperDetail>(`${BASE}/papers`, p));
export const useUpdatePaper = () =>
  useQbMutation((a: { id: string; body: PaperInput }) => api.put<PaperDetail>(`${BASE}/papers/${a.id}`, a.body));
export const useSetPaperRetired = () =>
  useQbMutation((a: { id: string; retired: boolean }) =>
    api.post<PaperDetail>(`${BASE}/papers/${a.id}/${a.retired ? 'retire' : 'restore'}`),
  );
