import type { UserTable } from '../../db/database.ts';
import { appendAudit, systemActor, type AuditActor } from '../audit/audit-service.ts';
import { deleteSessionsOfUser } from '../auth/auth-queries.ts';
import type { AppContext } from '../context.ts';

export type StaleReason = 'expired' | 'inactive';

type Dates = Pick<UserTable, 'status' | 'expires_at' | 'last_login_at' | 'created_at' | 'admin_kind'>;

/**
 * Why an active account must be disabled now (GB/T 22239 L3-CES1-07): past its `expires_at`, or
 * unused for `inactiveDays` (counted from the last login, or from creation if it never logged
 * in). The three administrator accounts are not disabled for inactivity: that could leave the
 * instance with no administrator; their expiry still applies.
 */
export function staleReason(user: Dates, now: Date, inactiveDays: number): StaleReason | null {
  if (user.status !== 'active') return null;
  if (user.expires_at !== null && Date.parse(user.expires_at) <= now.getTime()) return 'expired';
  if (inactiveDays === 0 || user.admin_kind !== null) return null;
  const lastUse = Date.parse(user.last_login_at ?? user.created_at);
  return now.getTime() - lastUse >= inactiveDays * 86_400_000 ? 'inactive' : null;
}

/** Disables one account, ends its sessions and audits why, in one transaction. */
export async function disableStale(ctx: AppContext, userId: string, reason: StaleReason, actor: AuditActor = systemActor): Promise<void> {
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('app_user')
      .set({ status: 'disabled', updated_at: nowIso })
      .where('id', '=', userId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await deleteSessionsOfUser(trx, userId);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'account.disabled',
      objectType: 'user',
      objectId: userId,
      detail: { reason, sessionsEnded: true },
    });
  });
}

/**
 * The daily sweep: disables every account that is expired or inactive. Meant for the jobs
 * runner (platform/jobs) to call once a day; also safe to run at any time, and idempotent.
 */
export async function disableStaleAccounts(ctx: AppContext): Promise<{ expired: number; inactive: number }> {
  const now = ctx.clock.now();
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'status', 'expires_at', 'last_login_at', 'created_at', 'admin_kind'])
    .where('status', '=', 'active')
    .execute();
  const counts = { expired: 0, inactive: 0 };
  for (const user of users) {
    const reason = staleReason(user, now, ctx.config.accountInactiveDays);
    if (!reason) continue;
    await disableStale(ctx, user.id, reason);
    counts[reason]++;
  }
  return counts;
}
