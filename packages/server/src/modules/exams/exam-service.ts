import { isoUtc, type CreateExamBody, type ExamListQuery, type ExamTargets, type MakeUpBody, type UpdateExamBody } from '@zhenggong/core';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { drawPaper } from '../question-bank/draw-paper.ts';
import { getPaper } from '../question-bank/paper-service.ts';
import { presentExam, presentExamSummary } from './exam-presenter.ts';
import { findExamInScope, searchExams } from './exam-queries.ts';
import { checkTargets, resolveExaminees } from './examinee-resolution.ts';
import { finaliseDueOf } from './finalise.ts';
import type { ExamTable } from './tables.ts';

/** Exam administration (考试管理): scoped by the exam's owner org; every change audited. */

export async function loadExam(ctx: AppContext, scope: ResolvedScope, id: string) {
  const row = await findExamInScope(ctx.db, scope, id);
  if (!row) throw new AppError('EXAM_NOT_FOUND');
  return row;
}

/** Counts are read after finalising attempts past their deadline, so they never lag the clock. */
export async function getExam(ctx: AppContext, scope: ResolvedScope, id: string) {
  await loadExam(ctx, scope, id);
  await finaliseDueOf(ctx, id);
  return presentExam(await loadExam(ctx, scope, id), ctx.clock.now());
}

export async function listExams(ctx: AppContext, scope: ResolvedScope, q: ExamListQuery) {
  const now = ctx.clock.now();
  const { items, total } = await searchExams(ctx.db, scope, q, now.toISOString());
  return { items: items.map((r) => presentExamSummary(r, now)), total };
}

/**
 * The paper must be visible in the scheduler's scope (the question bank decides) and drawable
 * (a rule paper may lack questions); its title and total are kept for lists.
 */
async function paperFacts(ctx: AppContext, scope: ResolvedScope, paperId: string) {
  try {
    await getPaper(ctx.db, scope, paperId);
    const p = await drawPaper(ctx.db, paperId, 'probe');
    return { paper_title: p.title, total_score: p.totalScore };
  } catch (error) {
    if (error instanceof AppError && (error.code as string) === 'QB_PAPER_NOT_FOUND')
      throw new AppError('EXAM_PAPER_NOT_FOUND', { paperId });
    throw error;
  }
}

function checkWindow(startsAt: string, endsAt: string): void {
  if (Date.parse(endsAt) <= Date.parse(startsAt)) throw new AppError('EXAM_WINDOW_INVALID');
}

const auditView = (row: Partial<ExamTable>) => {
  const { targets, ...rest } = row;
  return { ...rest, ...(targets ? { targets: JSON.parse(targets) as ExamTargets } : {}) };
};

export async function createExam(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateExamBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  await checkTargets(ctx.db, scope, body.targets);
  const startsAt = isoUtc(body.startsAt);
  const endsAt = isoUtc(body.endsAt);
  checkWindow(startsAt, endsAt);
  const paper = await paperFacts(ctx, scope, body.paperId);
  const now = ctx.clock.now().toISOString();
  const row: ExamTable = {
    id: newId(),
    title: body.title.trim(),
    kind: body.kind,
    paper_id: body.paperId,
    ...paper,
    org_id: body.orgId,
    starts_at: startsAt,
    ends_at: endsAt,
    duration_minutes: body.durationMinutes,
    attempts_allowed: body.attemptsAllowed ?? 1,
    pass_score: body.passScore,
    targets: JSON.stringify(body.targets),
    status: 'draft',
    source_exam_id: null,
    scheduled_at: null,
    results_published_at: null,
    created_by: actor.userId,
    city_code: ctx.config.cityCode,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('exam').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.create',
      objectType: 'exam',
      objectId: row.id,
      detail: { after: auditView(row) },
    });
  });
  return getExam(ctx, scope, row.id);
}

export async function updateExam(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdateExamBody) {
  const before = await loadExam(ctx, scope, id);
  if (before.status !== 'draft') throw new AppError('EXAM_NOT_DRAFT');
  if (body.orgId) await assertOrgInScope(ctx.db, scope, body.orgId);
  if (body.targets) await checkTargets(ctx.db, scope, body.targets);
  const startsAt = body.startsAt ? isoUtc(body.startsAt) : before.starts_at;
  const endsAt = body.endsAt ? isoUtc(body.endsAt) : before.ends_at;
  checkWindow(startsAt, endsAt);
  const changes: Partial<ExamTable> = {
    ...(body.title !== undefined ? { title: body.title.trim() } : {}),
    ...(body.kind !== undefined ? { kind: body.kind } : {}),
    ...(body.paperId !== undefined ? { paper_id: body.paperId, ...(await paperFacts(ctx, scope, body.paperId)) } : {}),
    ...(body.orgId !== undefined ? { org_id: body.orgId } : {}),
    ...(body.startsAt !== undefined ? { starts_at: startsAt } : {}),
    ...(body.endsAt !== undefined ? { ends_at: endsAt } : {}),
    ...(body.durationMinutes !== undefined ? { duration_minutes: body.durationMinutes } : {}),
    ...(body.attemptsAllowed !== undefined ? { attempts_allowed: body.attemptsAllowed } : {}),
    ...(body.passScore !== undefined ? { pass_score: body.passScore } : {}),
    ...(body.targets !== undefined ? { targets: JSON.stringify(body.targets) } : {}),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('exam')
      .set({ ...changes, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) === 0) throw new AppError('EXAM_NOT_DRAFT');
    const was = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])) as Partial<ExamTable>;
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.update',
      objectType: 'exam',
      objectId: id,
      detail: { before: auditView(was), after: auditView(changes) },
    });
  });
  return getExam(ctx, scope, id);
}

