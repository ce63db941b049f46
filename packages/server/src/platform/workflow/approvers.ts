import type { StepDef } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { establishmentUnitOf, orgInScope, resolveScope } from '../access/data-scope.ts';
import { rolesOfUser } from '../auth/auth-queries.ts';
import { approverResolver } from './registry.ts';
import type { WfCaseTable } from './tables.ts';

type CaseRef = Pick<WfCaseTable, 'subject_org_id' | 'subject_person_id' | 'submitted_by'>;

/** The org a step's approvers belong to, counted from the subject's unit up the org tree. */
async function anchorOrg(db: Executor, subjectOrgId: string, level: NonNullable<StepDef['orgLevel']>): Promise<string | undefined> {
  if (level === 'subject_unit') return establishmentUnitOf(db, subjectOrgId);
  // Ancestors from the root down: the root is the city bureau, its child on the path the branch.
  const path = await db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'depth'])
    .where('descendant_id', '=', subjectOrgId)
    .orderBy('depth', 'desc')
    .execute();
  if (level === 'city') return path[0]?.ancestor_id;
  return (path[1] ?? path[0])?.ancestor_id;
}

/** Users attached to the anchor establishment unit or its internal departments (not sub-units). */
async function usersOfUnit(db: Executor, unitId: string): Promise<{ id: string; org_id: string }[]> {
  const users = await db
    .selectFrom('app_user as u')
    .innerJoin('org_closure as c', 'c.descendant_id', 'u.org_id')
    .select(['u.id', 'u.org_id'])
    .where('c.ancestor_id', '=', unitId)
    .where('u.status', '=', 'active')
    .where('u.admin_kind', 'is', null)
    .execute();
  const result: { id: string; org_id: string }[] = [];
  for (const u of users) if ((await establishmentUnitOf(db, u.org_id)) === unitId) result.push(u);
  return result;
}

/** True when the user is the submitter or the account linked to the case's subject. */
export async function isSelfInvolved(db: Executor, c: CaseRef, userId: string): Promise<boolean> {
  if (c.submitted_by === userId) return true;
  if (!c.subject_person_id) return false;
  const u = await db.selectFrom('app_user').select('person_id').where('id', '=', userId).executeTakeFirst();
  return u?.person_id === c.subject_person_id;
}

/** Holds the step's permission now, with the subject's unit inside that permission's data scope. */
export async function mayDecide(db: Executor, c: CaseRef, step: StepDef, userId: string): Promise<boolean> {
  const user = await db.selectFrom('app_user').select(['org_id', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.status !== 'active') return false;
  const roles = await rolesOfUser(db, userId);
  if (!roles.some((r) => r.permissions.includes(step.permission))) return false;
  const scope = await resolveScope(db, { userId, orgId: user.org_id, roles }, step.permission);
  return orgInScope(db, scope, c.subject_org_id);
}

/**
 * The approvers of a step: from the registered resolver, or the users of the anchor unit (and,
 * when nobody there can decide, the next level up); only those holding the permission with the
 * subject in scope, never the submitter nor the subject themself (nobody decides their own case).
 */
export async function resolveApprovers(db: Executor, c: WfCaseTable, step: StepDef): Promise<string[]> {
  if (step.resolver) return eligible(db, c, step, await approverResolver(step.resolver)(db, c, step));
  // A level with nobody able to decide passes the case up (a station without 教导员 → the branch → the city).
  const levels = ['subject_unit', 'subject_branch', 'city'] as const;
  for (const level of levels.slice(levels.indexOf(step.orgLevel ?? 'subject_unit'))) {
    const anchor = await anchorOrg(db, c.subject_org_id, level);
    if (!anchor) continue;
    const found = await eligible(
      db,
      c,
      step,
      (await usersOfUnit(db, anchor)).map((u) => u.id),
    );
    if (found.length > 0) return found;
  }
  return [];
}

async function eligible(db: Executor, c: WfCaseTable, step: StepDef, candidates: readonly string[]): Promise<string[]> {
  const result: string[] = [];
  for (const id of new Set(candidates)) {
    if (await isSelfInvolved(db, c, id)) continue;
    if (await mayDecide(db, c, step, id)) result.push(id);
  }
  return result.sort();
}
