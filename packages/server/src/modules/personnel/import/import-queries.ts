import { sql } from 'kysely';
import type { Executor, Trx } from '../../../db/database.ts';
import { param, runHot } from '../../../db/hot-query.ts';
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
  await insertRows(trx, 'person', rows, PERSON_CHUNK);
  await insertRows(
    trx,
    'person_org_history',
    histories.map((h) => h.org),
    HISTORY_CHUNK,
  );
  await insertRows(
    trx,
    'person_status_history',
    histories.map((h) => h.status),
    HISTORY_CHUNK,
  );
  await insertRows(
    trx,
    'person_rank_history',
    histories.flatMap((h) => (h.rank ? [h.rank] : [])),
    HISTORY_CHUNK,
  );
  await insertRows(
    trx,
    'person_level_history',
    histories.flatMap((h) => (h.level ? [h.level] : [])),
    HISTORY_CHUNK,
  );
  await insertRows(
    trx,
    'person_post_history',
    histories.flatMap((h) => (h.post ? [h.post] : [])),
    HISTORY_CHUNK,
  );
}

const PERSON_CHUNK = 250;
const HISTORY_CHUNK = 1000;

/**
 * Multi-row INSERTs of `chunk` rows, each statement compiled once per table, row count and column
 * set (db/hot-query.ts) and then only given new values: building a query of 250 rows × 40 columns
 * through the query builder, value by value, cost more CPU than the database's insert of them
 * (CPU profile of a 20,000-row import). A short last chunk goes through the builder as before, so
 * the cache holds one statement per table. A column a row lacks is sent as NULL, as the builder
 * would (none of these columns has a default).
 */
async function insertRows<T extends object>(trx: Trx, table: ImportTable, rows: readonly T[], chunk: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const columns = [...new Set(part.flatMap((r) => Object.keys(r)))].sort();
    const values = (r: T) => columns.map((c) => (r as Record<string, unknown>)[c] ?? null); // keys taken from these same rows
    if (part.length < chunk) {
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(part.map((r) => sql`(${sql.join(values(r))})`))}`.execute(
        trx,
      );
      continue;
    }
    const statement = (db: Executor) => {
      let n = 0;
      const rowSql = () => sql`(${sql.join(columns.map(() => param(n++)))})`;
      const query = sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(part.map(rowSql))}`;
      return { compile: () => query.compile(db) };
    };
    await runHot(trx, `import:${table}:${chunk}:${columns.join(',')}`, statement, part.flatMap(values));
  }
}

type ImportTable =
  'person' | 'person_org_history' | 'person_status_history' | 'person_rank_history' | 'person_level_history' | 'person_post_history';
