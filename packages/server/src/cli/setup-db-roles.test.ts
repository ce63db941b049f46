import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.ts';
import { auditAlone, systemActor, verifyAuditChain } from '../platform/audit/audit-service.ts';
import { adminClient, createTestApp, type TestApp } from '../test-support/test-app.ts';
import { runCliProcess } from './cli-test-helpers.ts';

const base = process.env.TEST_DATABASE_URL;

/** Roles are cluster-wide: unique names per run, dropped afterwards. */
const suffix = crypto.randomBytes(3).toString('hex');
const owner = `zg_owner_${suffix}`;
const app = `zg_app_${suffix}`;

describe.skipIf(!base)('setup-db-roles on postgres (L3-CES1-14 a)', () => {
  let t: TestApp | undefined;
  afterAll(async () => {
    await t?.close();
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    for (const role of [app, owner]) await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  it('the app role writes business rows and appends audit rows, but cannot update, delete or truncate the audit log', async () => {
    t = await createTestApp('postgres');
    await adminClient(t, 'sysadmin');
    const dbUrl = t.databaseUrl ?? '';
    const env = { DATA_DIR: t.dataDir, DATABASE_URL: dbUrl, ZG_APP_PASSWORD: 'app-pass-1', ZG_OWNER_PASSWORD: 'owner-pass-1' };
    const run = await runCliProcess(['setup-db-roles', '--owner', owner, '--app', app], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`roles ready: ${owner}`);
    expect((await runCliProcess(['setup-db-roles', '--owner', owner, '--app', app], env)).code).toBe(0); // idempotent

    const asApp = new URL(dbUrl);
    asApp.username = app;
    asApp.password = 'app-pass-1';
    const client = new pg.Client({ connectionString: asApp.toString() });
    await client.connect();
    try {
      for (const statement of [
        `update audit_log set detail = '{}' where seq = 1`,
        'delete from audit_log where seq = 1',
        'truncate audit_log',
        'drop trigger audit_log_no_update on audit_log',
        'alter table audit_log disable trigger all',
      ]) {
        await expect(client.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
      // Ordinary work goes on: reads, and updates of business tables.
      const users = await client.query(`update app_user set updated_at = updated_at where username = 'sysadmin'`);
      expect(users.rowCount).toBe(1);
    } finally {
      await client.end();
    }
    // The server, connected as the app role, appends to the keyed chain.
    const conn = connect({ databaseUrl: asApp.toString(), dataDir: t.dataDir });
    try {
      await auditAlone(conn.db, t.clock, systemActor, { eventType: 'test.as_app' });
      expect(await verifyAuditChain(conn.db)).toMatchObject({ ok: true });
    } finally {
      await conn.close();
    }
  });

  it('refuses on SQLite with a clear message', async () => {
    const res = await runCliProcess(['setup-db-roles'], { DATA_DIR: '/nonexistent-zg' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('POSTGRES_ONLY');
  });
});
