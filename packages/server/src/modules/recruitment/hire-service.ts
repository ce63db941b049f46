import type { CreatePersonBody, HireBody } from '@zhenggong/core';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { createPersonRecord, today } from '../personnel/people.ts';
import { findAnnouncementInScope } from './announcement-service.ts';
import { event } from './portal/portal-applications.ts';
import { findApplicationInScope, viewApplication } from './review-service.ts';

/** Shortlist (入围) → publicity (公示) → hire (录用). Each step is a person's decision, audited. */

export async function shortlist(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, announcementId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  await ctx.db.transaction().execute(async (trx) => {
    await findAnnouncementInScope(trx, scope, announcementId);
    const rows = await trx
      .selectFrom('recruit_application')
      .select(['id', 'status'])
      .where('announcement_id', '=', announcementId)
      .where('id', 'in', unique)
      .execute();
    if (rows.length !== unique.length || rows.some((r) => r.status !== 'approved')) throw new AppError('RECRUIT_NOT_IN_ANNOUNCEMENT');
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('recruit_application')
      .set({ status: 'shortlisted', updated_at: now })
      .where('id', 'in', unique)
      .where('status', '=', 'approved')
      .execute();
    for (const id of unique)
      await trx
        .insertInto('recruit_application_event')
        .values(event(ctx, id, 'shortlist', actor.username ?? 'staff', {}))
        .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.shortlist',
      objectType: 'recruit_announcement',
      objectId: announcementId,
      detail: { applicationIds: unique },
    });
  });
  return { shortlisted: unique.length };
}

export async function openPublicity(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  announcementId: string,
  from: string,
  until: string,
) {
  if (from > until) throw new AppError('RECRUIT_DATES_INVALID');
  let publicized = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await findAnnouncementInScope(trx, scope, announcementId);
    const rows = await trx
      .selectFrom('recruit_application')
      .select('id')
      .where('announcement_id', '=', announcementId)
      .where('status', '=', 'shortlisted')
      .execute();
    const now = ctx.clock.now().toISOString();
    if (rows.length > 0) {
      await trx
        .updateTable('recruit_application')
        .set({ status: 'publicized', updated_at: now })
        .where('announcement_id', '=', announcementId)
        .where('status', '=', 'shortlisted')
        .execute();
      for (const r of rows)
        await trx
          .insertInto('recruit_application_event')
          .values(event(ctx, r.id, 'publicity', actor.username ?? 'staff', { from, until }))
          .execute();
    }
    await trx
      .updateTable('recruit_announcement')
      .set({ publicity_from: from, publicity_until: until, updated_at: now })
      .where('id', '=', announcementId)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.publicity',
      objectType: 'recruit_announcement',
      objectId: announcementId,
      detail: { from, until, count: rows.length },
    });
    publicized = rows.length;
  });
  return { publicized };
}

/**
 * Hires a publicized applicant: the auxiliary officer's personnel record (kind 'auxiliary') is
 * created through personnel's public face (the same row builder as its form), in the chosen unit,
 * in the same transaction as the status change; both are audited.
 */
export async function hire(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: HireBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  let personId = '';
  await ctx.db.transaction().execute(async (trx) => {
    const app = await findApplicationInScope(trx, scope, id);
    if (app.status !== 'publicized') throw new AppError('RECRUIT_STATUS_CONFLICT', { status: app.status });
    // 公示: nobody is hired while the publicity list is still up (objections may still come in).
    const ann = await trx
      .selectFrom('recruit_announcement')
      .select('publicity_until')
      .where('id', '=', app.announcement_id)
      .executeTakeFirstOrThrow();
    if (!ann.publicity_until || ann.publicity_until >= today(ctx))
      throw new AppError('RECRUIT_PUBLICITY_RUNNING', { until: ann.publicity_until ?? '—' });
    const org = await trx.selectFrom('org').select(['id', 'status']).where('id', '=', body.orgId).executeTakeFirst();
    if (!org) throw new AppError('ORG_NOT_FOUND');
    if (org.status === 'closed') throw new AppError('ORG_CLOSED');
    const input: CreatePersonBody = {
      kind: 'auxiliary',
      name: app.name,
      idNumber: ctx.fieldCrypto.decrypt(app.id_number_enc),
      phone: ctx.fieldCrypto.decrypt(app.phone_enc),
      education: app.education,
      politicalStatus: app.political_status,
      // An auxiliary officer is not sworn police: no 入警时间. 参加工作时间 keeps earlier employment.
      ...(body.workStartDate ? { workStartDate: body.workStartDate } : {}),
      orgId: body.orgId,
      post: app.post_name,
      status: 'serving',
      ...(body.contractEnd ? { contractEnd: body.contractEnd } : {}),
    };
    const row = await createPersonRecord(trx, ctx, input, body.startDate);
    const now = ctx.clock.now().toISOString();
    const done = await trx
      .updateTable('recruit_application')
      .set({ status: 'hired', person_id: row.id, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'publicized')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('RECRUIT_STATUS_CONFLICT', { status: 'changed' });
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, 'hire', actor.username ?? 'staff', { personId: row.id, orgId: body.orgId }))
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'person.create',
      objectType: 'person',
      objectId: row.id,
      detail: { source: 'recruitment', applicationId: id, kind: 'auxiliary', orgId: body.orgId, name: row.name },
    });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.application.hire',
      objectType: 'recruit_application',
      objectId: id,
      detail: { personId: row.id, orgId: body.orgId, startDate: body.startDate, contractEnd: body.contractEnd ?? null },
    });
    personId = row.id;
  });
  return { application: await viewApplication(ctx, scope, actor, id), personId };
}
