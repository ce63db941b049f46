import type { TrainingKind } from '@zhenggong/core';

/** Table types of the training module (教育训练); see migration 20261129T060000-training. */
export interface TrainingClassTable {
  id: string;
  title: string;
  kind: TrainingKind;
  org_id: string;
  start_date: string;
  end_date: string;
  place: string | null;
  planned_hours: number;
  capacity: number | null;
  description: string | null;
  threshold: number;
  /** JSON of a NormalizedTarget. */
  target: string;
  created_by: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}
export interface TrainingSessionTable {
  id: string;
  class_id: string;
  date: string;
  title: string;
  hours: number;
  code: string | null;
  code_opens_at: string | null;
  code_closes_at: string | null;
  city_code: string;
  created_at: string;
}
export interface TrainingEnrollmentTable {
  id: string;
  class_id: string;
  person_id: string;
  status: 'enrolled' | 'completed';
  hours_earned: number | null;
  completed_at: string | null;
  confirmed_by: string | null;
  override_reason: string | null;
  /** The person_training row written at completion, removed again if completion is revoked. */
  person_training_id: string | null;
  city_code: string;
  created_at: string;
}
export interface TrainingAttendanceTable {
  id: string;
  session_id: string;
  class_id: string;
  person_id: string;
  present: number;
  method: 'staff' | 'code';
  marked_by: string | null;
  marked_at: string;
  city_code: string;
}
export interface TrainingEvaluationTable {
  id: string;
  class_id: string;
  content: number;
  teaching: number;
  organisation: number;
  comment: string | null;
  date: string;
  city_code: string;
}
export interface TrainingEvaluationReceiptTable {
  class_id: string;
  person_id: string;
  city_code: string;
}
export interface TrainingCoverageTable {
  id: string;
  title: string;
  org_id: string;
  period_start: string;
  period_end: string;
  target: string;
  rule: string;
  created_by: string | null;
  city_code: string;
  created_at: string;
}

export interface TrainingTables {
  training_class: TrainingClassTable;
  training_session: TrainingSessionTable;
  training_enrollment: TrainingEnrollmentTable;
  training_attendance: TrainingAttendanceTable;
  training_evaluation: TrainingEvaluationTable;
  training_evaluation_receipt: TrainingEvaluationReceiptTable;
  training_coverage: TrainingCoverageTable;
}
