import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildHeaders, toApiError } from '../../shared/api/client';
import { downloadFile } from '../../shared/api/download';
import type { Paged } from '../../shared/api/types';

const BASE = '/api/v1/talent';

export type InstructorGrade = 'junior' | 'intermediate' | 'senior';
export type InstructorStatus = 'active' | 'suspended' | 'dismissed' | 'expired';
export interface Instructor {
  id: string;
  personId: string;
  name: string;
  policeNumber: string | null;
  orgId: string;
  orgName: string;
  grade: InstructorGrade;
  subjects: string[];
  appointedOn: string;
  expiresOn: string | null;
  status: InstructorStatus;
  note: string | null;
  lectures: number;
  reviews: number;
  averageScore: number | null;
}
export interface Review {
  id: string;
  reviewerKind: 'trainee' | 'supervisor';
  reviewerName: string | null;
  score: number;
  comment: string | null;
  createdAt: string;
}
export interface Lecture {
  id: string;
  date: string;
  title: string;
  subject: string | null;
  hours: number;
  audience: string | null;
  averageScore: number | null;
  reviews: Review[];
}
export interface InstructorDetail extends Instructor {
  lectureList: Lecture[];
}
export type InstructorFilter = { q?: string; grade?: InstructorGrade; status?: InstructorStatus; subject?: string };

export type TalentGrade = 'reserve' | 'backbone' | 'expert';
export interface Category {
  id: string;
  name: string;
  keywords: string[];
  sortOrder: number;
  active: boolean;
}
export interface Evidence {
  rule: 'education' | 'award' | 'competition' | 'instructor';
  keyword: string;
  text: string;
  date: string | null;
}
export interface Suggestion {
  personId: string;
  name: string;
  orgName: string;
  categoryId: string;
  categoryName: string;
  proposedGrade: TalentGrade;
  evidence: Evidence[];
}
export interface Member {
  id: string;
  personId: string;
  name: string;
  policeNumber: string | null;
  orgName: string;
  categoryId: string;
  categoryName: string;
  grade: TalentGrade;
  status: 'active' | 'removed';
  source: 'suggestion' | 'manual';
  basis: Evidence[];
  reason: string | null;
  confirmedAt: string;
  removedAt: string | null;
  removedReason: string | null;
}
export type CoursewareStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export interface Courseware {
  id: string;
  kind: 'courseware' | 'micro_course';
  title: string;
  subject: string | null;
  summary: string | null;
  authorName: string;
  orgName: string;
  status: CoursewareStatus;
  fileName: string | null;
  fileType: string | null;
  fileSize: number | null;
  decisionNote: string | null;
  reviews: number;
  averageScore: number | null;
  createdAt: string;
}
export interface CoursewareDetail extends Courseware {
  /** The workflow case that accepts or rejects the submission. */
  caseId: string | null;
  reviewList: { id: string; reviewerName: string; score: number; comment: string | null; updatedAt: string }[];
}

export const talentKeys = { all: ['talent'] as const };
const key = (...parts: unknown[]) => ['talent', ...parts] as const;

