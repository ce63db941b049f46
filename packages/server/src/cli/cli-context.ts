import fs from 'node:fs';
import { loadConfig, type Config } from '../config.ts';
import { connect, sqliteFile, type Connection } from '../db/connect.ts';
import { migrateInstance } from '../platform/replication/migration-order.ts';
import { appendAudit, systemActor } from '../platform/audit/audit-service.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { selfTest } from '../platform/crypto.ts';
import { ensureDataDir } from '../platform/data-dir.ts';
import { fieldCryptoFromFile } from '../platform/field-crypto.ts';
import { osUser } from '../platform/backup/os-user.ts';
import { postgresUrl } from '../platform/backup/postgres-url.ts';
import { listTables } from '../platform/backup/table-io.ts';
import { CliError } from './cli-errors.ts';

/** Where a command writes what it has to say; tests and the real process differ only here. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

/** The same configuration the server reads (DATA_DIR, DATABASE_URL, CITY_CODE, PASSWORD_POLICY …). */
export function cliConfig(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    throw new CliError('CONFIG_INVALID', { message: error instanceof Error ? error.message : String(error) });
  }
}

/** A printable name for the database: the SQLite path, or host/db of PostgreSQL without credentials. */
export function describeTarget(config: Config): string {
  const pg = postgresUrl(config);
  if (pg) {
    const u = new URL(pg);
    return `postgres://${u.host}${u.pathname}`;
  }
  const url = config.databaseUrl;
  return url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : sqliteFile(config.dataDir);
}

/** Writing commands: like the server's start — data directory, SM3 self-test, migrations (audited). */
export async function openForWrite(config: Config): Promise<{ ctx: AppContext; connection: Connection }> {
  selfTest();
  const { secretKeyFile } = ensureDataDir(config.dataDir);
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
  const ctx: AppContext = {
    db: connection.db,
    dialect: connection.dialect,
    config,
    clock: systemClock,
    fieldCrypto: fieldCryptoFromFile(secretKeyFile, config.cryptoProfile),
  };
  try {
    await migrateAudited(ctx);
  } catch (error) {
    await connection.close();
    throw error;
  }
  return { ctx, connection };
}

/** Reading commands (backup, verify-audit) must not create an empty database where none exists. */
export async function openExisting(config: Config): Promise<{ clock: Clock; connection: Connection }> {
  const target = describeTarget(config);
  if (!postgresUrl(config) && !fs.existsSync(target)) throw new CliError('DATABASE_MISSING', { target });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
  const tables = await listTables(connection.db, connection.dialect).catch(async (error: unknown) => {
    await connection.close();
    throw error;
  });
  if (!tables.includes('audit_log')) {
    await connection.close();
    throw new CliError('DATABASE_MISSING', { target });
  }
  return { clock: systemClock, connection };
}

/** Runs pending migrations; when any ran, records which, so schema changes show in the audit log. */
export async function migrateAudited(ctx: AppContext): Promise<string[]> {
  const applied = await migrateInstance(ctx.db, ctx.config, ctx.clock.now());
  if (applied.length > 0) {
    await ctx.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, ctx.clock, systemActor, { eventType: 'system.migrate', detail: { applied, via: 'cli', osUser: osUser() } }),
      );
  }
  return applied;
}
