import type { DelegationBody } from '@zhenggong/core';
import { assertOrgInScope, type ResolvedScope } from '../access/data-scope.ts';
import { appendAudit } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from './engine.ts';

/** My delegations, given and received. */
export async function myDelegations(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .selectFrom('wf_delegation as d')
    .innerJoin('app_user as f', 'f.id', 'd.from_user_id')
    .innerJoin('app_user as t', 't.id', 'd.to_user_id')
    .selectAll('d')
    .select(['f.display_name as from_name', 't.display_name as to_name'])
    .where((eb) => eb.or([eb('d.from_user_id', '=', userId), eb('d.to_user_id', '=', userId)]))
    .orderBy('d.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fromUserId: r.from_user_id,
    fromName: r.from_name,
    toUserId: r.to_user_id,
    toName: r.to_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    reason: r.reason,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Hands my approvals to a colleague for a period (代理, e.g. while on leave). The delegate must
 * sit inside my `workflow:delegate` scope; what they may decide is still bounded by my
 * permissions and scope, checked at each decision.
 */
export async function delegate(ctx: AppContext, scope: ResolvedScope, actor: Actor, body: DelegationBody) {
  if (body.toUserId === actor.userId || body.endsOn < body.startsOn) throw new AppError('WF_DELEGATION_INVALID');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const to = await trx
      .selectFrom('app_user')
      .select(['org_id', 'status', 'admin_kind'])
      .where('id', '=', body.toUserId)
      .executeTakeFirst();
    if (!to || to.status !== 'active' || to.admin_kind !== null) throw new AppError('WF_DELEGATE_NOT_FOUND');
    await assertOrgInScope(trx, scope, to.org_id);
    await trx
      .insertInto('wf_delegation')
      .values({
        id,
        from_user_id: actor.userId,
        to_user_id: body.toUserId,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        reason: body.reason ?? null,
        revoked_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'workflow.delegate',
      objectType: 'wf_delegation',
      objectId: id,
      detail: { to: body.toUserId, startsOn: body.startsOn, endsOn: body.endsOn },
    });
  });
  return (await myDelegations(ctx, actor.userId)).filter((d) => d.id === id);
}

export async function revokeDelegation(ctx: AppContext, actor: Actor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('wf_delegation')
      .set({ revoked_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .where('from_user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
    await appendAudit(trx, ctx.clock, actor, { eventType: 'workflow.delegate.revoke', objectType: 'wf_delegation', objectId: id });
  });
  return { ok: true as const };
}