export const useInstructors = (q: InstructorFilter & { page: number; pageSize: number }) =>
  useQuery({
    queryKey: key('instructors', q),
    queryFn: ({ signal }) => api.get<Paged<Instructor>>(`${BASE}/instructors`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useInstructor = (id: string) =>
  useQuery({
    queryKey: key('instructor', id),
    queryFn: ({ signal }) => api.get<InstructorDetail>(`${BASE}/instructors/${id}`, undefined, signal),
  });
export const useCategories = () =>
  useQuery({ queryKey: key('categories'), queryFn: ({ signal }) => api.get<Category[]>(`${BASE}/categories`, undefined, signal) });
export const useSuggestions = (enabled: boolean) =>
  useQuery({
    queryKey: key('suggestions'),
    enabled,
    queryFn: ({ signal }) => api.get<Paged<Suggestion>>(`${BASE}/suggestions`, undefined, signal),
  });
export const useMembers = (q: { page: number; pageSize: number; categoryId?: string; status?: 'active' | 'removed' }) =>
  useQuery({
    queryKey: key('members', q),
    queryFn: ({ signal }) => api.get<Paged<Member>>(`${BASE}/members`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useCourseware = (q: { page: number; pageSize: number; status?: CoursewareStatus }) =>
  useQuery({
    queryKey: key('courseware', q),
    queryFn: ({ signal }) => api.get<Paged<Courseware>>(`${BASE}/courseware`, q, signal),
    placeholderData: keepPreviousData,
  });
export const useCoursewareDetail = (id: string | null) =>
  useQuery({
    queryKey: key('courseware-detail', id),
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<CoursewareDetail>(`${BASE}/courseware/${id}`, undefined, signal),
  });

/** Every change refreshes every talent query (lists are small). */
function useTalentMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: talentKeys.all }) });
}
export const useCreateInstructor = () =>
  useTalentMutation(
    (body: { personId: string; grade: InstructorGrade; subjects: string[]; appointedOn: string; expiresOn?: string | null }) =>
      api.post<InstructorDetail>(`${BASE}/instructors`, body),
  );
export const useUpdateInstructor = (id: string) =>
  useTalentMutation(
    (
      body: Partial<{ grade: InstructorGrade; subjects: string[]; status: 'active' | 'suspended' | 'dismissed'; expiresOn: string | null }>,
    ) => api.patch<InstructorDetail>(`${BASE}/instructors/${id}`, body),
  );
export const useAddLecture = (id: string) =>
  useTalentMutation((body: { date: string; title: string; subject?: string; hours: number; audience?: string }) =>
    api.post<{ id: string }>(`${BASE}/instructors/${id}/lectures`, body),
  );
export const useAddLectureReview = (id: string) =>
  useTalentMutation(
    ({
      lectureId,
      ...body
    }: {
      lectureId: string;
      reviewerKind: 'trainee' | 'supervisor';
      reviewerName?: string;
      score: number;
      comment?: string;
    }) => api.post<InstructorDetail>(`${BASE}/instructors/${id}/lectures/${lectureId}/reviews`, body),
  );
export const exportInstructors = (f: InstructorFilter) => downloadFile(`${BASE}/instructors/export.xlsx`, f, 'instructors.xlsx');

export const useDefaultCategories = () => useTalentMutation(() => api.post<{ added: number }>(`${BASE}/categories/defaults`));
export const useConfirmSuggestion = () =>
  useTalentMutation((body: { personId: string; categoryId: string; grade: TalentGrade; note?: string }) =>
    api.post<{ id: string }>(`${BASE}/suggestions/confirm`, body),
  );
export const useDismissSuggestion = () =>
  useTalentMutation((body: { personId: string; categoryId: string; reason: string }) =>
    api.post<void>(`${BASE}/suggestions/dismiss`, body),
  );
export const useAddMember = () =>
  useTalentMutation((body: { personId: string; categoryId: string; grade: TalentGrade; reason: string }) =>
    api.post<{ id: string }>(`${BASE}/members`, body),
  );
export const useRemoveMember = () =>
  useTalentMutation(({ id, reason }: { id: string; reason: string }) => api.post<void>(`${BASE}/members/${id}/remove`, { reason }));

export const useCreateCourseware = () =>
  useTalentMutation((body: { kind: Courseware['kind']; title: string; subject?: string; authorPersonId: string; summary?: string }) =>
    api.post<CoursewareDetail>(`${BASE}/courseware`, body),
  );
export const useReviewCourseware = () =>
  useTalentMutation(({ id, ...body }: { id: string; score: number; comment?: string }) =>
    api.post<CoursewareDetail>(`${BASE}/courseware/${id}/reviews`, body),
  );
export const downloadCourseware = (id: string, name: string) => downloadFile(`${BASE}/courseware/${id}/file`, {}, name);

/** The file goes as multipart (field `file`); the server types it by its bytes. */
export function useUploadCourseware() {
  return useTalentMutation(async ({ id, file }: { id: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    const res = await fetch(`${BASE}/courseware/${id}/file`, {
      method: 'POST',
      body: form,
      headers: buildHeaders('POST', false),
      credentials: 'same-origin',
    });
    if (!res.ok) throw await toApiError(res);
    return (await res.json()) as CoursewareDetail;
  });
}
