import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { ON_FORCE_STATUSES } from '@zhenggong/core';

/**
 * Profile records other modules search for evidence (the talent pool's suggestion rules): people
 * on the force in scope (or only `personId`) whose education or awards name one of the keywords.
 */
const onForceInScope = (db: Executor, scope: ResolvedScope, personId: string | undefined) => {
  const q = db.selectFrom('person as p').where(scopeWhere(scope, 'p.org_id')).where('p.status', 'in', ON_FORCE_STATUSES);
  return personId ? q.where('p.id', '=', personId) : q;
};

export const educationMatching = (db: Executor, scope: ResolvedScope, keywords: readonly string[], personId?: string) =>
  onForceInScope(db, scope, personId)
    .innerJoin('person_education as e', 'e.person_id', 'p.id')
    .select(['p.id as person_id', 'e.major', 'e.school', 'e.level', 'e.end_date'])
    .where((eb) => eb.or(keywords.flatMap((k) => [eb('e.major', 'like', `%${k}%`), eb('e.school', 'like', `%${k}%`)])))
    .execute();

export const awardsMatching = (db: Executor, scope: ResolvedScope, keywords: readonly string[], personId?: string) =>
  onForceInScope(db, scope, personId)
    .innerJoin('person_award as a', 'a.person_id', 'p.id')
    .select(['p.id as person_id', 'a.name', 'a.level', 'a.date'])
    .where((eb) => eb.or(keywords.map((k) => eb('a.name', 'like', `%${k}%`))))
    .execute();

/** Ids of on-the-force people in scope (or only `personId`). */
export const onForceIdsInScope = async (db: Executor, scope: ResolvedScope, personId?: string): Promise<Set<string>> =>
  new Set((await onForceInScope(db, scope, personId).select('p.id').execute()).map((p) => p.id));
