import type { CareListQuery, CareRecordBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { caseIdsFor, submitCase } from '../../platform/workflow/engine.ts';
import { registerCaseKind, type CaseOutcome } from '../../platform/workflow/registry.ts';
import { allPeople, scopedPeople } from '../personnel/people.ts';

export const CHARITY_KIND = 'welfare.charity';

/**
 * Care records (关爱帮扶): visits and condolences, injury green channel (工伤/因公负伤) with
 * deadlines, spouse-separation cases, charity disbursements, insurance, childcare and summer
 * camps, career-planning talks, care working groups. Rows belong to a unit (scoped by it);
 * a charity disbursement with an amount is decided through the workflow before it is paid.
 */
registerCaseKind({
  kind: CHARITY_KIND,
  module: 'welfare',
  defaultSteps: [
    {
      name: '帮扶资金审批',
      type: 'approval',
      permission: 'welfare:manage',
      orgLevel: 'subject_branch',
      mode: 'any',
      deadlineWorkingDays: 5,
    },
  ],
  onDecided: (h) => applyCharityOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome),
});

async function applyCharityOutcome(trx: Trx, ctx: AppContext, actor: AuditActor, id: string, outcome: CaseOutcome) {
  const status = outcome === 'approved' ? 'open' : 'rejected';
  await trx
    .updateTable('care_record')
    .set({ status, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'welfare.care.decide',
    objectType: 'care_record',
    objectId: id,
    detail: { status },
  });
}

export async function createCareRecord(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  body: CareRecordBody,
) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  let subject: { id: string; name: string } | null = null;
  if (body.personId) {
    const p = await scopedPeople(ctx.db, scope).where('id', '=', body.personId).select(['id', 'name']).executeTakeFirst();
    if (!p) throw new AppError('PERSON_NOT_FOUND');
    subject = p;
  }
  const needsApproval = body.kind === 'charity' && (body.amountFen ?? 0) > 0;
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('care_record')
      .values({
        id,
        kind: body.kind,
        org_id: body.orgId,
        person_id: body.personId ?? null,
        date: body.date,
        title: body.title.trim(),
        detail_enc: body.detail ? ctx.fieldCrypto.encrypt(body.detail) : null,
        amount_fen: body.amountFen ?? null,
        deadline: body.deadline ?? null,
        status: needsApproval ? 'pending' : (body.status ?? 'open'),
        created_by: principal.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.care.create',
      objectType: 'care_record',
      objectId: id,
      detail: { kind: body.kind },
    });
    if (needsApproval) {
      await submitCase(
        trx,
        ctx,
        { ...actor, userId: principal.userId },
        {
          kind: CHARITY_KIND,
          refId: id,
          title: `帮扶资金：${body.title.trim()} ${((body.amountFen ?? 0) / 100).toFixed(2)}元`,
          subjectPersonId: subject?.id ?? null,
          subjectName: subject?.name ?? body.title.trim(),
          subjectOrgId: body.orgId,
        },
      );
    }
  });
  return { id };
}

const recordsIn = (ctx: AppContext, scope: ResolvedScope) =>
  ctx.db
    .selectFrom('care_record as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .leftJoin(allPeople(ctx.db).as('p'), 'p.id', 'r.person_id')
    .where(scopeWhere(scope, 'r.org_id'));

export async function listCareRecords(ctx: AppContext, scope: ResolvedScope, q: CareListQuery) {
  let base = recordsIn(ctx, scope);
  if (q.kind) base = base.where('r.kind', '=', q.kind);
  if (q.orgId)
    base = base.where('r.org_id', 'in', ctx.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', q.orgId));
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const rows = await base
    .selectAll('r')
    .select(['o.name as org_name', 'p.name'])
    .orderBy('r.date', 'desc')
    .orderBy('r.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const cases = await caseIdsFor(
    ctx.db,
    CHARITY_KIND,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      orgId: r.org_id,
      orgName: r.org_name,
      personId: r.person_id,
      name: r.name ?? null,
      date: r.date,
      title: r.title,
      detail: r.detail_enc ? ctx.fieldCrypto.decrypt(r.detail_enc) : null,
      amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
      deadline: r.deadline,
      status: r.status,
      caseId: cases.get(r.id) ?? null,
      createdAt: r.created_at,
    })),
    total: Number(total.n),
  };
}

export async function finishCareRecord(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const row = await recordsIn(ctx, scope).select(['r.id', 'r.status']).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('CARE_RECORD_NOT_FOUND');
  if (row.status !== 'open') throw new AppError('WEAR_ALERT_STATE');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('care_record').set({ status: 'done', updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.care.update',
      objectType: 'care_record',
      objectId: id,
      detail: { status: 'done' },
    });
  });
  return { id };
}

/** Counts only: what statistics may know about health and psychological support. */
export async function welfareStats(ctx: AppContext, scope: ResolvedScope, year: number) {
  const count = async (table: 'psych_case' | 'wearable_alert', status: string) =>
    Number(
      (
        await ctx.db
          .selectFrom(`${table} as x` as 'psych_case as x')
          .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'x.person_id')
          .select(sql<number>`count(*)`.as('n'))
          .where('x.status', '=', status as 'open')
          .executeTakeFirstOrThrow()
      ).n,
    );
  const consents = await ctx.db
    .selectFrom('welfare_consent as c')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'c.person_id')
    .select(sql<number>`count(distinct c.person_id)`.as('n'))
    .where('c.category', '=', 'wearable')
    .where('c.withdrawn_at', 'is', null)
    .executeTakeFirstOrThrow();
  const care = await ctx.db
    .selectFrom('care_record as r')
    .select(['r.kind', sql<number>`count(*)`.as('n')])
    .where(scopeWhere(scope, 'r.org_id'))
    .where('r.date', '>=', `${year}-01-01`)
    .where('r.date', '<=', `${year}-12-31`)
    .groupBy('r.kind')
    .execute();
  const checkups = await ctx.db
    .selectFrom('health_checkup as h')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'h.person_id')
    .select([
      sql<number>`count(distinct h.person_id)`.as('people'),
      sql<number>`sum(case when h.abnormal_count > 0 then 1 else 0 end)`.as('ab'),
    ])
    .where('h.date', '>=', `${year}-01-01`)
    .where('h.date', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return {
    year,
    psychCases: {
      open: await count('psych_case', 'open'),
      crisis: await count('psych_case', 'crisis'),
      closed: await count('psych_case', 'closed'),
    },
    alerts: {
      open: await count('wearable_alert', 'open'),
      acknowledged: await count('wearable_alert', 'acknowledged'),
      closed: await count('wearable_alert', 'closed'),
    },
    consents: { wearable: Number(consents.n) },
    care: Object.fromEntries(care.map((c) => [c.kind, Number(c.n)])),
    checkups: { people: Number(checkups.people), withAbnormal: Number(checkups.ab ?? 0) },
  };
}
