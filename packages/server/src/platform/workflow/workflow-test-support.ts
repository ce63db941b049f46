import { makeIdNumber } from '@zhenggong/core';
import { toPersonRow } from '../../modules/personnel/person-rows.ts';
import { insertPersonWithHistory } from '../../modules/personnel/person-service.ts';
import type { AppContext } from '../context.ts';

/** A person row straight into the table, for fixtures (the API path is tested by personnel). */
export async function makePerson(ctx: AppContext, name: string, orgId: string, seq: number): Promise<string> {
  const built = toPersonRow(ctx, { kind: 'officer', name, idNumber: makeIdNumber('330102', '1985-03-03', seq), orgId });
  if (!built.ok) throw new Error(`fixture person ${name} invalid`);
  await ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, built.row, '2010-01-01'));
  return built.row.id;
}

export async function linkAccount(ctx: AppContext, userId: string, personId: string): Promise<void> {
  await ctx.db.updateTable('app_user').set({ person_id: personId }).where('id', '=', userId).execute();
}
