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

/** A leave row as the workflow would leave it (fixtures: entitlement tables, home-visit cycles, authorization). */
export async function insertLeave(
  ctx: AppContext,
  personId: string,
  leave: {
    kind: string;
    start: string;
    days: number;
    status?: 'approved' | 'pending';
    homeVisit?: { option: string; relation: 'spouse' | 'parents_unmarried' | 'parents_married' };
  },
): Promise<string> {
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const end = new Date(Date.parse(`${leave.start}T00:00:00Z`) + Math.max(0, leave.days - 1) * 86_400_000).toISOString().slice(0, 10);
  await ctx.db
    .insertInto('leave_application')
    .values({
      id,
      person_id: personId,
      kind: leave.kind,
      start_date: leave.start,
      end_date: end,
      days: leave.days,
      counting: 'calendar',
      year: Number(leave.start.slice(0, 4)),
      reason: 'fixture',
      home_visit_option: leave.homeVisit?.option ?? null,
      home_visit_relation: leave.homeVisit?.relation ?? null,
      status: leave.status ?? 'approved',
      decided_at: leave.status === 'pending' ? null : now,
      cancelled_at: null,
      created_by: null,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}
