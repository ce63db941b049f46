import type { CreatePersonBody, HireBody } from '@zhenggong/core';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { createPersonRecord, today } from '../personnel/people.ts';
import { findAnnouncementInScope } from './announcement-service.ts';
import { event } from './portal/portal-applications.ts';
import { caseIdsFor, submitCase } from '../../platform/workflow/engine.ts';
import { PUBLICITY_KIND } from './publicity-workflow.ts';
import { findApplicationInScope, viewApplication } from './review-service.ts';
import { assertPublicityOver, workflowActor } from './stage-service.ts';

/** Shortlist (入围) → 体检 (stage-service) → publicity (公示) → hire (录用). Each step is a person's decision, audited. */

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

/**
 * Puts every applicant who passed 体检 and is not yet listed on 公示: one platform workflow
 * notice case each (working days on the official calendar; ADR 010), so a 递补 listed later runs
 * its own period. The announcement keeps the first day and the latest last day for the portal.
 */
export async function openPublicity(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, announcementId: string) {
  const wf = workflowActor(actor);
  let publicized = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const ann = await findAnnouncementInScope(trx, scope, announcementId);
    const rows = await trx
      .selectFrom('recruit_application')
      .select(['id', 'name', 'org_id'])
      .where('announcement_id', '=', announcementId)
      .where('status', '=', 'medical_passed')
      .orderBy('id')
      .execute();
    const now = ctx.clock.now().toISOString();
    const from = today(ctx);
    let until = ann.publicity_until;
    for (const r of rows) {
      await trx.updateTable('recruit_application').set({ status: 'publicized', updated_at: now }).where('id', '=', r.id).execute();
      const caseId = await submitCase(trx, ctx, wf, {
        kind: PUBLICITY_KIND,
        refId: r.id,
        title: `辅警招录公示：${r.name}（${ann.title}）`,
        subjectPersonId: null,
        subjectName: r.name,
        subjectOrgId: r.org_id,
      });
      const c = await trx.selectFrom('wf_case').select('notice_ends_on').where('id', '=', caseId).executeTakeFirstOrThrow();
      if (c.notice_ends_on && (!until || c.notice_ends_on > until)) until = c.notice_ends_on;
      await trx
        .insertInto('recruit_application_event')
        .values(event(ctx, r.id, 'publicity', actor.username ?? 'staff', { from, until: c.notice_ends_on, caseId }))
        .execute();
    }
    if (rows.length > 0)
      await trx
        .updateTable('recruit_announcement')
        .set({ publicity_from: ann.publicity_from ?? from, publicity_until: until, updated_at: now })
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
    // 公示: nobody is hired while their notice runs or an objection to them is open.
    const caseId = (await caseIdsFor(trx, PUBLICITY_KIND, [id])).get(id);
    if (caseId) await assertPublicityOver(trx, ctx, actor, caseId);
    else {
      // Listed before 公示 ran on the workflow: the announcement's dates as staff entered them.
      const ann = await trx
        .selectFrom('recruit_announcement')
        .select('publicity_until')
        .where('id', '=', app.announcement_id)
        .executeTakeFirstOrThrow();
      if (!ann.publicity_until || ann.publicity_until >= today(ctx))
        throw new AppError('RECRUIT_PUBLICITY_RUNNING', { until: ann.publicity_until ?? '—' });
    }
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
