import type { Executor } from '../../db/database.ts';

export interface Placing {
  readonly title: string;
  readonly item: string;
  readonly date: string;
  readonly rank: number | null;
}

/**
 * Published competition results of many people dated in [from, to], for performance assessment.
 * No data scope: callers checked the people.
 */
export async function placingsOf(db: Executor, personIds: readonly string[], from: string, to: string): Promise<Map<string, Placing[]>> {
  const out = new Map<string, Placing[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('competition_result')
      .select(['person_id', 'event_title', 'item_name', 'date', 'rank'])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.person_id) ?? [];
      list.push({ title: r.event_title, item: r.item_name, date: r.date, rank: r.rank });
      out.set(r.person_id, list);
    }
  }
  return out;
}
