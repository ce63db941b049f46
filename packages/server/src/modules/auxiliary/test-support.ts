import { makeIdNumber } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { createPersonRecord } from '../personnel/people.ts';

let serial = 500;

/** Inserts a serving auxiliary officer directly (fixtures and tests). */
export async function makeAuxOfficer(ctx: AppContext, orgId: string, name: string, birth = '1995-04-01'): Promise<string> {
  serial += 1;
  const input = { kind: 'auxiliary' as const, name, idNumber: makeIdNumber('330106', birth, serial), orgId, auxCategory: '勤务辅警' };
  return (await ctx.db.transaction().execute((trx) => createPersonRecord(trx, ctx, input, '2022-01-01'))).id;
}
