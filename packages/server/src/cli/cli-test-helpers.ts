import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type Connection, type Dialect } from '../db/connect.ts';
import type { Executor } from '../db/database.ts';
import { listTables } from '../platform/backup/table-io.ts';

export const cliPath = fileURLToPath(new URL('../cli.ts', import.meta.url));

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a real process, as an operator would, with only the given configuration. */
export function runCliProcess(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), TMPDIR: os.tmpdir() };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cliPath, ...args],
      { env: { ...base, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** An empty place to restore into: a new DATA_DIR, plus a new PostgreSQL database for that dialect. */
export interface Target {
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly env: Record<string, string>;
  open(): Connection;
  dispose(): Promise<void>;
}

/** `keyFrom`: the source DATA_DIR whose secret.key the operator copies over first, as the restore procedure says. */
export async function emptyTarget(dialect: Dialect, keyFrom?: string): Promise<Target> {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-target-')), 'data');
  if (keyFrom) {
    fs.mkdirSync(dataDir);
    // The keys live beside the database, never in it: the restore procedure copies them over.
    for (const keyFile of ['secret.key', 'audit-mac.key']) {
      if (fs.existsSync(path.join(keyFrom, keyFile))) fs.copyFileSync(path.join(keyFrom, keyFile), path.join(dataDir, keyFile));
    }
  }
  let databaseUrl: string | undefined;
  let name: string | undefined;
  const base = process.env.TEST_DATABASE_URL;
  if (dialect === 'postgres' && base) {
    name = `zg_r_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await adminQuery(base, `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  return {
    dataDir,
    databaseUrl,
    env: { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    open: () => connect({ databaseUrl, dataDir }),
    dispose: async () => {
      if (name && base) await adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const canonical = (value: unknown): unknown => (Buffer.isBuffer(value) ? `b64:${value.toString('base64')}` : value);

/**
 * Per-table digest of every row, independent of row order and dialect. `auditUpTo` cuts the
 * audit log at a seq (and leaves out its head row), for comparing a copy that has since
 * appended its own rows.
 */
export async function tableDigests(db: Executor, dialect: Dialect, auditUpTo?: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await listTables(db, dialect)) {
    if (auditUpTo !== undefined && table === 'audit_head') continue;
    const cut = auditUpTo !== undefined && table === 'audit_log' ? sql` where seq <= ${auditUpTo}` : sql``;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}${cut}`.execute(db);
    const lines = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, canonical(r[k])]),
        ),
      )
      .sort();
    out[table] = `${rows.length}:${crypto.createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return out;
}
