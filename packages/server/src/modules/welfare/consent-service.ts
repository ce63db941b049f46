import type { ConsentCategory } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { linkedPerson, today } from '../personnel/people.ts';
import { ruleValue } from './welfare-rules.ts';

/**
 * Separate consent (单独同意, PIPL Art. 29) per sensitive category, given and withdrawn by the
 * person themself. A consent counts only for the notice version in force: a new notice (new
 * purpose, method or data type, Art. 14) needs fresh consent.
 */
export async function activeConsent(ctx: AppContext, db: Executor, personId: string, category: ConsentCategory): Promise<boolean> {
  const notice = (await ruleValue(ctx, db, 'wearable', today(ctx))).consentNoticeVersion;
  const row = await db
    .selectFrom('welfare_consent')
    .select('id')
    .where('person_id', '=', personId)
    .where('category', '=', category)
    .where('withdrawn_at', 'is', null)
    .where('notice_version', '=', notice)
    .executeTakeFirst();
  return row !== undefined;
}

export async function grantConsent(
  ctx: AppContext,
  principal: Principal,
  actor: AuditActor,
  category: ConsentCategory,
  noticeVersion: string,
) {
  const me = await linkedPerson(ctx.db, principal);
  const notice = (await ruleValue(ctx, ctx.db, 'wearable', today(ctx))).consentNoticeVersion;
  if (noticeVersion !== notice) throw new AppError('WELFARE_RULE_INVALID', { reason: 'notice_version', current: notice });
  if (await activeConsent(ctx, ctx.db, me.id, category)) return { id: me.id };
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('welfare_consent')
      .values({
        id: newId(),
        person_id: me.id,
        category,
        notice_version: notice,
        granted_at: now,
        withdrawn_at: null,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.consent.grant',
      objectType: 'person',
      objectId: me.id,
      detail: { category, notice },
    });
  });
  return { id: me.id };
}

/** Withdrawal stops processing at once: devices are retired (ingestion refused); raw readings go after the retention period. */
export async function withdrawConsent(ctx: AppContext, principal: Principal, actor: AuditActor, category: ConsentCategory) {
  const me = await linkedPerson(ctx.db, principal);
  const now = ctx.clock.now().toISOString();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('welfare_consent')
      .set({ withdrawn_at: now })
      .where('person_id', '=', me.id)
      .where('category', '=', category)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    if (category === 'wearable') {
      await trx
        .updateTable('wearable_device')
        .set({ status: 'retired', retired_at: now })
        .where('person_id', '=', me.id)
        .where('status', '=', 'active')
        .execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.consent.withdraw',
      objectType: 'person',
      objectId: me.id,
      detail: { category },
    });
    return true;
  });
  if (!changed) throw new AppError('CONSENT_NOT_FOUND');
  return { id: me.id };
}

export async function consentsOf(ctx: AppContext, personId: string) {
  const rows = await ctx.db
    .selectFrom('welfare_consent')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('granted_at', 'desc')
    .execute();
  return (['wearable', 'health', 'psych'] as const).map((category) => {
    const latest = rows.find((r) => r.category === category);
    return {
      category,
      granted: latest !== undefined && latest.withdrawn_at === null,
      noticeVersion: latest?.notice_version ?? null,
      grantedAt: latest?.granted_at ?? null,
      withdrawnAt: latest?.withdrawn_at ?? null,
    };
  });
}
