/** Shapes of /api/v1/exams (docs/api-exams.md). */

/** Mirrors core question-bank/drawn-paper.ts (the web does not import server-side packages). */
export type QuestionType = 'single' | 'multiple' | 'true_false' | 'fill_blank' | 'short_answer';

/** What an examinee sends for one item. */
export interface ItemResponse {
  choice?: string[];
  blanks?: string[];
  text?: string;
}

/** An item as the examinee sees it (no answer key). */
export interface ExamineeItem {
  no: number;
  type: QuestionType;
  stem: string;
  options: { key: string; text: string }[];
  score: number;
  blankCount: number;
}

export const EXAM_KINDS = ['monthly_practice', 'quarterly_exam', 'annual_contest', 'spot_check', 'pass_test', 'make_up'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
/** make_up exams are made from an exam's absentees, never from the create form. */
export const CREATABLE_KINDS: readonly ExamKind[] = EXAM_KINDS.filter((k) => k !== 'make_up');

export const EXAM_STATUSES = ['draft', 'scheduled', 'closed', 'cancelled'] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];

export const SESSION_STATUSES = ['not_started', 'in_progress', 'submitted', 'graded'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface ExamTargets {
  orgIds?: string[];
  roleIds?: string[];
  ranks?: string[];
  personIds?: string[];
}

export interface ExamSummary {
  id: string;
  title: string;
  kind: ExamKind;
  status: ExamStatus;
  orgId: string;
  orgName: string;
  paperId: string;
  paperTitle: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  examineeCount: number;
  submittedCount: number;
  resultsPublishedAt: string | null;
}

export interface Exam extends ExamSummary {
  attemptsAllowed: number;
  passScore: number;
  totalScore: number;
  targets: ExamTargets;
  /** The exam a make-up (补考) was made from. */
  sourceExamId: string | null;
  startedCount: number;
  /** Short answers still waiting for a grader; results cannot be published before they are graded. */
  pendingManualCount: number;
  scheduledAt: string | null;
}

export interface ExamInput {
  title: string;
  kind: ExamKind;
  paperId: string;
  orgId: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  attemptsAllowed: number;
  passScore: number;
  targets: ExamTargets;
}

export interface ExamListQuery {
  keyword?: string;
  kind?: ExamKind;
  status?: ExamStatus;
  page: number;
  pageSize: number;
}

export interface ExamineeRow {
  personId: string;
  name: string;
  orgId: string;
  orgName: string;
  status: SessionStatus;
  attempt: number;
  finalisedBy: 'examinee' | 'deadline' | null;
  startedAt: string | null;
  lastSavedAt: string | null;
  answeredCount: number;
  /** Null until the examinee starts (the paper is drawn then). */
  itemCount: number | null;
  focusLossCount: number;
  submittedAt: string | null;
  score: number | null;
}

export interface UnitStats {
  orgId: string;
  orgName: string;
  examinees: number;
  participated: number;
  participationRate: number;
  average: number | null;
  passRate: number | null;
}

export interface ExamStats {
  overall: {
    examinees: number;
    participated: number;
    participationRate: number;
    average: number | null;
    passRate: number | null;
    max: number | null;
    min: number | null;
  };
  byUnit: UnitStats[];
  distribution: { from: number; to: number; count: number }[];
}

export type ItemFlag = 'too_easy' | 'too_hard' | 'low_discrimination' | 'negative_discrimination' | 'distractor_unused';

export interface ItemAnalysisRow {
  questionId: string;
  questionVersionId: string;
  stem: string;
  type: QuestionType;
  score: number;
  answered: number;
  difficulty: number | null;
  discrimination: number | null;
  /** Item–rest correlation (Moodle's discrimination index). */
  pointBiserial: number | null;
  options: { key: string; text: string; correct: boolean; count: number }[];
  flags: ItemFlag[];
}

export type { TestSummary } from '@zhenggong/core';

export interface GradingItem {
  answerId: string;
  examId: string;
  examTitle: string;
  no: number;
  stem: string;
  reference: string;
  response: { text?: string };
  maxScore: number;
}

export interface MyExam {
  examId: string;
  title: string;
  kind: ExamKind;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  examStatus: ExamStatus;
  status: SessionStatus;
  attemptsUsed: number;
  attemptsAllowed: number;
  totalScore: number;
  passScore: number;
  /** The window is open and an attempt is in progress or left. */
  canStart: boolean;
  /** Deadline of the attempt in progress. */
  deadline: string | null;
  resultsPublished: boolean;
  score: number | null;
  passed: boolean | null;
}

export interface StartAnswer {
  sessionId: string;
  sessionToken: string;
  attempt: number;
  deadline: string;
  serverNow: string;
  title: string;
  totalScore: number;
  items: ExamineeItem[];
  responses: Record<string, ItemResponse>;
  /** Last stored save number per item; the next save of item n sends more than seqs[n]. */
  seqs: Record<string, number>;
  focusLossCount: number;
}

export interface SubmitAnswer {
  status: SessionStatus;
  objectiveScore: number | null;
  score: number | null;
}

export interface MyResult {
  examId: string;
  title: string;
  published: boolean;
  status: SessionStatus;
  passScore: number;
  totalScore: number;
  /** Null until published. */
  score: number | null;
  passed: boolean | null;
  /** Empty until published. */
  items: {
    no: number;
    type: QuestionType;
    stem: string;
    maxScore: number;
    awarded: number | null;
    correct: boolean | null;
    response: ItemResponse | null;
  }[];
}

export interface PaperOption {
  id: string;
  title: string;
  totalScore?: number;
}
