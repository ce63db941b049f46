import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { QbBankTable } from './tables.ts';

/**
 * Who sees a bank (题库):
 * - holders of exam:question whose data scope covers the bank's org may read and change it;
 * - banks of the city bureau itself (the root org and its internal departments, not its
 *   subordinate units) are city-level banks, shared read-only with every holder of
 *   exam:question, so branches compose papers from the city's common questions.
 */
export const cityLevelOrgs = sql<string>`(select c.descendant_id from org_closure c inner join org r on r.id = c.ancestor_id
  where r.parent_id is null and not exists (
    select 1 from org_closure c2 inner join org a on a.id = c2.ancestor_id
    where c2.descendant_id = c.descendant_id and a.is_unit = 1 and a.parent_id is not null))`;

/** Rows whose bank org (`orgColumn`) the caller may read: in scope, or city level. */
export function visibleWhere(scope: ResolvedScope, orgColumn: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${scopeWhere(scope, orgColumn)} or ${sql.ref(orgColumn)} in ${cityLevelOrgs})`;
}

export interface VisibleBank extends QbBankTable {
  readonly writable: boolean;
}

/** A bank the caller may read; 404 otherwise (never tells an out-of-scope bank from a missing one). */
export async function visibleBank(db: Executor, scope: ResolvedScope, bankId: string): Promise<VisibleBank> {
  const row = await db
    .selectFrom('qb_bank as b')
    .selectAll('b')
    .select(sql<number>`case when ${scopeWhere(scope, 'b.org_id')} then 1 else 0 end`.as('in_scope'))
    .where('b.id', '=', bankId)
    .where(visibleWhere(scope, 'b.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('QB_BANK_NOT_FOUND', { bankId });
  const { in_scope, ...bank } = row;
  return { ...bank, writable: Number(in_scope) === 1 };
}

/** A bank the caller may change: in scope; a visible city-level bank answers 403 read-only. */
export async function writableBank(db: Executor, scope: ResolvedScope, bankId: string): Promise<VisibleBank> {
  const bank = await visibleBank(db, scope, bankId);
  if (!bank.writable) throw new AppError('QB_BANK_READ_ONLY', { bankId });
  return bank;
}
