import { sql } from 'kysely';
import { ident, literal, PUBLICATION, replicatedTables, type AnyDb } from './catalogue.ts';

export interface PublishOptions {
  /** Bounds the WAL a dead subscriber can pin (ALTER SYSTEM, superuser); e.g. '2GB'. */
  readonly maxSlotWalKeepSize?: string | undefined;
  /** A login role the province connects as: it gets SELECT on the published tables. */
  readonly replicationRole?: string | undefined;
}

/**
 * Creates or refreshes this city's publication: every replicated table with its column list
 * (sensitive columns stay here), publishing insert, update and delete only — a TRUNCATE would
 * empty every city's rows at the province (design B6.1). Run again after migrations that add
 * tables: SET TABLE replaces the list. Needs wal_level = logical.
 */
export async function publishCity(db: AnyDb, options: PublishOptions = {}): Promise<{ tables: number }> {
  const level = (await sql<{ w: string }>`select current_setting('wal_level') as w`.execute(db)).rows[0]?.w;
  if (level !== 'logical')
    throw new ReplicationSetupError(`wal_level is "${level}"; a city that joins a province needs wal_level = logical`);
  const tables = await replicatedTables(db);
  const list = tables.map((t) => `${ident(t.table)} (${t.columns.map(ident).join(', ')})`).join(', ');
  const exists = (await sql<{ n: number }>`select count(*)::int as n from pg_publication where pubname = ${PUBLICATION}`.execute(db))
    .rows[0]?.n;
  if (exists) {
    await sql.raw(`alter publication ${PUBLICATION} set table ${list}`).execute(db);
    await sql.raw(`alter publication ${PUBLICATION} set (publish = 'insert, update, delete')`).execute(db);
  } else {
    await sql.raw(`create publication ${PUBLICATION} for table ${list} with (publish = 'insert, update, delete')`).execute(db);
  }
  if (options.replicationRole) {
    for (const t of tables) await sql.raw(`grant select on ${ident(t.table)} to ${ident(options.replicationRole)}`).execute(db);
  }
  if (options.maxSlotWalKeepSize) {
    await sql.raw(`alter system set max_slot_wal_keep_size = ${literal(options.maxSlotWalKeepSize)}`).execute(db);
    await sql`select pg_reload_conf()`.execute(db);
  }
  return { tables: tables.length };
}

/** Drops the publication (the province's subscription must be gone first or it errors on its next read). */
export async function unpublishCity(db: AnyDb): Promise<void> {
  await sql.raw(`drop publication if exists ${PUBLICATION}`).execute(db);
}

/** A setup step the database cannot take; the message says what to change. */
export class ReplicationSetupError extends Error {
  override name = 'ReplicationSetupError';
}
