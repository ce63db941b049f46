import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { allPeople } from '../personnel/people.ts';

/** Every query on the competition tables; events are scoped by their organising unit. */
export const findEventInScope = (db: Executor, scope: ResolvedScope, id: string) =>
  db
    .selectFrom('competition_event as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select('o.name as org_name')
    .where('e.id', '=', id)
    .where(scopeWhere(scope, 'e.org_id'))
    .executeTakeFirst();

export const itemsOf = (db: Executor, eventId: string) =>
  db.selectFrom('competition_item').selectAll().where('event_id', '=', eventId).orderBy('sort_order').orderBy('id').execute();

export const findItem = (db: Executor, eventId: string, itemId: string) =>
  db.selectFrom('competition_item').selectAll().where('event_id', '=', eventId).where('id', '=', itemId).executeTakeFirst();

export const findEntry = (db: Executor, eventId: string, entryId: string) =>
  db.selectFrom('competition_entry').selectAll().where('event_id', '=', eventId).where('id', '=', entryId).executeTakeFirst();

/** Entries with their unit's name and their people, in one pass per table. */
export async function entriesOf(db: Executor, eventId: string) {
  const entries = await db
    .selectFrom('competition_entry as en')
    .innerJoin('org as o', 'o.id', 'en.org_id')
    .select(['en.id', 'en.item_id', 'en.org_id', 'o.name as org_name', 'en.team_name', 'en.score'])
    .where('en.event_id', '=', eventId)
    .orderBy('en.created_at')
    .orderBy('en.id')
    .execute();
  const members = await db
    .selectFrom('competition_entry_member as m')
    .innerJoin('competition_entry as en', 'en.id', 'm.entry_id')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'm.person_id')
    .select(['m.entry_id', 'p.id', 'p.name', 'p.police_number'])
    .where('en.event_id', '=', eventId)
    .orderBy('p.name_pinyin')
    .execute();
  const byEntry = new Map<string, { id: string; name: string; policeNumber: string | null }[]>();
  for (const m of members) {
    const list = byEntry.get(m.entry_id) ?? [];
    list.push({ id: m.id, name: m.name, policeNumber: m.police_number });
    byEntry.set(m.entry_id, list);
  }
  return entries.map((e) => ({ ...e, people: byEntry.get(e.id) ?? [] }));
}

export type EntryView = Awaited<ReturnType<typeof entriesOf>>[number];

export function listEvents(
  db: Executor,
  scope: ResolvedScope,
  f: { q?: string | undefined; status?: string | undefined; year?: number | undefined },
) {
  let q = db.selectFrom('competition_event as e').innerJoin('org as o', 'o.id', 'e.org_id').where(scopeWhere(scope, 'e.org_id'));
  if (f.q) q = q.where('e.title', 'like', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.status) q = q.where('e.status', '=', f.status as 'open');
  if (f.year) q = q.where('e.start_date', '>=', `${f.year}-01-01`).where('e.start_date', '<=', `${f.year}-12-31`);
  return q;
}

/** True when `orgId` is `unitId` or lies below it. */
export async function isWithin(db: Executor, unitId: string, orgId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('org_closure')
    .select('descendant_id')
    .where('ancestor_id', '=', unitId)
    .where('descendant_id', '=', orgId)
    .executeTakeFirst();
  return hit !== undefined;
}
