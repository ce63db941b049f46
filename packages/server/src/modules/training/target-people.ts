import { normalizePersonSet, type NormalizedPersonSet, type PersonSet } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { checkedPersonSet, peopleInSet, type PersonBrief } from '../personnel/people.ts';

/**
 * Training targets (培训对象) are person sets (core `PersonSet`): members are the people on the
 * force in the caller's scope matching the set, resolved by the personnel module.
 */
export type TargetPerson = PersonBrief;

export const peopleInTarget = (
  ctx: AppContext,
  db: Executor,
  scope: ResolvedScope,
  target: NormalizedPersonSet,
  only?: readonly string[],
) => peopleInSet(ctx, db, scope, target, only);

/** Checks a target from a request: not empty, its orgs and named people inside the caller's scope. */
export const checkedTarget = (db: Executor, scope: ResolvedScope, raw: PersonSet): Promise<NormalizedPersonSet> =>
  checkedPersonSet(db, scope, raw, 'TRAINING_TARGET_EMPTY');

export const parseTarget = (json: string): NormalizedPersonSet => normalizePersonSet(JSON.parse(json) as PersonSet);
