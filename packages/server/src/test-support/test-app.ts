import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AdminKind } from '@zhenggong/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { connect, type Connection, type Dialect } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createAdmin } from '../platform/accounts/bootstrap.ts';
import { manualClock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';

/** Every integration suite runs once per dialect: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestApp {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly connection: Connection;
  readonly clock: ReturnType<typeof manualClock>;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  close(): Promise<void>;
}

/** A fresh database per suite: a temp SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function createTestApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-test-'));
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  if (dialect === 'postgres') {
    const base = process.env.TEST_DATABASE_URL as string; // dialects lists postgres only when it is set
    const name = `zg_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = loadConfig(
    { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    { loginRateLimit: { max: 1000, windowMs: 60_000 }, ...overrides },
  );
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  await migrateToLatest(connection.db);
  const clock = manualClock(new Date('2026-06-01T08:00:00.000Z'));
  const app = await buildApp({ config, connection, clock, checkResponses: true });
  await app.ready();
  return {
    app,
    ctx: app.ctx,
    connection,
    clock,
    dataDir,
    databaseUrl,
    close: async () => {
      await app.close();
      await connection.close();
      await dropDb?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A logged-in client: keeps the cookie and sends the CSRF token on writes. */
export interface Client {
  readonly userId: string;
  readonly cookie: string;
  readonly csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: { id: string }; csrfToken: string }>();
  const setCookie = res.cookies.find((c) => c.name === 'zg_sid');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `zg_sid=${setCookie.value}`;
  const csrf = body.csrfToken;
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    userId: body.user.id,
    cookie,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

export const INITIAL_PASSWORD = 'Initial#Pass1';
export const STRONG_PASSWORD = 'Str0ng!Passw0rd';

/** Creates an admin via the CLI path, logs in, changes the initial password; returns the client. */
export async function adminClient(t: TestApp, kind: AdminKind, username: string = kind): Promise<Client> {
  await createAdmin(t.ctx, { username, password: INITIAL_PASSWORD, kind });
  const first = await login(t.app, username, INITIAL_PASSWORD);
  const changed = await first.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: STRONG_PASSWORD });
  if (changed.statusCode !== 204) throw new Error(`password change failed: ${changed.body}`);
  return first;
}