/** Freezes the examinee list (发布考试): the targets resolved now, within the scheduler's scope. */
export async function scheduleExam(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const exam = await loadExam(ctx, scope, id);
  if (exam.status !== 'draft') throw new AppError('EXAM_NOT_DRAFT');
  const examinees = await resolveExaminees(ctx, ctx.db, scope, JSON.parse(exam.targets) as ExamTargets);
  if (examinees.length === 0) throw new AppError('EXAM_NO_EXAMINEES');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('exam')
      .set({ status: 'scheduled', scheduled_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) === 0) throw new AppError('EXAM_NOT_DRAFT');
    const rows = examinees.map((e) => ({
      id: newId(),
      exam_id: id,
      person_id: e.personId,
      org_id: e.orgId,
      unit_id: e.unitId,
      city_code: ctx.config.cityCode,
      created_at: now,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('exam_examinee')
        .values(rows.slice(i, i + 500))
        .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.schedule',
      objectType: 'exam',
      objectId: id,
      detail: { examinees: rows.length },
    });
  });
  return getExam(ctx, scope, id);
}

export async function cancelExam(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const exam = await loadExam(ctx, scope, id);
  if (exam.results_published_at) throw new AppError('EXAM_RESULTS_PUBLISHED');
  if (exam.status === 'cancelled') return getExam(ctx, scope, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('exam').set({ status: 'cancelled', updated_at: now }).where('id', '=', id).execute();
    // Attempts in progress end now, graded from what was saved, so nobody keeps writing to a cancelled exam.
    await trx
      .updateTable('exam_session')
      .set({ deadline: now, updated_at: now })
      .where('exam_id', '=', id)
      .where('status', '=', 'in_progress')
      .where('deadline', '>', now)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.cancel',
      objectType: 'exam',
      objectId: id,
      detail: { before: { status: exam.status } },
    });
  });
  await finaliseDueOf(ctx, id);
  return getExam(ctx, scope, id);
}

/** 补考: a new exam of kind make_up for the examinees who never started this one (缺考). */
export async function makeUpExam(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: MakeUpBody) {
  const exam = await loadExam(ctx, scope, id);
  const now = ctx.clock.now();
  if (exam.status !== 'scheduled' || Date.parse(exam.ends_at) > now.getTime()) throw new AppError('EXAM_NOT_CLOSED');
  const startsAt = isoUtc(body.startsAt);
  const endsAt = isoUtc(body.endsAt);
  checkWindow(startsAt, endsAt);
  const absent = await ctx.db
    .selectFrom('exam_examinee as x')
    .selectAll('x')
    .where('x.exam_id', '=', id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('exam_session as s')
            .select('s.id')
            .whereRef('s.exam_id', '=', 'x.exam_id')
            .whereRef('s.person_id', '=', 'x.person_id'),
        ),
      ),
    )
    .orderBy('x.person_id')
    .execute();
  if (absent.length === 0) throw new AppError('EXAM_NO_EXAMINEES');
  const nowIso = now.toISOString();
  const row: ExamTable = {
    ...exam,
    id: newId(),
    title: body.title?.trim() ?? `${exam.title}（补考）`,
    kind: 'make_up',
    starts_at: startsAt,
    ends_at: endsAt,
    targets: JSON.stringify({ personIds: absent.map((a) => a.person_id) }),
    status: 'scheduled',
    source_exam_id: id,
    scheduled_at: nowIso,
    results_published_at: null,
    created_by: actor.userId,
    created_at: nowIso,
    updated_at: nowIso,
  };
  const {
    org_name: _n,
    examinee_count: _a,
    started_count: _b,
    submitted_count: _c,
    pending_manual_count: _d,
    ...examRow
  } = row as typeof row & Partial<typeof exam>;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('exam').values(examRow).execute();
    // The absentees keep the unit they had for the original exam, so statistics stay comparable.
    const rows = absent.map((a) => ({
      id: newId(),
      exam_id: row.id,
      person_id: a.person_id,
      org_id: a.org_id,
      unit_id: a.unit_id,
      city_code: ctx.config.cityCode,
      created_at: nowIso,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('exam_examinee')
        .values(rows.slice(i, i + 500))
        .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exam.make_up',
      objectType: 'exam',
      objectId: row.id,
      detail: { sourceExamId: id, examinees: rows.length },
    });
  });
  return getExam(ctx, scope, row.id);
}
