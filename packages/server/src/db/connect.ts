import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { CryptoProfile } from '../config.ts';
import { bindAuditKey, fileAuditKeySource } from '../platform/audit/audit-key.ts';
import type { Database, Db } from './database.ts';
import { hotStatementName } from './hot-query.ts';

export type Dialect = 'sqlite' | 'postgres';

/** How long a statement may wait in all for another connection's write lock. */
export const SQLITE_BUSY_WAIT_MS = 30_000;
/**
 * How long SQLite itself may wait, synchronously, before the driver takes over. better-sqlite3
 * runs on the event-loop thread, so SQLite's own busy wait stops everything in the process: a
 * second connection in the same process (another app instance, the job runner of a second node
 * in tests, the CLI run in-process) that waited there for the full timeout would hold up the very
 * transaction it waits for, and fail with "database is locked" however short that transaction is.
 */
const SQLITE_SYNC_BUSY_MS = 50;

const isBusy = (error: unknown): boolean =>
  error instanceof SQLite.SqliteError && (error.code === 'SQLITE_BUSY' || error.code.startsWith('SQLITE_BUSY_'));

/**
 * A connection that waits for a busy database between attempts on the event loop (1, 2, 4 … 100
 * ms, up to SQLITE_BUSY_WAIT_MS), so the holder of the lock — in this process or another — can
 * finish. Only statements outside a transaction are tried again: a busy statement there (BEGIN
 * IMMEDIATE included) did nothing, while inside a transaction the caller must roll back.
 */
class PatientSqliteConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly sqlite: SQLite.Database,
  ) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const deadline = Date.now() + SQLITE_BUSY_WAIT_MS;
    for (let pause = 1; ; pause = Math.min(2 * pause, 100)) {
      try {
        return await this.inner.executeQuery<R>(query);
      } catch (error) {
        if (!isBusy(error) || this.sqlite.inTransaction || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

/**
 * Transactions start with BEGIN IMMEDIATE: they take the write lock up front and wait for it
 * (see PatientSqliteConnection). With a plain BEGIN a transaction that reads first and writes
 * later fails at once with SQLITE_BUSY when another process (the CLI beside the server)
 * committed in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  private patient: PatientSqliteConnection | undefined;
  constructor(
    settings: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(settings);
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.patient ??= new PatientSqliteConnection(connection, this.sqlite);
    return this.patient;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly sqlite: SQLite.Database,
  ) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings, this.sqlite);
  }
}

export interface Connection {
  readonly db: Db;
  readonly dialect: Dialect;
  /** The SQLite handle, for online backup; undefined on PostgreSQL. */
  readonly sqlite?: SQLite.Database;
  readonly close: () => Promise<void>;
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, so keep the most
 * recent ones (as hand-written code would). Safe: Kysely's single SQLite connection is behind a
 * mutex, so no statement is used by two queries at once.
 */
function withStatementCache(db: SQLite.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => void db.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert: most recently used last
      } else {
        statement = db.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

export const sqliteFile = (dataDir: string): string => path.join(dataDir, 'zhenggong.db');

/**
 * Opens SQLite with the settings measured to survive kill -9 (WAL + synchronous=FULL) and to
 * leave no deleted personal data in the file (secure_delete), or a PostgreSQL pool.
 */
export function connect(options: { databaseUrl?: string | undefined; dataDir: string; cryptoProfile?: CryptoProfile }): Connection {
  const connection = open(options);
  // The audit chain's MAC key sits in DATA_DIR beside the database, never inside it (ADR 006).
  bindAuditKey(connection.db, fileAuditKeySource(options.dataDir, options.cryptoProfile === 'gm' ? 'sm3' : 'sha256'));
  return connection;
}

/**
 * Hot statements (runHot) go to PostgreSQL as named prepared statements, planned once per pooled
 * connection; everything else stays unnamed. Kysely calls `query(sql, parameters)`; other call
 * shapes (cursors, callbacks) pass through untouched. Needs session-level pooling (not a
 * transaction-pooling proxy), as the platform's own pool is.
 */
function nameHotStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const name = args.length === 2 && typeof text === 'string' && Array.isArray(values) ? hotStatementName(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  }) as typeof client.query;
}

function open(options: { databaseUrl?: string | undefined; dataDir: string }): Connection {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // Keep bigint/count results as JS numbers; counts here never exceed 2^53.
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client dropped by the server (restart, failover, admin termination) must not crash
    // the process; the pool replaces it on the next checkout.
    pool.on('error', (error) => console.warn(`PostgreSQL idle connection lost: ${error.message}`));
    pool.on('connect', nameHotStatements);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : sqliteFile(options.dataDir);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // Personal data: readable by the service account only (WAL and SHM files inherit the mode).
  if (file !== ':memory:') fs.chmodSync(file, 0o600);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_SYNC_BUSY_MS}`);
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, sqlite) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}
