import { compensationMonths, shiftDate, type ExitBody, type UniformBody } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { changePerson, ON_FORCE_STATUSES, scopedPeople, today } from '../personnel/people.ts';
import { findServingOfficer } from './aux-officers.ts';

/** Uniform issuance (被装发放): what was issued, in which size, and when the next issue is due. */
export async function addUniform(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, body: UniformBody) {
  const person = await findServingOfficer(ctx.db, scope, personId);
  if (body.nextDueDate && body.nextDueDate <= body.issueDate) throw new AppError('AUX_UNIFORM_DATES');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('aux_uniform')
      .values({
        id,
        person_id: personId,
        item: body.item,
        size: body.size ?? null,
        quantity: body.quantity,
        issue_date: body.issueDate,
        next_due_date: body.nextDueDate ?? null,
        note: body.note ?? null,
        city_code: person.city_code,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.uniform.issue',
      objectType: 'aux_uniform',
      objectId: id,
      detail: { personId, item: body.item, size: body.size, quantity: body.quantity, issueDate: body.issueDate },
    });
  });
  return { id };
}

/** Items whose next issue falls within `days` (30 by default), for serving officers in scope. */
export async function uniformsDue(ctx: AppContext, scope: ResolvedScope, days = 30) {
  const until = shiftDate(today(ctx), days);
  const rows = await ctx.db
    .selectFrom('aux_uniform as u')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'u.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['u.id', 'u.person_id', 'p.name', 'o.name as org_name', 'u.item', 'u.size', 'u.quantity', 'u.issue_date', 'u.next_due_date'])
    .where('u.next_due_date', 'is not', null)
    .where('u.next_due_date', '<=', until)
    .where('p.kind', '=', 'auxiliary')
    .where('p.status', 'in', ON_FORCE_STATUSES)
    .orderBy('u.next_due_date')
    .execute();
  // Only the latest issue of an item per person is due; earlier ones were superseded by it.
  const latest = new Map<string, (typeof rows)[number]>();
  const all = await ctx.db
    .selectFrom('aux_uniform')
    .select(['person_id', 'item', 'issue_date'])
    .where('person_id', 'in', rows.length ? rows.map((r) => r.person_id) : [''])
    .execute();
  const newest = new Map<string, string>();
  for (const a of all) {
    const k = `${a.person_id}|${a.item}`;
    if ((newest.get(k) ?? '') < a.issue_date) newest.set(k, a.issue_date);
  }
  for (const r of rows) if (newest.get(`${r.person_id}|${r.item}`) === r.issue_date) latest.set(r.id, r);
  return [...latest.values()].map((r) => ({
    id: r.id,
    personId: r.person_id,
    name: r.name,
    orgName: r.org_name,
    item: r.item,
    size: r.size,
    quantity: r.quantity,
    issueDate: r.issue_date,
    nextDueDate: r.next_due_date,
  }));
}

const exitStatus = { resignation: 'resigned', dismissal: 'dismissed', contract_end: 'contract_ended' } as const;

/**
 * Exit (离职/辞退/合同到期): the person's status changes through the personnel service (which
 * writes the status-history row dated `exitDate`), the active contract is closed and the open
 * pay-grade row ends. A contract that runs out is 'contract_ended' (合同期满终止), never
 * 'resigned', so turnover statistics tell expiry from resignation.
 */
export async function exitOfficer(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, body: ExitBody) {
  const person = await findServingOfficer(ctx.db, scope, personId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const contract = await trx
      .selectFrom('aux_contract')
      .select(['id'])
      .where('person_id', '=', personId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const now = ctx.clock.now().toISOString();
    if (contract)
      await trx
        .updateTable('aux_contract')
        .set({ status: 'ended', ended_date: body.exitDate, end_reason: body.reason, updated_at: now })
        .where('id', '=', contract.id)
        .execute();
    await trx
      .updateTable('aux_pay_grade')
      .set({ end_date: body.exitDate })
      .where('person_id', '=', personId)
      .where('end_date', 'is', null)
      .execute();
    await changePerson(trx, ctx, scope, actor, personId, { status: exitStatus[body.kind], effectiveDate: body.exitDate });
    // 经济补偿 (劳动合同法 第四十七条): months by service since the first contract, on the wage given.
    const first = await trx
      .selectFrom('aux_contract')
      .select('start_date')
      .where('person_id', '=', personId)
      .orderBy('sequence')
      .executeTakeFirst();
    const compensation =
      body.compensationWageFen !== undefined && body.kind !== 'resignation' && first
        ? compensationMonths(first.start_date, body.exitDate)
        : null;
    await trx
      .insertInto('aux_exit')
      .values({
        id,
        person_id: personId,
        kind: body.kind,
        exit_date: body.exitDate,
        reason: body.reason,
        contract_id: contract?.id ?? null,
        created_by: actor.userId,
        compensation_months: compensation,
        compensation_fen: compensation === null ? null : Math.round(compensation * (body.compensationWageFen ?? 0)),
        city_code: person.city_code,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.exit',
      objectType: 'person',
      objectId: personId,
      detail: {
        kind: body.kind,
        exitDate: body.exitDate,
        reason: body.reason,
        contractId: contract?.id ?? null,
        compensationMonths: compensation,
      },
    });
  });
  return { id };
}
