import { sql } from 'kysely';
import pg from 'pg';
import { CITY_CODE, ident, literal, PUBLICATION, replicatedTables, subscriptionName, type AnyDb } from './catalogue.ts';
import { ReplicationSetupError } from './city-publication.ts';

export interface CityLink {
  readonly cityCode: string;
  readonly name: string;
  /** libpq connection string the province uses to reach the city (host, port, dbname, user, sslmode …). */
  readonly conninfo: string;
}

const checkCode = (code: string) => {
  if (!CITY_CODE.test(code)) throw new ReplicationSetupError(`city code must be 6 digits (GB/T 2260), got "${code}"`);
};

/**
 * Subscribes the province to a city's publication (one subscription and one slot per city). The
 * slot is created on the city by this statement, which is why it runs outside a transaction.
 * disable_on_error stays off: it also fires when a city restarts mid-stream (measured here), and a
 * city outage must heal by itself; a failing transaction shows as a rising apply-error count.
 */
export async function addCity(db: AnyDb, link: CityLink, now: Date): Promise<void> {
  checkCode(link.cityCode);
  const iso = now.toISOString();
  await db
    .insertInto('replication_city')
    .values({ city_code: link.cityCode, name: link.name, conninfo: link.conninfo, created_at: iso, updated_at: iso })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ name: link.name, conninfo: link.conninfo, updated_at: iso }))
    .execute();
  await createSubscription(db, link.cityCode, link.conninfo);
}

async function createSubscription(db: AnyDb, cityCode: string, conninfo: string): Promise<void> {
  const name = subscriptionName(cityCode);
  await sql
    .raw(
      `create subscription ${name} connection ${literal(`${conninfo} application_name=${name}`)} publication ${PUBLICATION} with (copy_data = true, disable_on_error = false, streaming = off)`,
    )
    .execute(db);
}

/** The province's record of a city, or an error naming the code. */
export async function cityLink(db: AnyDb, cityCode: string): Promise<CityLink> {
  const row = await db.selectFrom('replication_city').selectAll().where('city_code', '=', cityCode).executeTakeFirst();
  if (!row) throw new ReplicationSetupError(`city ${cityCode} is not subscribed at this province`);
  return { cityCode, name: row.name as string, conninfo: row.conninfo as string };
}

export async function cityLinks(db: AnyDb): Promise<CityLink[]> {
  const rows = await db.selectFrom('replication_city').selectAll().orderBy('city_code').execute();
  return rows.map((r) => ({ cityCode: r.city_code as string, name: r.name as string, conninfo: r.conninfo as string }));
}

/**
 * Drops a city's subscription. When the city cannot be reached (or its slot is lost) the
 * subscription is detached from its slot first, and the slot is dropped on the city when it can
 * be reached; a slot left behind would pin the city's WAL.
 */
async function dropSubscription(db: AnyDb, link: CityLink): Promise<{ slotDropped: boolean }> {
  const name = subscriptionName(link.cityCode);
  const exists = (await sql<{ n: number }>`select count(*)::int as n from pg_subscription where subname = ${name}`.execute(db)).rows[0]?.n;
  if (exists) {
    await sql.raw(`alter subscription ${name} disable`).execute(db);
    await sql.raw(`alter subscription ${name} set (slot_name = none)`).execute(db);
    await sql.raw(`drop subscription ${name}`).execute(db);
  }
  return { slotDropped: await dropCitySlot(link) };
}

/**
 * Drops the city's slot once no walsender holds it: after ALTER SUBSCRIPTION … DISABLE the city's
 * walsender ends a moment later, and a slot still active then would survive and make the next
 * CREATE SUBSCRIPTION fail with "replication slot already exists". True when no slot is left.
 */
async function dropCitySlot(link: CityLink, timeoutMs = 30_000): Promise<boolean> {
  const client = new pg.Client({ ...parseConninfo(link.conninfo), connectionTimeoutMillis: 5000 });
  const slot = subscriptionName(link.cityCode);
  try {
    await client.connect();
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await client.query<{ active: boolean }>('select active from pg_replication_slots where slot_name = $1', [slot]);
      const row = r.rows[0];
      if (!row) return true;
      if (!row.active) {
        await client.query('select pg_drop_replication_slot($1)', [slot]);
        return true;
      }
      if (Date.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Deletes a city's rows from every replicated table (as the apply worker does: the guard does not fire). */
async function deleteCityRows(db: AnyDb, cityCode: string): Promise<number> {
  const tables = await replicatedTables(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    let n = 0;
    for (const t of tables) {
      const r = await sql.raw(`delete from ${ident(t.table)} where city_code = ${literal(cityCode)}`).execute(trx);
      n += Number(r.numAffectedRows ?? 0);
    }
    return n;
  });
}

/** Stops receiving a city and removes its rows from the province. */
export async function removeCity(db: AnyDb, cityCode: string): Promise<{ deletedRows: number; slotDropped: boolean }> {
  const link = await cityLink(db, cityCode);
  const { slotDropped } = await dropSubscription(db, link);
  const deletedRows = await deleteCityRows(db, cityCode);
  await db.deleteFrom('replication_city').where('city_code', '=', cityCode).execute();
  return { deletedRows, slotDropped };
}

/**
 * Re-copies a city from scratch: after a lost slot (wal_status = lost), a stream stopped by a
 * skipped transaction, or divergence reconciliation cannot repair by ranges (design B3.2).
 */
export async function resyncCity(db: AnyDb, cityCode: string): Promise<{ deletedRows: number; slotDropped: boolean }> {
  const link = await cityLink(db, cityCode);
  const { slotDropped } = await dropSubscription(db, link);
  const deletedRows = await deleteCityRows(db, cityCode);
  await createSubscription(db, cityCode, link.conninfo);
  return { deletedRows, slotDropped };
}

/**
 * After a city's migration added tables (its publication re-listed them), the province must
 * fetch the new list; new tables are copied from the start.
 */
export async function refreshCity(db: AnyDb, cityCode: string): Promise<void> {
  checkCode(cityCode);
  await sql.raw(`alter subscription ${subscriptionName(cityCode)} refresh publication with (copy_data = true)`).execute(db);
}

/** Waits until every table of the city's subscription has finished its initial copy. */
export async function waitForInitialCopy(db: AnyDb, cityCode: string, timeoutMs: number): Promise<void> {
  const name = subscriptionName(cityCode);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await sql<{ pending: number; total: number }>`
      select count(*) filter (where r.srsubstate <> 'r')::int as pending, count(*)::int as total
      from pg_subscription s join pg_subscription_rel r on r.srsubid = s.oid where s.subname = ${name}`.execute(db);
    const row = r.rows[0];
    if (row && row.total > 0 && row.pending === 0) return;
    if (Date.now() > until) throw new ReplicationSetupError(`initial copy of city ${cityCode} not finished after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** libpq key=value string → pg.Client options (the subset the operator's guide uses). */
export function parseConninfo(conninfo: string): pg.ClientConfig {
  const out: Record<string, string> = {};
  for (const m of conninfo.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/g)) {
    const key = m[1] as string;
    const raw = m[2] as string;
    out[key] = raw.startsWith("'") ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  }
  return {
    host: out.host ?? out.hostaddr,
    port: out.port ? Number(out.port) : undefined,
    database: out.dbname,
    user: out.user,
    password: out.password,
    ssl:
      out.sslmode && out.sslmode !== 'disable' && out.sslmode !== 'prefer'
        ? { rejectUnauthorized: out.sslmode === 'verify-full' }
        : undefined,
  };
}
