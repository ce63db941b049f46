import type {
  CreateExamBody,
  CreateExamResponse,
  ExamStatsResponse,
  GradingQueueResponse,
  ItemAnalysisResponse,
  ListExamineesResponse,
  ListExamsResponse,
  MyExamsResponse,
  MyResultResponse,
  QuestionType as CoreQuestionType,
  StartExamResponse,
  SubmitExamResponse,
} from '@zhenggong/core';

/**
 * Shapes of /api/v1/exams (docs/api-exams.md): aliases of core's schema types (erased at build),
 * plus the kind and status lists the forms and filters need.
 */
export type QuestionType = CoreQuestionType;

/** One item's answer, as saved and restored (core's ItemResponseSchema). */
export type ItemResponse = StartExamResponse['responses'][number];

/** An item as the examinee sees it (no answer key). */
export type ExamineeItem = StartExamResponse['items'][number];

export const EXAM_KINDS = ['monthly_practice', 'quarterly_exam', 'annual_contest', 'spot_check', 'pass_test', 'make_up'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
/** make_up exams are made from an exam's absentees, never from the create form. */
export const CREATABLE_KINDS: readonly ExamKind[] = EXAM_KINDS.filter((k) => k !== 'make_up');

export const EXAM_STATUSES = ['draft', 'scheduled', 'closed', 'cancelled'] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];

export const SESSION_STATUSES = ['not_started', 'in_progress', 'submitted', 'graded'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** The examinee list sends the session status as a plain string; null for one the web has no label for. */
export const asSessionStatus = (status: string): SessionStatus | null => SESSION_STATUSES.find((s) => s === status) ?? null;

export interface ExamTargets {
  orgIds?: string[];
  roleIds?: string[];
  ranks?: string[];
  personIds?: string[];
}

export type ExamSummary = ListExamsResponse['items'][number];

export type Exam = CreateExamResponse;

export type ExamInput = CreateExamBody;

export interface ExamListQuery {
  keyword?: string;
  kind?: ExamKind;
  status?: ExamStatus;
  page: number;
  pageSize: number;
}

export type ExamineeRow = ListExamineesResponse['items'][number];

export type ExamStats = ExamStatsResponse;
export type UnitStats = ExamStats['byUnit'][number];

export type ItemFlag = 'too_easy' | 'too_hard' | 'low_discrimination' | 'negative_discrimination' | 'distractor_unused';

export type ItemAnalysisRow = ItemAnalysisResponse['items'][number];

export type GradingItem = GradingQueueResponse['items'][number];

export type MyExam = MyExamsResponse['items'][number];

export type StartAnswer = StartExamResponse;

export type SubmitAnswer = SubmitExamResponse;

export type MyResult = MyResultResponse;

export interface PaperOption {
  id: string;
  title: string;
  totalScore?: number;
}
