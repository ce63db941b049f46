import type { ExamTargets, PersonSet } from '@zhenggong/core';
import { policeRankOrdinal } from '@zhenggong/core/dict/police-rank';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, establishmentUnitOf, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, OutOfScopeError } from '../../platform/http/app-error.ts';
import { assertPeopleInScope, linkedPersonOf as linkedPersonRecord, peopleInAnySet } from '../personnel/people.ts';

/**
 * Examinee targeting (参考对象). Examinees are people on the force who have a linked, active
 * account (app_user.person_id): without an account nobody could sit the exam. The targets are a
 * union — everyone in the units, everyone holding the ranks, the holders of the roles, the named
 * people — so each part is its own person set and personnel resolves people matching any of them.
 */

const hasTargets = (t: ExamTargets): boolean =>
  (t.orgIds?.length ?? 0) + (t.roleIds?.length ?? 0) + (t.ranks?.length ?? 0) + (t.personIds?.length ?? 0) > 0;

/** Orgs, roles, ranks and people named as targets must exist and lie inside the caller's scope. */
export async function checkTargets(db: Executor, scope: ResolvedScope, t: ExamTargets): Promise<void> {
  if (!hasTargets(t)) throw new AppError('EXAM_NO_TARGETS');
  for (const orgId of t.orgIds ?? []) await assertOrgInScope(db, scope, orgId);
  for (const rank of t.ranks ?? []) if (policeRankOrdinal(rank) === undefined) throw new AppError('EXAM_RANK_UNKNOWN', { rank });
  const roleIds = t.roleIds ?? [];
  if (roleIds.length > 0) {
    const found = await db.selectFrom('role').select('id').where('id', 'in', roleIds).where('admin_kind', 'is', null).execute();
    if (found.length !== roleIds.length) throw new AppError('EXAM_ROLE_NOT_FOUND');
  }
  const personIds = t.personIds ?? [];
  for (let i = 0; i < personIds.length; i += 1000)
    await assertPeopleInScope(
      db,
      scope,
      personIds.slice(i, i + 1000),
      (missing) => new OutOfScopeError({ personIds: missing }, 'PERSON_NOT_FOUND'),
    );
}

export interface ResolvedExaminee {
  readonly personId: string;
  readonly orgId: string;
  readonly unitId: string;
}

/** The sets the targets stand for; role holders become named people (roles belong to accounts, not to personnel). */
async function targetSets(db: Executor, t: ExamTargets): Promise<PersonSet[]> {
  const sets: PersonSet[] = [];
  if (t.orgIds?.length) sets.push({ orgIds: t.orgIds });
  if (t.ranks?.length) sets.push({ ranks: t.ranks });
  const named = [...(t.personIds ?? [])];
  if (t.roleIds?.length) {
    const holders = await db
      .selectFrom('app_user as ru')
      .innerJoin('user_role as ur', 'ur.user_id', 'ru.id')
      .select('ru.person_id')
      .where('ur.role_id', 'in', t.roleIds)
      .where('ru.person_id', 'is not', null)
      .execute();
    for (const h of holders) if (h.person_id) named.push(h.person_id);
  }
  if (named.length > 0) sets.push({ personIds: [...new Set(named)] });
  return sets;
}

/** People with an active account linked, among `personIds`. */
async function withActiveAccount(db: Executor, personIds: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const rows = await db
      .selectFrom('app_user')
      .select('person_id')
      .where('status', '=', 'active')
      .where('person_id', 'in', personIds.slice(i, i + 1000))
      .execute();
    for (const r of rows) if (r.person_id) out.add(r.person_id);
  }
  return out;
}

/** The union of the targets, limited to the scheduler's data scope, each with their unit now. */
export async function resolveExaminees(ctx: AppContext, db: Executor, scope: ResolvedScope, t: ExamTargets): Promise<ResolvedExaminee[]> {
  const people = await peopleInAnySet(ctx, db, scope, await targetSets(db, t));
  const active = await withActiveAccount(
    db,
    people.map((p) => p.id),
  );
  const rows = people.filter((p) => active.has(p.id));
  const units = new Map<string, string>();
  const out: ResolvedExaminee[] = [];
  for (const r of rows) {
    let unit = units.get(r.org_id);
    if (unit === undefined) {
      unit = (await establishmentUnitOf(db, r.org_id)) ?? r.org_id;
      units.set(r.org_id, unit);
    }
    out.push({ personId: r.id, orgId: r.org_id, unitId: unit });
  }
  return out;
}

/** The person linked to the caller's account, or undefined (admins, unlinked accounts). */
export async function linkedPersonOf(db: Executor, userId: string): Promise<string | undefined> {
  return (await linkedPersonRecord(db, userId))?.id;
}
