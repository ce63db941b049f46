import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type {
  ClassDetail,
  CoverageRequirement,
  CoverageStatusResponse,
  CreateClassBody,
  CreateCoverageBody,
  EvaluationSummaryResponse,
  MyStudyResponse,
  MyTrainingResponse,
  RosterResponse,
  TrainingClass,
} from '@zhenggong/core';

const BASE = '/api/v1/training';
const keys = {
  all: ['training'] as const,
  classes: (q: object) => ['training', 'classes', q] as const,
  detail: (id: string) => ['training', 'class', id] as const,
  roster: (id: string) => ['training', 'class', id, 'roster'] as const,
  evaluations: (id: string) => ['training', 'class', id, 'evaluations'] as const,
  coverageList: ['training', 'coverage'] as const,
  coverage: (id: string, q: object) => ['training', 'coverage', id, q] as const,
  my: ['training', 'my'] as const,
};

export const useClasses = (q: { page: number; pageSize: number; keyword?: string; kind?: string }) =>
  useQuery({
    queryKey: keys.classes(q),
    queryFn: ({ signal }) => api.get<{ items: TrainingClass[]; total: number }>(`${BASE}/classes`, q, signal),
  });
/** 培训班 list as filtered on screen, as xlsx (the server ignores paging). */
export const exportClasses = ({
  page: _page,
  pageSize: _pageSize,
  ...filter
}: {
  page: number;
  pageSize: number;
  keyword?: string;
  kind?: string;
}) => downloadFile(`${BASE}/classes/export.xlsx`, filter, 'training-classes.xlsx');
export const useClass = (id: string) =>
  useQuery({ queryKey: keys.detail(id), queryFn: ({ signal }) => api.get<ClassDetail>(`${BASE}/classes/${id}`, undefined, signal) });
export const useRoster = (id: string) =>
  useQuery({
    queryKey: keys.roster(id),
    queryFn: ({ signal }) => api.get<RosterResponse>(`${BASE}/classes/${id}/roster`, undefined, signal),
  });
export const useEvaluations = (id: string) =>
  useQuery({
    queryKey: keys.evaluations(id),
    queryFn: ({ signal }) => api.get<EvaluationSummaryResponse>(`${BASE}/classes/${id}/evaluations`, undefined, signal),
  });
export const useCoverageList = () =>
  useQuery({ queryKey: keys.coverageList, queryFn: ({ signal }) => api.get<CoverageRequirement[]>(`${BASE}/coverage`, undefined, signal) });
export const useCoverage = (id: string, q: { status: string; branchId?: string; keyword?: string }) =>
  useQuery({
    queryKey: keys.coverage(id, q),
    queryFn: ({ signal }) => api.get<CoverageStatusResponse>(`${BASE}/coverage/${id}`, q, signal),
  });
export const useMyTraining = () =>
  useQuery({ queryKey: keys.my, queryFn: ({ signal }) => api.get<MyTrainingResponse>(`${BASE}/my`, undefined, signal), retry: false });

export const exportCoverage = (id: string, q: { status: string; branchId?: string; keyword?: string }) =>
  downloadFile(`${BASE}/coverage/${id}/export.xlsx`, q, 'coverage.xlsx');

/** Every write refreshes the module's queries: lists, grids and coverage all move together. */
function useWrite<TInput, TOutput = unknown>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateClass = () => useWrite((input: CreateClassBody) => api.post<ClassDetail>(`${BASE}/classes`, input));
export const useEnroll = (id: string) =>
  useWrite((input: { personIds?: string[]; fromTarget?: boolean }) =>
    api.post<{ added: number }>(`${BASE}/classes/${id}/enrollments`, input),
  );
export const useAddSession = (id: string) =>
  useWrite((input: { date: string; title: string; hours: number }) => api.post(`${BASE}/classes/${id}/sessions`, input));
export const useMarkAttendance = (id: string) =>
  useWrite((marks: { sessionId: string; personId: string; present: boolean }[]) =>
    api.put<void>(`${BASE}/classes/${id}/attendance`, { marks }),
  );
export const useOpenSignIn = (id: string) =>
  useWrite((input: { sessionId: string; minutes: number }) =>
    api.post<{ code: string; closesAt: string }>(`${BASE}/classes/${id}/sign-in-code`, input),
  );
export const useConfirmCompletion = (id: string) =>
  useWrite((input: { personIds: string[]; overrideReason?: string }) =>
    api.post<{ completed: number }>(`${BASE}/classes/${id}/completions`, input),
  );
export const useCreateCoverage = () => useWrite((input: CreateCoverageBody) => api.post<CoverageRequirement>(`${BASE}/coverage`, input));
export const useSignIn = () =>
  useWrite((input: { classId: string; code: string }) => api.post(`${BASE}/my/classes/${input.classId}/sign-in`, { code: input.code }));
export const useEvaluate = () =>
  useWrite((input: { classId: string; content: number; teaching: number; organisation: number; comment?: string }) => {
    const { classId, ...body } = input;
    return api.post<void>(`${BASE}/my/classes/${classId}/evaluation`, body);
  });

/* Study self-service lives on the same page (/my-training), through the study API. */
const STUDY = '/api/v1/study';
const studyKey = ['study', 'my'] as const;
export const useMyStudy = () =>
  useQuery({ queryKey: studyKey, queryFn: ({ signal }) => api.get<MyStudyResponse>(`${STUDY}/my`, undefined, signal), retry: false });
function useStudyWrite<TInput, TOutput = unknown>(fn: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: studyKey }) });
}
export const useDeclareStudy = () =>
  useStudyWrite((input: { date: string; hours: number; title: string; note?: string; campaignId?: string }) =>
    api.post(`${STUDY}/my/records`, input),
  );
export const useOpenMaterial = () => useStudyWrite((id: string) => api.post(`${STUDY}/my/materials/${id}/open`));
export const useAcknowledgeMaterial = () =>
  useStudyWrite((id: string) => api.post<{ hours: number }>(`${STUDY}/my/materials/${id}/acknowledge`));
export const downloadMyMaterial = (id: string, name: string) => downloadFile(`${STUDY}/my/materials/${id}/file`, {}, name);
