import { once } from 'node:events';
import fs from 'node:fs';
import readline from 'node:readline';
import SQLite from 'better-sqlite3';
import { decodeValue, type TableChunk } from './table-io.ts';

const CHUNK_ROWS = 500;

/** The JSON-lines payload: per table one `{"table","columns"}` line, then one JSON array per row. */
export class JsonlWriter {
  private readonly out: fs.WriteStream;
  constructor(file: string) {
    this.out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  }
  async line(value: unknown): Promise<void> {
    if (!this.out.write(`${JSON.stringify(value)}\n`)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

export async function* jsonlChunks(file: string): AsyncGenerator<TableChunk> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let current: { table: string; columns: string[] } | null = null;
  let rows: unknown[][] = [];
  for await (const line of lines) {
    if (line === '') continue;
    const value: unknown = JSON.parse(line);
    if (Array.isArray(value)) {
      if (!current) throw new Error('row before any table header');
      rows.push(value.map(decodeValue));
      if (rows.length >= CHUNK_ROWS) {
        yield { ...current, rows };
        rows = [];
      }
      continue;
    }
    // A table header; the previous table is flushed even when it had no rows, so restore still clears it.
    if (current) yield { ...current, rows };
    const header = value as { table?: unknown; columns?: unknown }; // fields checked on the next line
    if (typeof header.table !== 'string' || !Array.isArray(header.columns)) throw new Error('bad table header');
    current = { table: header.table, columns: header.columns.map(String) };
    rows = [];
  }
  if (current) yield { ...current, rows };
}

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Facts the manifest records, read from the snapshot file itself so they match it exactly. */
export function sqliteSnapshotFacts(file: string): {
  tables: Record<string, number>;
  migrations: string[];
  auditHead: { seq: number; hash: string };
} {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`snapshot integrity_check failed: ${String(check)}`);
    // A rollback-journal file is self-contained: no -wal beside it to lose when it is copied.
    db.pragma('journal_mode = DELETE');
    const tables: Record<string, number> = {};
    for (const name of sqliteTables(db)) {
      tables[name] = db.prepare<[], { n: number }>(`select count(*) as n from ${quoteId(name)}`).get()?.n ?? 0;
    }
    const migrations = db
      .prepare<[], { name: string }>('select name from kysely_migration order by name')
      .all()
      .map((r) => r.name);
    const head = db
      .prepare<[], { seq: number; hash: string }>('select last_seq as seq, last_hash as hash from audit_head where id = 1')
      .get();
    return { tables, migrations, auditHead: head ?? { seq: 0, hash: '' } };
  } finally {
    db.close();
  }
}

function sqliteTables(db: SQLite.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`,
    )
    .all()
    .map((r) => r.name);
}

/** Rows of a SQLite payload, for restoring it into PostgreSQL. */
export async function* sqliteChunks(file: string): AsyncGenerator<TableChunk> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    for (const table of sqliteTables(db)) {
      // raw(true): each row comes as an array in column order.
      const stmt = db.prepare<[], unknown[]>(`select * from ${quoteId(table)}`).raw(true);
      const columns = stmt.columns().map((c) => c.name);
      let rows: unknown[][] = [];
      let yielded = false;
      for (const row of stmt.iterate()) {
        rows.push(row);
        if (rows.length >= CHUNK_ROWS) {
          yield { table, columns, rows };
          yielded = true;
          rows = [];
        }
      }
      if (rows.length > 0 || !yielded) yield { table, columns, rows };
    }
  } finally {
    db.close();
  }
}
