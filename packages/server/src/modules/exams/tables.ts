/** Table types of this module; see migration 20261129T050000-exams. */
import type { ExamKind } from '@zhenggong/core';

export interface ExamTable {
  id: string;
  title: string;
  kind: ExamKind;
  paper_id: string;
  /** Copied from the paper when the exam was saved, for lists. */
  paper_title: string;
  total_score: number;
  /** Owner org: the exam's data scope. */
  org_id: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  attempts_allowed: number;
  pass_score: number;
  /** JSON ExamTargets. */
  targets: string;
  /** 'closed' is never stored: it is derived from 'scheduled' once the window has ended. */
  status: 'draft' | 'scheduled' | 'cancelled';
  source_exam_id: string | null;
  scheduled_at: string | null;
  results_published_at: string | null;
  created_by: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}

export interface ExamExamineeTable {
  id: string;
  exam_id: string;
  person_id: string;
  /** The person's org and establishment unit (建制单位) when the exam was scheduled. */
  org_id: string;
  unit_id: string;
  city_code: string;
  created_at: string;
}

export type StoredSessionStatus = 'in_progress' | 'submitted' | 'graded';

export interface ExamSessionTable {
  id: string;
  exam_id: string;
  person_id: string;
  user_id: string;
  attempt: number;
  token_hash: string;
  status: StoredSessionStatus;
  /** JSON DrawnPaper (core question-bank/drawn-paper.ts), frozen at start. */
  paper: string;
  item_count: number;
  started_at: string;
  deadline: string;
  submitted_at: string | null;
  finalised_by: 'examinee' | 'deadline' | 'proctor' | null;
  focus_loss_count: number;
  objective_score: number | null;
  manual_score: number | null;
  /** Final score once every item is graded; null before. */
  score: number | null;
  pending_manual: number;
  city_code: string;
  updated_at: string;
}

export interface ExamAnswerTable {
  session_id: string;
  no: number;
  /** JSON ItemResponse. */
  response: string;
  seq: number;
  saved_at: string;
  city_code: string;
}

export interface ExamManualGradeTable {
  id: string;
  exam_id: string;
  session_id: string;
  no: number;
  stem: string;
  reference: string;
  response_text: string;
  max_score: number;
  score: number | null;
  comment: string | null;
  grader_id: string | null;
  graded_at: string | null;
  city_code: string;
  created_at: string;
}

export interface ExamResultTable {
  id: string;
  exam_id: string;
  person_id: string;
  org_id: string;
  exam_title: string;
  exam_kind: ExamKind;
  exam_ends_at: string;
  taken_at: string | null;
  score: number | null;
  passed: number;
  absent: number;
  pass_score: number;
  total_score: number;
  attempts_used: number;
  published_at: string;
  city_code: string;
  created_at: string;
}

export interface ExamTables {
  exam: ExamTable;
  exam_examinee: ExamExamineeTable;
  exam_session: ExamSessionTable;
  exam_answer: ExamAnswerTable;
  exam_manual_grade: ExamManualGradeTable;
  exam_result: ExamResultTable;
}
