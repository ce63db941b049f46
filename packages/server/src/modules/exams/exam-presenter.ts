import { examStatusAt, type ExamTargets } from '@zhenggong/core';
import type { ExamRow } from './exam-queries.ts';

export function presentExamSummary(row: ExamRow, now: Date) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: examStatusAt(row.status, row.ends_at, now),
    orgId: row.org_id,
    orgName: row.org_name,
    paperId: row.paper_id,
    paperTitle: row.paper_title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: row.duration_minutes,
    examineeCount: Number(row.examinee_count ?? 0),
    submittedCount: Number(row.submitted_count ?? 0),
    resultsPublishedAt: row.results_published_at,
  };
}

export function presentExam(row: ExamRow, now: Date) {
  return {
    ...presentExamSummary(row, now),
    totalScore: row.total_score,
    attemptsAllowed: row.attempts_allowed,
    passScore: row.pass_score,
    targets: JSON.parse(row.targets) as ExamTargets,
    sourceExamId: row.source_exam_id,
    startedCount: Number(row.started_count ?? 0),
    pendingManualCount: Number(row.pending_manual_count ?? 0),
    scheduledAt: row.scheduled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
