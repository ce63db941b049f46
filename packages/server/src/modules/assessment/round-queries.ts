import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { AsmResultTable, AsmRoundTable, AsmSchemeTable } from './tables.ts';

/** Reads of rounds and results; a round outside the caller's scope is "not found". */

export const roundsInScope = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('asm_round as r')
    .innerJoin('asm_scheme as s', 's.id', 'r.scheme_id')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .where(scopeWhere(scope, 'r.org_id'));

export interface LoadedRound {
  readonly round: AsmRoundTable;
  readonly scheme: AsmSchemeTable;
  readonly orgName: string;
}

export async function loadRound(db: Executor, scope: ResolvedScope, id: string): Promise<LoadedRound> {
  const round = await db.selectFrom('asm_round').selectAll().where('id', '=', id).where(scopeWhere(scope, 'org_id')).executeTakeFirst();
  if (!round) throw new AppError('ASM_ROUND_NOT_FOUND');
  const scheme = await db.selectFrom('asm_scheme').selectAll().where('id', '=', round.scheme_id).executeTakeFirstOrThrow();
  const org = await db.selectFrom('org').select('name').where('id', '=', round.org_id).executeTakeFirstOrThrow();
  return { round, scheme, orgName: org.name };
}

export const resultsOf = (db: Executor, roundId: string): Promise<AsmResultTable[]> =>
  db
    .selectFrom('asm_result')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('total', 'desc')
    .orderBy('subject_name')
    .orderBy('id')
    .execute();

export async function resultOf(db: Executor, roundId: string, resultId: string): Promise<AsmResultTable> {
  const r = await db.selectFrom('asm_result').selectAll().where('id', '=', resultId).where('round_id', '=', roundId).executeTakeFirst();
  if (!r) throw new AppError('ASM_RESULT_NOT_FOUND');
  return r;
}

export async function openAppealCount(db: Executor, roundId: string): Promise<number> {
  const rows = await db.selectFrom('asm_appeal').select('id').where('round_id', '=', roundId).where('status', '=', 'open').execute();
  return rows.length;
}

/** Totals of the individual results of a period in rounds of this unit and below (a unit scheme's 人员平均). */
export async function memberTotals(db: Executor, orgId: string, period: string, excludeRoundId: string) {
  return db
    .selectFrom('asm_result as x')
    .innerJoin('asm_round as r', 'r.id', 'x.round_id')
    .innerJoin('org_closure as c', 'c.descendant_id', 'r.org_id')
    .select(['x.subject_name as name', 'x.total'])
    .where('c.ancestor_id', '=', orgId)
    .where('r.period', '=', period)
    .where('r.id', '!=', excludeRoundId)
    .where('x.person_id', 'is not', null)
    .orderBy('x.subject_name')
    .orderBy('x.id')
    .execute();
}
