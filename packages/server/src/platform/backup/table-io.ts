import { sql } from 'kysely';
import type { Dialect } from '../../db/connect.ts';
import type { Executor } from '../../db/database.ts';

/**
 * Schema-agnostic table access for backup and restore: every table is found from the catalogue,
 * so tables that other modules add later are carried without touching this code.
 */
export async function listTables(db: Executor, dialect: Dialect): Promise<string[]> {
  const q =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

export async function listColumns(db: Executor, dialect: Dialect, table: string): Promise<string[]> {
  const q =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`
      : sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} order by ordinal_position`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

export async function countRows(db: Executor, table: string): Promise<number> {
  const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** A run of rows of one table, values in `columns` order. */
export interface TableChunk {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Keeps one statement under both engines' bound-parameter limits. */
const MAX_PARAMS = 10_000;

export async function insertChunk(db: Executor, chunk: TableChunk): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, chunk.columns.length)));
  const cols = sql.join(chunk.columns.map((c) => sql.id(c)));
  for (let i = 0; i < chunk.rows.length; i += perStatement) {
    const values = chunk.rows.slice(i, i + perStatement).map((row) => sql`(${sql.join(row)})`);
    await sql`insert into ${sql.table(chunk.table)} (${cols}) values ${sql.join(values)}`.execute(db);
  }
}

/** JSON has no bytes or dates: bytes travel as {"$b64": …}, dates as ISO text (how the schema stores times anyway). */
export function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $b64: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const b64 = (value as { $b64?: unknown }).$b64; // shape checked on the next line
    if (typeof b64 === 'string' && Object.keys(value).length === 1) return Buffer.from(b64, 'base64');
  }
  return value;
}
