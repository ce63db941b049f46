import type { ExamTargets } from '@zhenggong/core';
import { policeRankOrdinal } from '@zhenggong/core/dict/police-rank';
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, establishmentUnitOf, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { AppError } from '../../platform/http/app-error.ts';

/**
 * Examinee targeting (参考对象). Examinees are people serving now (person table) who have a
 * linked, active account (app_user.person_id): without an account nobody could sit the exam.
 * The person and account tables are read here directly because targeting is a set query over
 * them that no personnel service offers; nothing in them is written.
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
  for (let i = 0; i < personIds.length; i += 1000) {
    const chunk = personIds.slice(i, i + 1000);
    const found = await db
      .selectFrom('person as p')
      .select('p.id')
      .where('p.id', 'in', chunk)
      .where(scopeWhere(scope, 'p.org_id'))
      .execute();
    if (found.length !== chunk.length)
      throw new AppError('OUT_OF_SCOPE', { personIds: chunk.filter((id) => !found.some((f) => f.id === id)) });
  }
}

export interface ResolvedExaminee {
  readonly personId: string;
  readonly orgId: string;
  readonly unitId: string;
}

/** The union of the targets, limited to the scheduler's data scope, each with their unit now. */
export async function resolveExaminees(db: Executor, scope: ResolvedScope, t: ExamTargets): Promise<ResolvedExaminee[]> {
  const ors: ReturnType<typeof sql<SqlBool>>[] = [];
  if (t.orgIds?.length)
    ors.push(sql<SqlBool>`p.org_id in (select descendant_id from org_closure where ancestor_id in (${sql.join(t.orgIds)}))`);
  if (t.roleIds?.length) {
    ors.push(
      sql<SqlBool>`p.id in (select ru.person_id from app_user ru join user_role ur on ur.user_id = ru.id where ur.role_id in (${sql.join(t.roleIds)}) and ru.person_id is not null)`,
    );
  }
  if (t.ranks?.length) ors.push(sql<SqlBool>`p.rank in (${sql.join(t.ranks)})`);
  if (t.personIds?.length) ors.push(sql<SqlBool>`p.id in (${sql.join(t.personIds)})`);
  if (ors.length === 0) return [];
  const rows = await db
    .selectFrom('person as p')
    .innerJoin('app_user as u', 'u.person_id', 'p.id')
    .select(['p.id', 'p.org_id'])
    .where('u.status', '=', 'active')
    .where('p.status', 'in', ['serving', 'seconded'])
    .where(scopeWhere(scope, 'p.org_id'))
    .where(sql<SqlBool>`(${sql.join(ors, sql` or `)})`)
    .orderBy('p.id')
    .execute();
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
  const row = await db.selectFrom('app_user').select('person_id').where('id', '=', userId).executeTakeFirst();
  return row?.person_id ?? undefined;
}
