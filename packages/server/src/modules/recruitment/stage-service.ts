import {
  rankApplicants,
  type DropBody,
  type MedicalBody,
  type ObjectionBody,
  type ResolveObjectionBody,
  type Weights,
} from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { finishNoticeIfDue, raiseObjection, resolveObjection } from '../../platform/workflow/actions.ts';
import { lockCase } from '../../platform/workflow/case-steps.ts';
import { caseIdsFor, type Actor } from '../../platform/workflow/engine.ts';
import { caseDetail } from '../../platform/workflow/todo.ts';
import { today } from './application-rows.ts';
import { event } from './portal/portal-applications.ts';
import { markDropped, PUBLICITY_KIND } from './publicity-workflow.ts';
import { findApplicationInScope } from './review-service.ts';
import { SCORED_STATUSES, scoresOf } from './score-rows.ts';

/**
 * The road after the ranking: 体检 (medical check) of the shortlisted, drop-outs, 递补 from the
 * ranking, and the 公示 objections, which are the platform workflow's own.
 */

/** Workflow actions need a person behind them. */
export function workflowActor(actor: AuditActor): Actor {
  if (!actor.userId) throw new AppError('AUTH_REQUIRED');
  return { ...actor, userId: actor.userId };
}

async function audit(trx: Trx, ctx: AppContext, actor: AuditActor, eventType: string, id: string, detail: Record<string, unknown>) {
  await appendAudit(trx, ctx.clock, actor, { eventType, objectType: 'recruit_application', objectId: id, detail });
}

/** 体检: 合格 moves on to the 公示 list; 不合格 drops the applicant with the reason; 复检 waits for the re-check. */
export async function recordMedical(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: MedicalBody) {
  const note = body.note?.trim() || null;
  if (body.result === 'fail' && !note) throw new AppError('RECRUIT_MEDICAL_REASON_REQUIRED');
  await ctx.db.transaction().execute(async (trx) => {
    const app = await findApplicationInScope(trx, scope, id);
    if (app.status !== 'shortlisted') throw new AppError('RECRUIT_STATUS_CONFLICT', { status: app.status });
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('recruit_application')
      .set({
        medical_result: body.result,
        medical_date: body.date,
        medical_institution: body.institution.trim(),
        medical_note: note,
        ...(body.result === 'pass' ? { status: 'medical_passed' } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, 'medical', actor.username ?? 'staff', { result: body.result, date: body.date, institution: body.institution }))
      .execute();
    if (body.result === 'fail') await markDropped(trx, ctx, actor, id, ['shortlisted'], 'medical_failed', note as string);
    await audit(trx, ctx, actor, 'recruit.application.medical', id, {
      result: body.result,
      date: body.date,
      institution: body.institution,
    });
  });
  return applicationStages(ctx, scope, actor, id);
}

/** The applicant withdraws or gives up the offer (放弃); the place can then be filled by 递补. */
export async function dropApplication(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: DropBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const app = await findApplicationInScope(trx, scope, id);
    const reason = body.reason.trim();
    if (!(await markDropped(trx, ctx, actor, id, ['shortlisted', 'medical_passed', 'publicized'], body.kind, reason)))
      throw new AppError('RECRUIT_STATUS_CONFLICT', { status: app.status });
    await audit(trx, ctx, actor, 'recruit.application.drop', id, { kind: body.kind, reason, from: app.status });
  });
  return applicationStages(ctx, scope, actor, id);
}

/**
 * 递补: the next applicant of the same post in the announcement's ranking (weighted total,
 * eligible, not yet chosen) takes the drop-out's place and enters 体检. One replacement per
 * drop-out, none past the announcement's replacement deadline, none beyond the ranking.
 */
export async function replaceFromRanking(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, droppedId: string, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const gone = await findApplicationInScope(trx, scope, droppedId);
    if (gone.status !== 'dropped') throw new AppError('RECRUIT_STATUS_CONFLICT', { status: gone.status });
    const ann = await trx
      .selectFrom('recruit_announcement')
      .select(['weights', 'replacement_until'])
      .where('id', '=', gone.announcement_id)
      .executeTakeFirstOrThrow();
    if (ann.replacement_until && ann.replacement_until < today(ctx))
      throw new AppError('RECRUIT_REPLACEMENT_CLOSED', { until: ann.replacement_until });
    const taken = await trx.selectFrom('recruit_application').select('id').where('replaces_id', '=', droppedId).executeTakeFirst();
    if (taken) throw new AppError('RECRUIT_ALREADY_REPLACED');
    const apps = await trx
      .selectFrom('recruit_application')
      .select(['id', 'name', 'status', 'ticket_number', 'written', 'interview', 'physical', 'background'])
      .where('post_id', '=', gone.post_id)
      .where('status', 'in', SCORED_STATUSES)
      .execute();
    const ranked = rankApplicants(
      apps.map((a) => ({ ...a, ticketNumber: a.ticket_number, scores: scoresOf(a) })),
      JSON.parse(ann.weights) as Weights,
    );
    const next = ranked.find((r) => r.eligible && r.entry.status === 'approved');
    if (!next) throw new AppError('RECRUIT_REPLACEMENT_EXHAUSTED');
    const now = ctx.clock.now().toISOString();
    const done = await trx
      .updateTable('recruit_application')
      .set({ status: 'shortlisted', replaces_id: droppedId, replacement_reason: reason.trim(), updated_at: now })
      .where('id', '=', next.entry.id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('RECRUIT_STATUS_CONFLICT', { status: 'changed' });
    const detail = { replaces: droppedId, replacesName: gone.name, reason: reason.trim(), rank: next.rank };
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, next.entry.id, 'replacement', actor.username ?? 'staff', detail))
      .execute();
    await audit(trx, ctx, actor, 'recruit.application.replace', next.entry.id, detail);
    return { applicationId: next.entry.id, name: next.entry.name, rank: next.rank };
  });
}

