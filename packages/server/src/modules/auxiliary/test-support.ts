import { makeIdNumber } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { toPersonRow } from '../personnel/person-rows.ts';
import { insertPersonWithHistory } from '../personnel/person-service.ts';

let serial = 500;

/** Inserts a serving auxiliary officer directly (fixtures and tests). */
export async function makeAuxOfficer(ctx: AppContext, orgId: string, name: string, birth = '1995-04-01'): Promise<string> {
  serial += 1;
  const result = toPersonRow(ctx, {
    kind: 'auxiliary',
    name,
    idNumber: makeIdNumber('330106', birth, serial),
    orgId,
    auxCategory: '勤务辅警',
  });
  if (!result.ok) throw new Error(`aux officer fixture invalid: ${JSON.stringify(result.problems)}`);
  await ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, result.row, '2022-01-01'));
  return result.row.id;
}
