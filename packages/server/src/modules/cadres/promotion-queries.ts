import type { Executor } from '../../db/database.ts';
import { caseIdsFor } from '../../platform/workflow/engine.ts';
import { PROMOTION_KIND } from './promotion-kind.ts';

/** Open promotion cases of these people, keyed `personId:track` → workflow case id. */
export async function openCasesOf(db: Executor, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cadre_promotion')
    .select(['id', 'person_id', 'track'])
    .where('person_id', 'in', [...personIds])
    .where('status', '=', 'in_progress')
    .execute();
  const cases = await caseIdsFor(
    db,
    PROMOTION_KIND,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [`${r.person_id}:${r.track}`, cases.get(r.id) ?? r.id]));
}

export const findPromotion = (db: Executor, id: string) =>
  db.selectFrom('cadre_promotion').selectAll().where('id', '=', id).executeTakeFirst();
