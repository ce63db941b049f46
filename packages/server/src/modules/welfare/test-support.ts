import { makeIdNumber } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { createPersonRecord } from '../personnel/people.ts';
import { ruleValue } from './welfare-rules.ts';

let serial = 700;

/** Inserts a serving officer with a work start date (fixtures, tests, demo and bench). */
export async function makeOfficer(ctx: AppContext, orgId: string, name: string, workStartDate: string, post?: string): Promise<string> {
  serial += 1;
  // Up to 900 sequence numbers per birth date; later officers move to the next day.
  const birth = new Date(Date.UTC(1975, 0, 1) + Math.floor(serial / 900) * 86_400_000).toISOString().slice(0, 10);
  const idNumber = makeIdNumber('330106', birth, (serial % 900) + 1);
  const input = { kind: 'officer' as const, name, idNumber, orgId, workStartDate, ...(post ? { post } : {}) };
  return (await ctx.db.transaction().execute((trx) => createPersonRecord(trx, ctx, input, workStartDate))).id;
}

/** Links an account to a person record (what personnel's account route does), for fixtures. */
export async function linkAccount(ctx: AppContext, userId: string, personId: string): Promise<void> {
  await ctx.db.updateTable('app_user').set({ person_id: personId }).where('id', '=', userId).execute();
}

/** Records a person's wearable consent under the notice in force, as the consent screen does (fixtures, demo, bench). */
export async function recordConsent(ctx: AppContext, personId: string): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const notice = (await ruleValue(ctx, ctx.db, 'wearable', now.slice(0, 10))).consentNoticeVersion;
  await ctx.db
    .insertInto('welfare_consent')
    .values({
      id: newId(),
      person_id: personId,
      category: 'wearable',
      notice_version: notice,
      granted_at: now,
      withdrawn_at: null,
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
}
