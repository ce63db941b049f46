import { makeIdNumber } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { createPersonRecord } from '../personnel/people.ts';

let serial = 700;

/** Inserts a serving officer directly (fixtures and tests of party and publicity). */
export async function makeOfficer(ctx: AppContext, orgId: string, name: string, birth = '1988-04-01'): Promise<string> {
  serial += 1;
  const input = { kind: 'officer' as const, name, idNumber: makeIdNumber('330106', birth, serial), orgId };
  return (await ctx.db.transaction().execute((trx) => createPersonRecord(trx, ctx, input, '2012-07-01'))).id;
}

/** Links an account to a person record, as the personnel page does, for self-service tests. */
export async function linkAccount(ctx: AppContext, userId: string, personId: string): Promise<void> {
  await ctx.db.updateTable('app_user').set({ person_id: personId }).where('id', '=', userId).execute();
}
