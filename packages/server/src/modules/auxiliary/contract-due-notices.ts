import type { AppContext } from '../../platform/context.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { personBriefs } from '../personnel/people.ts';

/** One contract due within the reminder window, as the daily job found it. */
export interface DueContract {
  /** Null when the end date is only on the person's record (no contract entered yet). */
  readonly contractId: string | null;
  readonly personId: string;
  readonly name: string;
  readonly orgName: string;
  readonly endDate: string;
  readonly daysLeft: number;
}

const KIND = 'auxiliary.contract-due';
const linkOf = (d: DueContract) =>
  d.contractId ? `/auxiliary?tab=reminders&contract=${d.contractId}` : `/auxiliary?tab=reminders&person=${d.personId}&end=${d.endDate}`;

/**
 * The daily reminder job's notifier: each contract entering the reminder window is announced once,
 * on the bell of everyone who manages auxiliary officers of that person's unit (auxiliary:write in
 * scope). A contract already announced is not announced again on the following days.
 */
export async function notifyContractsDue(ctx: AppContext, due: readonly DueContract[]): Promise<void> {
  if (due.length === 0) return;
  const briefs = await personBriefs(
    ctx.db,
    due.map((d) => d.personId),
  );
  const recipientsByOrg = new Map<string, string[]>();
  await ctx.db.transaction().execute(async (trx) => {
    for (const d of due) {
      const link = linkOf(d);
      const seen = await trx.selectFrom('notification').select('id').where('kind', '=', KIND).where('link', '=', link).executeTakeFirst();
      if (seen) continue;
      const orgId = briefs.get(d.personId)?.org_id;
      if (!orgId) continue;
      let users = recipientsByOrg.get(orgId);
      if (!users) {
        users = await holdersInScope(trx, 'auxiliary:write', orgId);
        recipientsByOrg.set(orgId, users);
      }
      const title = `辅警合同即将到期：${d.name}（${d.orgName}），${d.endDate} 到期，剩 ${d.daysLeft} 天`;
      await notify(
        trx,
        ctx,
        users.map((userId) => ({ userId, kind: KIND, title, link, caseId: null })),
      );
    }
  });
}
