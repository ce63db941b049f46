import type { DeclareStudyBody, RecordListQuery } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { caseIdsFor, submitCase } from '../../platform/workflow/engine.ts';
import type { CaseOutcome } from '../../platform/workflow/registry.ts';
import { linkedPerson, scopedPeople } from '../personnel/people.ts';
import { creditStudyHours } from './hours-credit.ts';
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
    await submitCase(
      trx,
      ctx,
      { ...actor, userId: principal.userId },
      {
        kind: 'study.record',
        refId: id,
        title: `学时申报：${me.name} ${body.hours} 学时`,
        subjectPersonId: me.id,
        subjectName: me.name,
        subjectOrgId: me.org_id,
      },
    );
  });
  return { id };
}

/** Records of people in scope (by the person's current unit), newest first. */
export async function listRecords(ctx: AppContext, scope: ResolvedScope, q: RecordListQuery) {
  let base = ctx.db
    .selectFrom('study_record as r')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'r.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');
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

/** The workflow's decision on a declaration, in the deciding transaction (the engine checked scope and self). */
export async function applyStudyOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  outcome: CaseOutcome,
  note: string | null,
): Promise<void> {
  const row = await trx.selectFrom('study_record').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('STUDY_RECORD_NOT_FOUND');
  if (row.status !== 'pending') throw new AppError('STUDY_RECORD_DECIDED');
  const status = outcome === 'approved' ? 'approved' : 'rejected';
  await trx
    .updateTable('study_record')
    .set({
      status,
      decided_by: actor.userId,
      decided_at: ctx.clock.now().toISOString(),
      decision_note: note ?? (outcome === 'withdrawn' ? 'withdrawn' : null),
    })
    .where('id', '=', id)
    .execute();
  // Approved study is credited on the person's 学时 ledger beside training.
  if (status === 'approved') await creditStudyHours(trx, ctx, row);
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'study.record.decide',
    objectType: 'study_record',
    objectId: id,
    detail: { status, outcome, note },
  });
}

/** Pending declarations in the approver's scope, each with the workflow case that decides it. */
export async function pendingRecords(ctx: AppContext, scope: ResolvedScope, q: RecordListQuery) {
  const page = await listRecords(ctx, scope, { ...q, status: 'pending' });
  const cases = await caseIdsFor(
    ctx.db,
    'study.record',
    page.items.map((r) => r.id),
  );
  return { items: page.items.map((r) => ({ ...r, caseId: cases.get(r.id) ?? null })), total: page.total };
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
