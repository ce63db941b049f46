import type { Executor } from '../../db/database.ts';

/** People among `ids` with an open investigation (立案调查), and since when. */
export async function openInvestigations(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('discipline_investigation')
    .select(['person_id', 'since'])
    .where('person_id', 'in', ids)
    .where('closed_on', 'is', null)
    .orderBy('since')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.person_id)) out.set(r.person_id, r.since);
  return out;
}
