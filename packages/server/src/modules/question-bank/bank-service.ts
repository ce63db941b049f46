import type { CreateBankBody, UpdateBankBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { visibleBank, visibleWhere, writableBank } from './bank-scope.ts';

export interface BankView {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly orgId: string;
  readonly orgName: string;
  readonly status: 'active' | 'retired';
  /** Active questions. */
  readonly questionCount: number;
  readonly writable: boolean;
  readonly createdAt: string;
}

/** Banks the caller can read (own scope plus city-level banks), active ones unless asked. */
export async function listBanks(db: Executor, scope: ResolvedScope, includeRetired = false): Promise<BankView[]> {
  const rows = await db
    .selectFrom('qb_bank as b')
    .innerJoin('org as o', 'o.id', 'b.org_id')
    .selectAll('b')
    .select('o.name as org_name')
    .select(sql<number>`case when ${scopeWhere(scope, 'b.org_id')} then 1 else 0 end`.as('in_scope'))
    .select((eb) =>
      eb
        .selectFrom('qb_question as q')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('q.bank_id', '=', 'b.id')
        .where('q.status', '=', 'active')
        .as('question_count'),
    )
    .where(visibleWhere(scope, 'b.org_id'))
    .$if(!includeRetired, (q) => q.where('b.status', '=', 'active'))
    .orderBy('b.name')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    questionCount: Number(r.question_count ?? 0),
    writable: Number(r.in_scope) === 1,
    createdAt: r.created_at,
  }));
}

async function bankView(db: Executor, scope: ResolvedScope, id: string): Promise<BankView> {
  await visibleBank(db, scope, id);
  return (await listBanks(db, scope, true)).find((b) => b.id === id) as BankView;
}

export async function createBank(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateBankBody): Promise<BankView> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await assertOrgInScope(trx, scope, body.orgId);
    const org = await trx.selectFrom('org').select('city_code').where('id', '=', body.orgId).executeTakeFirstOrThrow();
    const now = ctx.clock.now().toISOString();
    await trx
      .insertInto('qb_bank')
      .values({
        id,
        name: body.name.trim(),
        description: body.description?.trim() || null,
        org_id: body.orgId,
        status: 'active',
        city_code: org.city_code,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'question_bank.create',
      objectType: 'question_bank',
      objectId: id,
      detail: { name: body.name, orgId: body.orgId },
    });
  });
  return bankView(ctx.db, scope, id);
}

export async function updateBank(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdateBankBody,
): Promise<BankView> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await writableBank(trx, scope, id);
    const set = {
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.description !== undefined ? { description: body.description?.trim() || null } : {}),
      updated_at: ctx.clock.now().toISOString(),
    };
    await trx.updateTable('qb_bank').set(set).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'question_bank.update',
      objectType: 'question_bank',
      objectId: id,
      detail: { before: { name: before.name, description: before.description }, after: body },
    });
  });
  return bankView(ctx.db, scope, id);
}

/** Soft retirement: the bank and its questions leave lists and draws; nothing is deleted. */
export async function setBankRetired(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  retired: boolean,
): Promise<BankView> {
  await ctx.db.transaction().execute(async (trx) => {
    const bank = await writableBank(trx, scope, id);
    if ((bank.status === 'retired') === retired) return;
    await trx
      .updateTable('qb_bank')
      .set({ status: retired ? 'retired' : 'active', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: retired ? 'question_bank.retire' : 'question_bank.restore',
      objectType: 'question_bank',
      objectId: id,
    });
  });
  return bankView(ctx.db, scope, id);
}
