import type { ApplicationListQuery } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { presentApplication, today } from './application-rows.ts';
import { findAnnouncementInScope } from './announcement-service.ts';
import { event, filesOf } from './portal/portal-applications.ts';
import { scoresOf } from './score-rows.ts';
import { ageOn } from '@zhenggong/core';
import { currentYear } from '../../platform/clock.ts';

/** The staff side of applications: the qualification review queue (网上资格审核), scoped by the announcement's org. */
export async function findApplicationInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('recruit_application as r')
    .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
    .innerJoin('recruit_announcement as a', 'a.id', 'r.announcement_id')
    .selectAll('r')
    .select(['p.name as post_name', 'p.code as post_code', 'a.title as announcement_title', 'a.apply_until'])
    .where('r.id', '=', id)
    .where(scopeWhere(scope, 'r.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('RECRUIT_APPLICATION_NOT_FOUND');
  return row;
}

export async function listApplications(ctx: AppContext, scope: ResolvedScope, q: ApplicationListQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  let base = ctx.db
    .selectFrom('recruit_application as r')
    .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
    .where(scopeWhere(scope, 'r.org_id'));
  if (q.announcementId) base = base.where('r.announcement_id', '=', q.announcementId);
  if (q.postId) base = base.where('r.post_id', '=', q.postId);
  if (q.status) base = base.where('r.status', '=', q.status);
  const keyword = q.keyword?.trim();
  if (keyword) {
    base = /^\d{17}[\dXx]$/.test(keyword)
      ? base.where('r.id_number_bidx', '=', ctx.fieldCrypto.blindIndex('id_number', keyword.toUpperCase()))
      : base.where('r.name', 'like', `${keyword.replace(/[%_\\]/g, '')}%`);
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'r.id',
      'r.announcement_id',
      'r.post_id',
      'p.name as post_name',
      'r.name',
      'r.id_number_masked',
      'r.phone_masked',
      'r.sex',
      'r.birth_date',
      'r.education',
      'r.status',
      'r.submitted_at',
      'r.reviewed_at',
      'r.reject_reason',
      'r.ticket_number',
    ])
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const d = today(ctx);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      announcementId: r.announcement_id,
      postId: r.post_id,
      postName: r.post_name,
      name: r.name,
      idNumberMasked: r.id_number_masked,
      phoneMasked: r.phone_masked,
      sex: r.sex,
      age: ageOn(r.birth_date, d),
      education: r.education,
      status: r.status,
      submittedAt: r.submitted_at,
      reviewedAt: r.reviewed_at,
      rejectReason: r.reject_reason,
      ticketNumber: r.ticket_number,
    })),
  };
}

/** One application for review; the view is audited (personal data of a member of the public). */
export async function viewApplication(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const row = await findApplicationInScope(ctx.db, scope, id);
  const files = await filesOf(ctx.db, id);
  const events = await ctx.db
    .selectFrom('recruit_application_event')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('created_at')
    .execute();
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, ctx.clock, actor, { eventType: 'recruit.application.view', objectType: 'recruit_application', objectId: id }),
    );
  return {
    ...presentApplication(ctx, row, { announcementTitle: row.announcement_title, postName: row.post_name }, files, false),
    scores: scoresOf(row),
    personId: row.person_id,
    events: events.map((e) => ({ kind: e.kind, actor: e.actor, detail: JSON.parse(e.detail) as unknown, at: e.created_at })),
  };
}

async function review(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  decision: 'approved' | 'rejected',
  reason: string | null,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findApplicationInScope(trx, scope, id);
    if (row.status !== 'submitted') throw new AppError('RECRUIT_STATUS_CONFLICT', { status: row.status });
    const now = ctx.clock.now().toISOString();
    // Conditional on the status read: an edit or a second reviewer in between makes this a conflict.
    const done = await trx
      .updateTable('recruit_application')
      .set({ status: decision, reject_reason: reason, reviewed_at: now, reviewed_by: actor.userId, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('RECRUIT_STATUS_CONFLICT', { status: 'changed' });
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, decision === 'approved' ? 'approve' : 'reject', actor.username ?? 'staff', reason ? { reason } : {}))
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: `recruit.application.${decision === 'approved' ? 'approve' : 'reject'}`,
      objectType: 'recruit_application',
      objectId: id,
      detail: reason ? { reason } : {},
    });
  });
  return viewApplication(ctx, scope, actor, id);
}

export const approveApplication = (ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) =>
  review(ctx, scope, actor, id, 'approved', null);
export const rejectApplication = (ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, reason: string) =>
  review(ctx, scope, actor, id, 'rejected', reason.trim());

/**
 * Admission ticket numbers (准考证号) for approved applications without one:
 * <year><post code><4-digit serial within the post>, continuing after the highest issued.
 */
export async function issueTickets(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, announcementId: string) {
  let issued = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await findAnnouncementInScope(trx, scope, announcementId);
    const rows = await trx
      .selectFrom('recruit_application as r')
      .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
      .select(['r.id', 'r.post_id', 'p.code', 'r.ticket_number', 'r.status'])
      .where('r.announcement_id', '=', announcementId)
      .orderBy('r.submitted_at')
      .orderBy('r.id')
      .execute();
    const year = String(currentYear(ctx.clock));
    const next = new Map<string, number>();
    for (const r of rows) {
      if (!r.ticket_number) continue;
      const serial = Number(r.ticket_number.slice(-4));
      next.set(r.post_id, Math.max(next.get(r.post_id) ?? 0, serial));
    }
    const now = ctx.clock.now().toISOString();
    for (const r of rows) {
      if (r.ticket_number || r.status !== 'approved') continue;
      const serial = (next.get(r.post_id) ?? 0) + 1;
      next.set(r.post_id, serial);
      await trx
        .updateTable('recruit_application')
        .set({ ticket_number: `${year}${r.code}${String(serial).padStart(4, '0')}`, updated_at: now })
        .where('id', '=', r.id)
        .execute();
      issued++;
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.tickets.issue',
      objectType: 'recruit_announcement',
      objectId: announcementId,
      detail: { issued },
    });
  });
  return { issued };
}
