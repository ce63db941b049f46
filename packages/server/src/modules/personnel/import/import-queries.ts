import type { Executor, Trx } from '../../../db/database.ts';
import type { ResolvedScope } from '../../../platform/access/data-scope.ts';
import { initialHistory } from '../person-rows.ts';
import type { PersonTable } from '../tables.ts';

/** Every org of the instance: a city has hundreds to a few thousand, so the importer holds them in memory. */
export const allOrgs = (db: Executor) => db.selectFrom('org').select(['id', 'code', 'name', 'short_name', 'parent_id', 'status']).execute();

/** The org ids a scope covers, as a set (the same rule as scopeWhere, evaluated once per import). */
export async function orgIdsInScope(db: Executor, scope: ResolvedScope): Promise<Set<string> | 'all'> {
  if (scope.all) return 'all';
  const ids = new Set(scope.orgIds);
  if (scope.subtreeRoots.length > 0) {
    const rows = await db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', 'in', scope.subtreeRoots).execute();
    for (const r of rows) ids.add(r.descendant_id);
  }
  return ids;
}

export async function takenIdIndexes(db: Executor, bidx: readonly string[]): Promise<Set<string>> {
  if (bidx.length === 0) return new Set();
  const rows = await db.selectFrom('person').select('id_number_bidx').where('id_number_bidx', 'in', bidx).execute();
  return new Set(rows.map((r) => r.id_number_bidx));
}

export async function takenPoliceNumbers(db: Executor, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db.selectFrom('person').select('police_number').where('police_number', 'in', numbers).execute();
  return new Set(rows.map((r) => r.police_number as string)); // the where clause excludes nulls
}

/**
 * The importer's batch form of insertPersonWithHistory (person-service.ts): the same rows, built
 * by the same initialHistory, sent as multi-row INSERTs. Person rows have ~40 columns, so they go
 * in chunks that stay under SQLite's 32,766 bound parameters.
 */
export async function insertPeople(trx: Trx, rows: readonly PersonTable[], startDate: (row: PersonTable) => string): Promise<void> {
  if (rows.length === 0) return;
  const histories = rows.map((r) => initialHistory(r, startDate(r)));
  for (let i = 0; i < rows.length; i += PERSON_CHUNK) await trx.insertInto('person').values(rows.slice(i, i + PERSON_CHUNK)).execute();
  await insertChunked(histories.map((h) => h.org), (c) => trx.insertInto('person_org_history').values(c).execute());
  await insertChunked(histories.map((h) => h.status), (c) => trx.insertInto('person_status_history').values(c).execute());
  await insertChunked(histories.flatMap((h) => (h.rank ? [h.rank] : [])), (c) => trx.insertInto('person_rank_history').values(c).execute());
  await insertChunked(histories.flatMap((h) => (h.level ? [h.level] : [])), (c) => trx.insertInto('person_level_history').values(c).execute());
  await insertChunked(histories.flatMap((h) => (h.post ? [h.post] : [])), (c) => trx.insertInto('person_post_history').values(c).execute());
}

const PERSON_CHUNK = 250;
const HISTORY_CHUNK = 1000;

async function insertChunked<T>(items: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += HISTORY_CHUNK) await insert(items.slice(i, i + HISTORY_CHUNK));
}
