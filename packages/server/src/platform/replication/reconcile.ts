import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { appendAudit, systemActor, type AuditActor } from '../audit/audit-service.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { ident, literal, replicatedTables, type AnyDb, type ReplicatedTable } from './catalogue.ts';
import { cityLinks, parseConninfo, type CityLink } from './province-subscriptions.ts';

/** First pass: ids sharing 4 hex digits (UUIDv7: about 50 days each); second pass: 8 (about a minute). */
const COARSE = 4;
const FINE = 8;

export interface Bucket {
  readonly prefix: string;
  readonly rows: number;
  readonly digest: string;
}

export interface DivergedRange {
  /** Ids starting with this prefix differ; the range is [first, last] of the ids seen on either side. */
  readonly prefix: string;
  readonly first: string;
  readonly last: string;
  readonly cityRows: number;
  readonly provinceRows: number;
}

export interface TableCheck {
  readonly table: string;
  readonly cityRows: number;
  readonly provinceRows: number;
  readonly diverged: readonly DivergedRange[];
  readonly repaired: boolean;
}

/**
 * Row count and md5 over (id, version column) of one city's rows, per id-prefix bucket. The same
 * query runs at the city and at the province, so equal digests mean equal rows.
 */
async function buckets(db: AnyDb, t: ReplicatedTable, cityCode: string, length: number, within?: string): Promise<Map<string, Bucket>> {
  const version = t.versionColumn ? `coalesce(${ident(t.versionColumn)}::text, '')` : `''`;
  const r = await sql<{ prefix: string; n: number; digest: string }>`
    select left(id, ${sql.lit(length)}) as prefix, count(*)::int as n,
           md5(string_agg(id || '|' || ${sql.raw(version)}, ',' order by id)) as digest
    from ${sql.table(t.table)} where city_code = ${cityCode}
    ${within ? sql`and left(id, ${sql.lit(within.length)}) = ${within}` : sql``}
    group by 1`.execute(db);
  return new Map(r.rows.map((b) => [b.prefix, { prefix: b.prefix, rows: b.n, digest: b.digest }]));
}

const differing = (a: Map<string, Bucket>, b: Map<string, Bucket>) =>
  [...new Set([...a.keys(), ...b.keys()])].sort().filter((k) => a.get(k)?.digest !== b.get(k)?.digest);

const sum = (m: Map<string, Bucket>) => [...m.values()].reduce((s, b) => s + b.rows, 0);

async function idBounds(db: AnyDb, table: string, cityCode: string, prefix: string) {
  const r = await sql<{ first: string | null; last: string | null }>`
    select min(id) as first, max(id) as last from ${sql.table(table)} where city_code = ${cityCode} and left(id, ${sql.lit(prefix.length)}) = ${prefix}`.execute(
    db,
  );
  return r.rows[0] ?? { first: null, last: null };
}

/** Compares one table of one city; returns the id ranges whose rows differ. */
export async function checkTable(city: AnyDb, province: AnyDb, t: ReplicatedTable, cityCode: string): Promise<TableCheck> {
  const [c, p] = await Promise.all([buckets(city, t, cityCode, COARSE), buckets(province, t, cityCode, COARSE)]);
  const diverged: DivergedRange[] = [];
  for (const coarse of differing(c, p)) {
    const [cf, pf] = await Promise.all([buckets(city, t, cityCode, FINE, coarse), buckets(province, t, cityCode, FINE, coarse)]);
    for (const prefix of differing(cf, pf)) {
      const [cb, pb] = await Promise.all([idBounds(city, t.table, cityCode, prefix), idBounds(province, t.table, cityCode, prefix)]);
      const ids = [cb.first, cb.last, pb.first, pb.last].filter((x): x is string => x !== null).sort();
      diverged.push({
        prefix,
        first: ids[0] ?? prefix,
        last: ids[ids.length - 1] ?? prefix,
        cityRows: cf.get(prefix)?.rows ?? 0,
        provinceRows: pf.get(prefix)?.rows ?? 0,
      });
    }
  }
  return { table: t.table, cityRows: sum(c), provinceRows: sum(p), diverged, repaired: false };
}

