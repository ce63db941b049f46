import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findPersonInScope } from './person-queries.ts';

/**
 * Links a login account to a person record (so the officer sees "本人信息") or unlinks it.
 * Both must be in the caller's scope; a person has at most one account (unique index).
 */
export async function linkAccount(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, userId: string | null) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findPersonInScope(trx, scope, personId))) throw new AppError('PERSON_NOT_FOUND');
    const previous = await trx.selectFrom('app_user').select('id').where('person_id', '=', personId).executeTakeFirst();
    if (previous) await trx.updateTable('app_user').set({ person_id: null }).where('id', '=', previous.id).execute();
    if (userId) {
      const user = await trx
        .selectFrom('app_user')
        .select(['id', 'org_id', 'admin_kind', 'person_id'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) throw new AppError('USER_NOT_FOUND');
      await assertOrgInScope(trx, scope, user.org_id);
      // Administrators (三员) stay unlinked: their accounts are not personal business accounts.
      if (user.admin_kind) throw new AppError('SEPARATION_OF_DUTIES');
      await trx.updateTable('app_user').set({ person_id: personId }).where('id', '=', userId).execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'person.account.link',
      objectType: 'person',
      objectId: personId,
      detail: { before: previous?.id ?? null, after: userId },
    });
  });
  return { personId, userId };
}
