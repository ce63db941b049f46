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
import { base32Decode, hotp, totpStep } from '../platform/auth/totp.ts';
import { manualClock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';

/** The test clock's first instant: Beijing's date is 2026-06-01, UTC's is still 2026-05-31. */
export const TEST_CLOCK_START = '2026-05-31T23:30:00.000Z';

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
    // Suites that walk every route fail hundreds of requests from one address on purpose; the
    // intrusion threshold is tested on its own (platform/network/network.test.ts), and suites that
    // move the clock months ahead would otherwise meet the inactivity rule (account-expiry.test.ts).
    {
      loginRateLimit: { max: 1000, windowMs: 60_000 },
      jobTickMs: 0,
      intrusion: { maxFailures: 0, windowMinutes: 5, blockMinutes: 15 },
      accountInactiveDays: 0,
      ...overrides,
    },
  );
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir, cryptoProfile: config.cryptoProfile });
  await migrateToLatest(connection.db);
  // 23:30 UTC on 31 May is 07:30 on 1 June in Beijing: every date-derived rule must answer with
  // Beijing's date (platform/clock.ts `today`), and a UTC derivation shows up as off by one day.
  const clock = manualClock(new Date(TEST_CLOCK_START));
  const app = await buildApp({ config, connection, clock });
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

/** TOTP secrets of the accounts test helpers enrolled, per app, so `login` can pass the second step. */
const totpSecrets = new WeakMap<FastifyInstance, Map<string, string>>();

export function rememberTotpSecret(app: FastifyInstance, username: string, secret: string): void {
  const known = totpSecrets.get(app) ?? new Map<string, string>();
  known.set(username, secret);
  totpSecrets.set(app, known);
}

export const totpSecretOf = (app: FastifyInstance, username: string): string | undefined => totpSecrets.get(app)?.get(username);

/**
 * A fresh TOTP code for the account: each step is accepted once, so when this one's recent
 * steps are used up the (manual) clock moves to the next step, as a user waits for a new code.
 */
export async function nextTotpCode(app: FastifyInstance, userId: string, secret: string): Promise<string> {
  const { db, clock, config } = app.ctx;
  const row = await db.selectFrom('app_user').select('totp_last_step').where('id', '=', userId).executeTakeFirstOrThrow();
  const last = row.totp_last_step === null ? -Infinity : Number(row.totp_last_step);
  const drift = config.mfa.driftSteps;
  if (last >= totpStep(clock.now()) + drift) {
    if (!('advance' in clock) || typeof clock.advance !== 'function') throw new Error('TOTP steps used up and the clock cannot move');
    clock.advance((last - totpStep(clock.now()) - drift + 1) * 30_000);
  }
  const step = Math.max(totpStep(clock.now()) - drift, last + 1);
  return hotp(base32Decode(secret), step);
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ user: { id: string; mfa: string }; csrfToken: string }>();
  const setCookie = res.cookies.find((c) => c.name === 'zg_sid');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `zg_sid=${setCookie.value}`;
  const csrf = body.csrfToken;
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  const client: Client = {
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
  const secret = totpSecretOf(app, username);
  if (body.user.mfa === 'verify' && secret !== undefined) {
    const verified = await client.post('/api/v1/auth/mfa/verify', { code: await nextTotpCode(app, body.user.id, secret) });
    if (verified.statusCode !== 204) throw new Error(`second factor of ${username} failed: ${verified.body}`);
  }
  return client;
}

/** Enrols TOTP for a logged-in client whose session asks for it; remembers the secret for later logins. */
export async function enrolTotp(app: FastifyInstance, client: Client, username: string): Promise<string[]> {
  const start = await client.post('/api/v1/auth/mfa/enrol');
  if (start.statusCode !== 200) throw new Error(`enrolment of ${username} failed: ${start.body}`);
  const { secret } = start.json<{ secret: string }>();
  const confirm = await client.post('/api/v1/auth/mfa/enrol/confirm', { code: await nextTotpCode(app, client.userId, secret) });
  if (confirm.statusCode !== 200) throw new Error(`enrolment of ${username} not confirmed: ${confirm.body}`);
  rememberTotpSecret(app, username, secret);
  return confirm.json<{ recoveryCodes: string[] }>().recoveryCodes;
}

export const INITIAL_PASSWORD = 'Initial#Pass1';
export const STRONG_PASSWORD = 'Str0ng!Passw0rd';

/**
 * Creates an admin via the CLI path, logs in, enrols the second factor the `mlps3` profile asks
 * of administrators, changes the initial password; returns the client.
 */
export async function adminClient(t: TestApp, kind: AdminKind, username: string = kind): Promise<Client> {
  await createAdmin(t.ctx, { username, password: INITIAL_PASSWORD, kind });
  const first = await login(t.app, username, INITIAL_PASSWORD);
  if ((await first.get('/api/v1/auth/me')).json<{ user: { mfa: string } }>().user.mfa === 'enrol') await enrolTotp(t.app, first, username);
  const changed = await first.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: STRONG_PASSWORD });
  if (changed.statusCode !== 204) throw new Error(`password change failed: ${changed.body}`);
  return first;
}
