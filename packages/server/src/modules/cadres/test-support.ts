import { makeIdNumber, type CreatePersonBody } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { createPersonRecord, recordAppraisals } from '../personnel/people.ts';

let serial = 700;

/** An officer with a grade, its date, a rank and 称职 appraisals for the years given (fixtures and tests). */
export async function makeOfficer(
  ctx: AppContext,
  orgId: string,
  name: string,
  o: Partial<CreatePersonBody> & { birth?: string; appraisalYears?: [number, number] } = {},
): Promise<string> {
  serial += 1;
  // GB 11643: an odd sequence number is a man, an even one a woman.
  if ((serial % 2 === 1) !== (o.sex !== '2')) serial += 1;
  const { birth = '1988-04-01', appraisalYears = [2015, 2025], ...rest } = o;
  const input: CreatePersonBody = {
    kind: 'officer',
    name,
    idNumber: makeIdNumber('330106', birth, serial),
    orgId,
    officerLevel: '610',
    levelDate: '2024-06-10',
    rank: '04',
    rankDate: '2022-12-01',
    policeStartDate: '2012-07-01',
    workStartDate: '2012-07-01',
    education: '21',
    ...rest,
  };
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await createPersonRecord(trx, ctx, input, input.policeStartDate ?? '2012-07-01');
    const lines = [];
    for (let y = appraisalYears[0]; y <= appraisalYears[1]; y++)
      lines.push({ personId: id, year: y, grade: '称职', source: 'clerk', note: null });
    await recordAppraisals(trx, ctx, lines);
    return id;
  });
}
