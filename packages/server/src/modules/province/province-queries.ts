import type { Executor } from '../../db/database.ts';

/** Each city's root org at this instance (the province's own root excluded). */
export function cityRoots(db: Executor, ownCode: string, isProvince: boolean) {
  let q = db.selectFrom('org').select(['id', 'name', 'city_code']).where('parent_id', 'is', null).where('status', '=', 'active');
  if (isProvince) q = q.where('city_code', '<>', ownCode);
  return q.orderBy('city_code').execute();
}

/** The branches (first level below the root) of one city. */
export function branchesOf(db: Executor, rootId: string) {
  return db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', '=', rootId)
    .where('status', '=', 'active')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

/** Seconds since each city's last replicated heartbeat, by city code. */
export async function heartbeats(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('replication_heartbeat').select(['city_code', 'beat_at']).execute();
  return new Map(rows.map((r) => [r.city_code, r.beat_at]));
}