/**
 * Re-copies diverged ranges from the city: in one province transaction, as a replica (so the
 * read-only guard lets it through, like the apply worker), delete the city's rows of each range
 * and insert the city's current rows — published columns only.
 */
async function repairTable(
  city: AnyDb,
  province: AnyDb,
  t: ReplicatedTable,
  cityCode: string,
  ranges: readonly DivergedRange[],
): Promise<void> {
  const columns = t.columns.map(ident).join(', ');
  await province.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const range of ranges) {
      const where = `city_code = ${literal(cityCode)} and left(id, ${range.prefix.length}) = ${literal(range.prefix)}`;
      const rows = (await sql.raw<Record<string, unknown>>(`select ${columns} from ${ident(t.table)} where ${where}`).execute(city)).rows;
      await sql.raw(`delete from ${ident(t.table)} where ${where}`).execute(trx);
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto(t.table)
          .values(rows.slice(i, i + 500))
          .execute();
    }
  });
}

export interface ReconcileResult {
  readonly cityCode: string;
  readonly tables: readonly TableCheck[];
}

/**
 * Nightly (and on demand): compares every replicated table of every city with the province,
 * repairs diverged ranges when asked, records the outcome in replication_check and in the audit
 * chain. A divergence the stream cannot explain (a row lost at the province, a skipped
 * transaction) is otherwise silent: the apply worker skips UPDATE/DELETE of missing rows.
 */
export async function reconcileCity(
  province: { db: AnyDb; clock: Clock },
  city: AnyDb,
  cityCode: string,
  options: { repair: boolean; actor?: AuditActor },
): Promise<ReconcileResult> {
  const checks: TableCheck[] = [];
  for (const t of await replicatedTables(province.db)) {
    if (t.table === 'replication_heartbeat') continue; // beats every few seconds; checked by lag instead
    const check = await checkTable(city, province.db, t, cityCode);
    if (options.repair && check.diverged.length > 0) {
      await repairTable(city, province.db, t, cityCode, check.diverged);
      checks.push({ ...check, repaired: true });
    } else checks.push(check);
  }
  const now = province.clock.now().toISOString();
  const diverged = checks.filter((c) => c.diverged.length > 0);
  await province.db.transaction().execute(async (trx) => {
    for (const c of diverged) {
      await trx
        .insertInto('replication_check')
        .values({
          id: newId(),
          city_code: cityCode,
          table_name: c.table,
          city_rows: c.cityRows,
          province_rows: c.provinceRows,
          diverged: JSON.stringify(c.diverged),
          repaired: c.repaired ? 1 : 0,
          checked_at: now,
        })
        .execute();
    }
    await appendAudit(trx, province.clock, options.actor ?? systemActor, {
      eventType: 'replication.reconcile',
      objectType: 'city',
      objectId: cityCode,
      outcome: diverged.length === 0 ? 'success' : 'failure',
      detail: {
        tables: checks.length,
        diverged: diverged.map((c) => ({ table: c.table, ranges: c.diverged.map((r) => [r.first, r.last]), repaired: c.repaired })),
      },
    });
  });
  return { cityCode, tables: checks };
}

/** A Kysely handle on a city, from the connection string the province keeps for it. */
export function openCity(link: CityLink): { db: AnyDb; close: () => Promise<void> } {
  const pool = new pg.Pool({ ...parseConninfo(link.conninfo), max: 2 });
  pool.on('error', () => {});
  const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

/** Every subscribed city, one after the other; an unreachable city is reported and skipped. */
export async function reconcileAll(province: { db: AnyDb; clock: Clock }, options: { repair: boolean }) {
  const results: (ReconcileResult | { cityCode: string; error: string })[] = [];
  for (const link of await cityLinks(province.db)) {
    const city = openCity(link);
    try {
      results.push(await reconcileCity(province, city.db, link.cityCode, options));
    } catch (error) {
      results.push({ cityCode: link.cityCode, error: error instanceof Error ? error.message : String(error) });
    } finally {
      await city.close();
    }
  }
  return results;
}
