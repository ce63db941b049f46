import type { RecipientOrgLevel } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { establishmentUnitOf } from '../../platform/access/data-scope.ts';

/**
 * Where an org sits for the authority matrix: its establishment unit at the root is the city
 * bureau (its internal organs included), one level down a branch (分局), deeper a unit (派出所 …).
 */
export async function orgLevelOf(db: Executor, orgId: string): Promise<RecipientOrgLevel> {
  const unit = (await establishmentUnitOf(db, orgId)) ?? orgId;
  const row = await db
    .selectFrom('org_closure')
    .select((eb) => eb.fn.max('depth').as('depth'))
    .where('descendant_id', '=', unit)
    .executeTakeFirst();
  const depth = Number(row?.depth ?? 0);
  return depth === 0 ? 'city_organ' : depth === 1 ? 'branch' : 'unit';
}

/** The root (city bureau) and the branch above an org (the root's child on its path; the root itself for city organs). */
export async function anchorsOf(db: Executor, orgId: string): Promise<{ city: string; branch: string }> {
  const path = await db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'depth'])
    .where('descendant_id', '=', orgId)
    .orderBy('depth', 'desc')
    .execute();
  const city = path[0]?.ancestor_id ?? orgId;
  return { city, branch: (path[1] ?? path[0])?.ancestor_id ?? orgId };
}

export async function orgName(db: Executor, orgId: string): Promise<string> {
  return (await db.selectFrom('org').select('name').where('id', '=', orgId).executeTakeFirst())?.name ?? '';
}
