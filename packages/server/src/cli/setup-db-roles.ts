import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { postgresUrl } from '../platform/backup/postgres-url.ts';
import { cliConfig, openExisting, type CliIo } from './cli-context.ts';
import { CliError, UsageError } from './cli-errors.ts';

const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * `setup-db-roles` (PostgreSQL, run once as a superuser after `migrate`): splits the database
 * between an owner role, which owns the schema and runs migrations, and an app role, which the
 * server connects as. The app role reads and writes business tables but can only SELECT and
 * INSERT the audit log: no UPDATE, DELETE or TRUNCATE, and as a non-owner it cannot drop or
 * disable the append-only triggers either (GB/T 22239 L3-CES1-14 a; ADR 006). Idempotent.
 * Passwords come from ZG_OWNER_PASSWORD / ZG_APP_PASSWORD, or are generated and printed once.
 */
export async function runSetupDbRoles(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { owner: { type: 'string', default: 'zhenggong_owner' }, app: { type: 'string', default: 'zhenggong_app' } },
    strict: true,
  });
  const owner = values.owner;
  const app = values.app;
  if (!ROLE.test(owner) || !ROLE.test(app) || owner === app)
    throw new UsageError('--owner and --app must be two different lower-case role names');
  const config = cliConfig(io.env);
  const url = postgresUrl(config);
  if (!url) throw new CliError('POSTGRES_ONLY');
  const ownerPassword = io.env.ZG_OWNER_PASSWORD || crypto.randomBytes(18).toString('base64url');
  const appPassword = io.env.ZG_APP_PASSWORD || crypto.randomBytes(18).toString('base64url');
  const { connection } = await openExisting(config);
  try {
    await connection.db.transaction().execute((trx) => applyRoles(trx, { owner, app, ownerPassword, appPassword }));
  } finally {
    await connection.close();
  }
  const at = (role: string, password: string) => {
    const u = new URL(url);
    u.username = role;
    u.password = password;
    return u.toString();
  };
  io.out(`roles ready: ${owner} (owner: run migrate with it) and ${app} (the server's DATABASE_URL)`);
  if (!io.env.ZG_OWNER_PASSWORD) io.out(`  owner URL: ${at(owner, ownerPassword)}`);
  if (!io.env.ZG_APP_PASSWORD) io.out(`  app URL:   ${at(app, appPassword)}`);
  return 0;
}

interface Roles {
  owner: string;
  app: string;
  ownerPassword: string;
  appPassword: string;
}

// Kysely<any>: this walks whatever tables the schema has, like a migration does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function applyRoles(db: Kysely<any>, r: Roles): Promise<void> {
  for (const [role, password] of [
    [r.owner, r.ownerPassword],
    [r.app, r.appPassword],
  ] as const) {
    const exists = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(db);
    // Role names are checked against ROLE above; PASSWORD takes a literal, so it is quoted by the server's quote_literal.
    const literal = (await sql<{ q: string }>`select quote_literal(${password}) as q`.execute(db)).rows[0]?.q ?? "''";
    const verb = exists.rows[0]?.n ? 'alter' : 'create';
    await sql.raw(`${verb} role ${role} with login nosuperuser nocreatedb nocreaterole noinherit password ${literal}`).execute(db);
  }
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s ?? 'public';
  const tables = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = ${schema}`.execute(db);
  const sequences = await sql<{
    s: string;
  }>`select sequence_name as s from information_schema.sequences where sequence_schema = ${schema}`.execute(db);
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  await sql.raw(`revoke create on schema ${q(schema)} from public`).execute(db);
  await sql.raw(`grant usage, create on schema ${q(schema)} to ${r.owner}`).execute(db);
  await sql.raw(`grant usage on schema ${q(schema)} to ${r.app}`).execute(db);
  for (const { t } of tables.rows) {
    await sql.raw(`alter table ${q(schema)}.${q(t)} owner to ${r.owner}`).execute(db);
    await sql.raw(`revoke all on ${q(schema)}.${q(t)} from public, ${r.app}`).execute(db);
    const rights = t === 'audit_log' ? 'select, insert' : 'select, insert, update, delete';
    await sql.raw(`grant ${rights} on ${q(schema)}.${q(t)} to ${r.app}`).execute(db);
  }
  for (const { s } of sequences.rows) {
    await sql.raw(`alter sequence ${q(schema)}.${q(s)} owner to ${r.owner}`).execute(db);
    await sql.raw(`grant usage, select on sequence ${q(schema)}.${q(s)} to ${r.app}`).execute(db);
  }
  await sql.raw(`alter function ${q(schema)}.audit_log_append_only() owner to ${r.owner}`).execute(db);
  // Tables that later migrations (run as the owner) create: the app gets ordinary rights on them;
  // a future audit-like table must revoke UPDATE/DELETE in its migration.
  await sql
    .raw(`alter default privileges for role ${r.owner} in schema ${q(schema)} grant select, insert, update, delete on tables to ${r.app}`)
    .execute(db);
  await sql
    .raw(`alter default privileges for role ${r.owner} in schema ${q(schema)} grant usage, select on sequences to ${r.app}`)
    .execute(db);
}
