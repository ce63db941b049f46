import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '@zhenggong/server/db/connect';

/** A throw-away database for one benchmark run: a temp SQLite file or a fresh PostgreSQL database. */
export interface BenchDatabase {
  readonly dialect: Dialect;
  /** DATA_DIR for the server (the SQLite file lives here; also holds server logs). */
  readonly dataDir: string;
  /** DATABASE_URL for the server; undefined on SQLite (the file in dataDir is used). */
  readonly databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export async function createBenchDatabase(dialect: Dialect, baseUrl?: string): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-bench-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { dialect, dataDir, databaseUrl: undefined, drop: async () => removeDir() };
  if (!baseUrl) throw new Error('PostgreSQL benchmark needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const name = `zg_bench_${process.pid}_${Date.now().toString(36)}`;
  await withClient(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    dialect,
    dataDir,
    databaseUrl: url.toString(),
    drop: async () => {
      await withClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      removeDir();
    },
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
