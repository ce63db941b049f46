import { isPersonSetEmpty, normalizePersonSet, type NormalizedPersonSet, type PersonSet, type PlatformErrorCode } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';

/**
 * Checks a person set named in a request: not empty (that would mean everyone; `emptyCode` is
 * the module's own error), its units and named people inside the caller's scope (orgs and people
 * named in a request must be, ARCHITECTURE "Data scope"). Returns the normalised set to store.
 */
export async function checkedPersonSet(
  db: Executor,
  scope: ResolvedScope,
  raw: PersonSet,
  emptyCode: PlatformErrorCode,
): Promise<NormalizedPersonSet> {
  const set = normalizePersonSet(raw);
  if (isPersonSetEmpty(set)) throw new AppError(emptyCode);
  for (const orgId of set.orgIds) await assertOrgInScope(db, scope, orgId);
  const named = [...set.personIds, ...(set.excludePersonIds ?? [])];
  for (let i = 0; i < named.length; i += 1000) {
    const chunk = named.slice(i, i + 1000);
    const found = await db
      .selectFrom('person as p')
      .select('p.id')
      .where('p.id', 'in', chunk)
      .where(scopeWhere(scope, 'p.org_id'))
      .execute();
    if (found.length !== new Set(chunk).size) throw new AppError('PERSON_NOT_FOUND');
  }
  return set;
}
