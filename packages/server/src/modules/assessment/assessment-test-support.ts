import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Stored facts of other modules as their own processes leave them (an exam with published
 * results, approved study records), written straight into their
 * tables for tests, the demo and the benchmark: what those modules' own suites already prove
 * is how the rows come about; here only the reading side is under test.
 */

export async function publishedExam(
  db: Executor,
  ctx: AppContext,
  e: {
    orgId: string;
    title: string;
    kind?: 'monthly_practice' | 'quarterly_exam' | 'annual_contest';
    endsAt: string;
    totalScore: number;
    scores: readonly { personId: string; orgId: string; score: number | null }[];
  },
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const kind = e.kind ?? 'monthly_practice';
  await db
    .insertInto('exam')
    .values({
      id,
      title: e.title,
      kind,
      paper_id: newId(),
      paper_title: e.title,
      total_score: e.totalScore,
      org_id: e.orgId,
      starts_at: e.endsAt,
      ends_at: e.endsAt,
      duration_minutes: 60,
      attempts_allowed: 1,
      pass_score: e.totalScore * 0.6,
      targets: '{}',
      status: 'scheduled',
      source_exam_id: null,
      scheduled_at: now,
      results_published_at: now,
      created_by: null,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const rows = e.scores.map((s) => ({
    id: newId(),
    exam_id: id,
    person_id: s.personId,
    org_id: s.orgId,
    exam_title: e.title,
    exam_kind: kind,
    exam_ends_at: e.endsAt,
    taken_at: s.score === null ? null : e.endsAt,
    score: s.score,
    passed: s.score !== null && s.score >= e.totalScore * 0.6 ? 1 : 0,
    absent: s.score === null ? 1 : 0,
    pass_score: e.totalScore * 0.6,
    total_score: e.totalScore,
    attempts_used: s.score === null ? 0 : 1,
    published_at: now,
    city_code: ctx.config.cityCode,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('exam_result')
      .values(rows.slice(i, i + 500))
      .execute();
  return id;
}

export async function approvedStudy(
  db: Executor,
  ctx: AppContext,
  rows: readonly { personId: string; date: string; hours: number }[],
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const values = rows.map((r) => ({
    id: newId(),
    person_id: r.personId,
    date: r.date,
    hours: r.hours,
    title: '理论学习',
    note: null,
    source: 'self' as const,
    material_id: null,
    campaign_id: null,
    status: 'approved' as const,
    decided_by: null,
    decided_at: now,
    decision_note: null,
    created_by: null,
    city_code: ctx.config.cityCode,
    created_at: now,
  }));
  for (let i = 0; i < values.length; i += 500)
    await db
      .insertInto('study_record')
      .values(values.slice(i, i + 500))
      .execute();
}
