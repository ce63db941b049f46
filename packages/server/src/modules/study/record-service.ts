import type { DeclareStudyBody, RecordListQuery } from '@zhenggong/core';
import { sql } from 'kysely';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { linkedPerson } from '../training/my-training-service.ts';
import { campaignsOf } from './campaign-service.ts';
import { myMaterials } from './material-service.ts';
import type { StudyRecordTable } from './tables.ts';
import { currentYear } from '../../platform/clock.ts';

const present = (r: StudyRecordTable & { name?: string; org_name?: string }) => ({
  id: r.id,
  personId: r.person_id,
  ...(r.name !== undefined && { name: r.name, orgName: r.org_name }),
  date: r.date,
  hours: r.hours,
  title: r.title,
  note: r.note,
  source: r.source,
  campaignId: r.campaign_id,
  status: r.status,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
});

/** Self-declared study (自主学习申报): stays pending until an approver in scope decides. */
export async function declareStudy(ctx: AppContext, principal: Principal, actor: AuditActor, body: DeclareStudyBody) {
  const me = await linkedPerson(ctx.db, principal);
  if (body.campaignId) {
    const mine = await campaignsOf(ctx, me);
    if (!mine.some((c) => c.id === body.campaignId)) throw new AppError('STUDY_NOT_PARTICIPANT');
  }
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('study_record')
      .values({
        id,
        person_id: me.id,
        date: body.date,
        hours: body.hours,
        title: body.title.trim(),
        note: body.note ?? null,
        source: 'self',
        material_id: null,
        campaign_id: body.campaignId ?? null,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        decision_note: null,
        created_by: principal.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'study.record.declare',
      objectType: 'study_record',
      objectId: id,
      detail: { hours: body.hours, date: body.date },
    });
  });
  return { id };
}

/** Records of people in scope (by the person's current unit), newest first. */
export async function listRecords(ctx: AppContext, scope: ResolvedScope, q: RecordListQuery) {
  let base = ctx.db
    .selectFrom('study_record as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(scopeWhere(scope, 'p.org_id'));
  if (q.status) base = base.where('r.status', '=', q.status);
  if (q.keyword) base = base.where((eb) => eb.or([eb('p.name', 'like', `%${q.keyword}%`), eb('r.title', 'like', `%${q.keyword}%`)]));
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([
    base
      .selectAll('r')
      .select(['p.name', 'o.name as org_name'])
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(total.n) };
}

/** An approver decides records of people in their study:approve scope, never their own. */
export async function decideRecord(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  approve: boolean,
  note: string | undefined,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('study_record as r')
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .selectAll('r')
      .where('r.id', '=', id)
      .where(scopeWhere(scope, 'p.org_id'))
      .executeTakeFirst();
    if (!row) throw new AppError('STUDY_RECORD_NOT_FOUND');
    if (row.status !== 'pending') throw new AppError('STUDY_RECORD_DECIDED');
    if (row.created_by === actor.userId) throw new AppError('STUDY_OWN_RECORD');
    const status = approve ? 'approved' : 'rejected';
    await trx
      .updateTable('study_record')
      .set({ status, decided_by: actor.userId, decided_at: ctx.clock.now().toISOString(), decision_note: note ?? null })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'study.record.decide',
      objectType: 'study_record',
      objectId: id,
      detail: { status, note },
    });
  });
}

/** My study page: records, hours this year, campaigns with my progress, materials to study. */
export async function myStudy(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const year = String(currentYear(ctx.clock));
  const records = await ctx.db
    .selectFrom('study_record')
    .selectAll()
    .where('person_id', '=', me.id)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const approvedThisYear = records.filter((r) => r.status === 'approved' && r.date.startsWith(year)).reduce((s, r) => s + r.hours, 0);
  return {
    year: Number(year),
    approvedHours: approvedThisYear,
    pending: records.filter((r) => r.status === 'pending').length,
    records: records.map(present),
    campaigns: await campaignsOf(ctx, me),
    materials: await myMaterials(ctx, principal),
  };
}
