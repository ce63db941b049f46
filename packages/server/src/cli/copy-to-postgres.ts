import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { connect } from '../db/connect.ts';
import type { Executor } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { postgresUrl } from '../platform/backup/postgres-url.ts';
import { addForeignKeys, dropForeignKeys } from '../platform/backup/restore-steps.ts';
import { countRows, insertChunk, listColumns, listTables } from '../platform/backup/table-io.ts';
import { cliConfig, describeTarget, openExisting, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';

const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);
const CHUNK = 2000;

/** One value as text both engines agree on (SQLite and pg both give numbers and strings here). */
const canonical = (v: unknown): string =>
  v === null || v === undefined ? '\u0000' : Buffer.isBuffer(v) ? v.toString('base64') : String(v);

/** Row count and a digest of the table's rows, independent of row order and of either engine's collation. */
async function digest(db: Executor, table: string, columns: readonly string[]): Promise<{ rows: number; sha256: string }> {
  const r = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.id(c)))} from ${sql.table(table)}`.execute(db);
  const lines = r.rows.map((row) => columns.map((c) => canonical(row[c])).join('\u0001')).sort();
  const h = crypto.createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return { rows: lines.length, sha256: h.digest('hex') };
}

/**
 * `copy-to-postgres --to URL`: moves a city from the embedded SQLite database to PostgreSQL (the
 * step before it can join a province). The target is migrated, must hold no business rows, and is
 * filled in one transaction; then every table's row count and digest are compared, and any
 * difference fails the command. Keep DATA_DIR: its keys decrypt the copied sensitive fields.
 */
export async function runCopyToPostgres(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { to: { type: 'string' } } });
  const to = values.to;
  if (!to || !/^postgres(ql)?:\/\//.test(to)) throw new UsageError('--to postgres://user@host:5432/database is required');
  const config = cliConfig(io.env);
  if (postgresUrl(config)) throw new UsageError('the source is the SQLite database of DATA_DIR: unset DATABASE_URL');
  const { connection: source } = await openExisting(config);
  const target = connect({ databaseUrl: to, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
  try {
    await migrateToLatest(target.db);
    const tables = (await listTables(source.db, 'sqlite')).filter((t) => !SKIP.has(t));
    const targetTables = new Set(await listTables(target.db, 'postgres'));
    for (const t of tables) if (!targetTables.has(t)) throw new UsageError(`table ${t} is missing at the target: migrate the source first`);
    for (const t of ['org', 'person', 'app_user']) {
      if ((await countRows(target.db, t)) > 0) throw new UsageError(`the target already holds ${t} rows: copy into an empty database`);
    }
    const started = Date.now();
    await target.db.transaction().execute(async (trx) => {
      const keys = await dropForeignKeys(trx);
      for (const table of tables) {
        const columns = await listColumns(source.db, 'sqlite', table);
        if ((await countRows(trx, table)) > 0) await sql`delete from ${sql.table(table)}`.execute(trx); // rows a migration seeded
        for (let offset = 0; ; offset += CHUNK) {
          const rows = (
            await sql<
              Record<string, unknown>
            >`select ${sql.join(columns.map((c) => sql.id(c)))} from ${sql.table(table)} limit ${CHUNK} offset ${offset}`.execute(source.db)
          ).rows;
          if (rows.length > 0) await insertChunk(trx, { table, columns, rows: rows.map((r) => columns.map((c) => r[c] ?? null)) });
          if (rows.length < CHUNK) break;
        }
      }
      await addForeignKeys(trx, keys);
    });
    io.out(`copied ${tables.length} tables from ${describeTarget(config)} in ${((Date.now() - started) / 1000).toFixed(1)} s; verifying…`);
    let bad = 0;
    for (const table of tables) {
      const columns = await listColumns(source.db, 'sqlite', table);
      const [a, b] = await Promise.all([digest(source.db, table, columns), digest(target.db, table, columns)]);
      if (a.rows !== b.rows || a.sha256 !== b.sha256) {
        bad++;
        io.err(`${table}: SQLite ${a.rows} rows ${a.sha256.slice(0, 12)}, PostgreSQL ${b.rows} rows ${b.sha256.slice(0, 12)}`);
      }
    }
    if (bad > 0) {
      io.err(`${bad} tables differ: do not switch DATABASE_URL`);
      return 1;
    }
    io.out(`all ${tables.length} tables identical (row counts and SHA-256 digests); set DATABASE_URL to the target and keep DATA_DIR`);
    return 0;
  } finally {
    await target.close();
    await source.close();
  }
}
