import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteFile } from '../db/connect.ts';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type TestApp } from '../test-support/test-app.ts';
import { runCliProcess } from './cli-test-helpers.ts';

/** What an attacker with access to the database file or server could run, bypassing the app. */
async function rawSql(t: TestApp, statements: string[]): Promise<void> {
  if (!t.databaseUrl) {
    const db = new SQLite(sqliteFile(t.dataDir));
    try {
      for (const s of statements) db.exec(s);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

describe.each(dialects)('cli verify-audit on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A database with some history: admins created, logins, a password change, a failed login. */
  async function withHistory(): Promise<{ t: TestApp; env: Record<string, string>; rows: number }> {
    const app = await createTestApp(dialect);
    t = app;
    await adminClient(app, 'sysadmin');
    await adminClient(app, 'auditadmin');
    await login(app.app, 'sysadmin', STRONG_PASSWORD);
    await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sysadmin', password: 'nope' } });
    const rows = (await app.ctx.db.selectFrom('audit_log').select('seq').execute()).length;
    const env = { DATA_DIR: app.dataDir, ...(app.databaseUrl ? { DATABASE_URL: app.databaseUrl } : {}) };
    return { t: app, env, rows };
  }

  // On SQLite the update and delete triggers are separate; on PostgreSQL one trigger covers both.
  const dropTrigger = (which: 'update' | 'delete') =>
    dialect === 'sqlite' ? `DROP TRIGGER audit_log_no_${which}` : 'DROP TRIGGER audit_log_no_update ON audit_log';

  it('passes on a normal database and names the row that was edited behind the app', async () => {
    const { t: app, env, rows } = await withHistory();
    const ok = await runCliProcess(['verify-audit'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe(`ok, ${rows} rows`);

    // The trigger refuses the edit, so the attacker removes it first.
    await expect(rawSql(app, [`UPDATE audit_log SET detail = '{}' WHERE seq = 3`])).rejects.toThrow(/append-only/);
    await rawSql(app, [dropTrigger('update'), `UPDATE audit_log SET detail = '{"reason":"nothing happened"}' WHERE seq = 3`]);
    const broken = await runCliProcess(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN at row seq 3: content changed');
    expect(broken.stdout).toBe('');
  });

  it('fails, naming the gap, after a row is deleted behind the app', async () => {
    const { t: app, env } = await withHistory();
    await expect(rawSql(app, ['DELETE FROM audit_log WHERE seq = 4'])).rejects.toThrow(/append-only/);
    await rawSql(app, [dropTrigger('delete'), 'DELETE FROM audit_log WHERE seq = 4']);
    const broken = await runCliProcess(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN at row seq 4: missing row');
  });

  it('fails when the newest rows are cut off, even with the chain itself intact', async () => {
    const { t: app, env, rows } = await withHistory();
    await rawSql(app, [dropTrigger('delete'), `DELETE FROM audit_log WHERE seq = ${rows}`]);
    const broken = await runCliProcess(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at row seq ${rows}: rows missing at the end`);
  });
});

describe('cli verify-audit without a database', () => {
  it('refuses with a clear message and does not create an empty database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-none-'));
    const res = await runCliProcess(['verify-audit'], { DATA_DIR: dir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('DATABASE_MISSING');
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace for an expected error
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });
});