async function publicityCaseOf(db: Trx | AppContext['db'], id: string): Promise<string> {
  const caseId = (await caseIdsFor(db, PUBLICITY_KIND, [id])).get(id);
  if (!caseId) throw new AppError('RECRUIT_NOT_IN_PUBLICITY');
  return caseId;
}

/** 异议 received during the 公示 (who raised it, when, what it says), recorded on the workflow case; it holds the hire. */
export async function objectToApplication(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: ObjectionBody) {
  const app = await findApplicationInScope(ctx.db, scope, id);
  if (app.status !== 'publicized') throw new AppError('RECRUIT_NOT_IN_PUBLICITY');
  const text = `${body.raisedBy.trim()}（${body.receivedOn}）：${body.content.trim()}`;
  await raiseObjection(ctx, workflowActor(actor), await publicityCaseOf(ctx.db, id), text);
  return applicationStages(ctx, scope, actor, id);
}

/** Upheld: the workflow rejects the case and the applicant drops out with the resolution; dismissed: the 公示 goes on. */
export async function resolveApplicationObjection(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  objectionId: string,
  body: ResolveObjectionBody,
) {
  await findApplicationInScope(ctx.db, scope, id);
  await resolveObjection(ctx, workflowActor(actor), await publicityCaseOf(ctx.db, id), objectionId, body.resolution.trim(), body.uphold);
  return applicationStages(ctx, scope, actor, id);
}

/**
 * Refuses a hire while the applicant's 公示 runs or holds an open objection. A period that ended
 * before the daily job ran is closed here, in the hire's transaction.
 */
export async function assertPublicityOver(trx: Trx, ctx: AppContext, actor: AuditActor, caseId: string): Promise<void> {
  let c = await lockCase(trx, caseId);
  if (!c) throw new AppError('RECRUIT_NOT_IN_PUBLICITY');
  if (c.status === 'in_progress' && (await finishNoticeIfDue(trx, ctx, actor, c)))
    c = (await trx.selectFrom('wf_case').selectAll().where('id', '=', caseId).executeTakeFirst()) ?? c;
  if (c.status === 'approved') return;
  if (c.status !== 'in_progress') throw new AppError('RECRUIT_STATUS_CONFLICT', { status: c.status });
  if (!c.notice_ends_on || c.notice_ends_on >= today(ctx))
    throw new AppError('RECRUIT_PUBLICITY_RUNNING', { until: c.notice_ends_on ?? '—' });
  throw new AppError('RECRUIT_OBJECTION_OPEN');
}

/** Where one application stands after the ranking, with its 公示 case and objections when the caller may see them. */
export async function applicationStages(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const app = await findApplicationInScope(ctx.db, scope, id);
  const replaced = app.replaces_id
    ? await ctx.db.selectFrom('recruit_application').select(['id', 'name']).where('id', '=', app.replaces_id).executeTakeFirst()
    : undefined;
  const by = await ctx.db.selectFrom('recruit_application').select(['id', 'name']).where('replaces_id', '=', id).executeTakeFirst();
  const caseId = (await caseIdsFor(ctx.db, PUBLICITY_KIND, [id])).get(id);
  let publicity = null;
  if (caseId) {
    const c = await ctx.db.selectFrom('wf_case').select(['status', 'notice_ends_on']).where('id', '=', caseId).executeTakeFirstOrThrow();
    publicity = { caseId, status: c.status, noticeEndsOn: c.notice_ends_on, objections: [], canObject: false, canResolve: false } as {
      caseId: string;
      status: string;
      noticeEndsOn: string | null;
      objections: { id: string; text: string; status: string; resolution: string | null; raisedAt: string; resolvedAt: string | null }[];
      canObject: boolean;
      canResolve: boolean;
    };
    if (actor.userId) {
      // Objections are shown to those the workflow lets see the case (the 公示 step's permission in scope).
      const detail = await caseDetail(ctx, actor.userId, caseId).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'WF_CASE_NOT_FOUND') return null;
        throw e;
      });
      if (detail) {
        publicity.objections = detail.objections.map((o) => ({
          id: o.id,
          text: o.text,
          status: o.status,
          resolution: o.resolution,
          raisedAt: o.raisedAt,
          resolvedAt: o.resolvedAt,
        }));
        publicity.canObject = detail.actions.includes('object') && app.status === 'publicized';
        publicity.canResolve = detail.actions.includes('resolve_objection');
      }
    }
  }
  return {
    status: app.status,
    medical: app.medical_result
      ? { result: app.medical_result, date: app.medical_date, institution: app.medical_institution, note: app.medical_note }
      : null,
    drop: app.drop_kind && app.dropped_at ? { kind: app.drop_kind, reason: app.drop_reason ?? '', at: app.dropped_at } : null,
    replaces: replaced ? { applicationId: replaced.id, name: replaced.name, reason: app.replacement_reason ?? '' } : null,
    replacedBy: by ? { applicationId: by.id, name: by.name } : null,
    publicity,
  };
}
