import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { breakAuditInserts } from './audit-test-support.ts';
import { appendAudit, systemActor, verifyAuditChain } from './audit-service.ts';

describe.each(dialects)('audit log storage on %s', (dialect) => {
  let t: TestApp;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    userId = (await adminClient(t, 'sysadmin', 'keeper')).userId;
    await login(t.app, 'keeper', STRONG_PASSWORD);
  });
  afterAll(() => t.close());

  const auditRows = () => t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('refuses UPDATE and DELETE on audit_log in the database itself (L3-CES1-14 a)', async () => {
    const before = await auditRows();
    expect(before.length).toBeGreaterThan(2);
    await expect(t.ctx.db.updateTable('audit_log').set({ detail: '{"forged":true}' }).where('seq', '=', 1).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ctx.db.deleteFrom('audit_log').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect(await auditRows()).toEqual(before);
  });

  it('rolls the business change back when the audit insert fails (fail closed, L3-CES1-15)', async () => {
    const name = async () =>
      (await t.ctx.db.selectFrom('app_user').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow()).display_name;
    const original = await name();
    const auditCount = (await auditRows()).length;
    const repair = await breakAuditInserts(t.connection);
    try {
      const change = t.ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('app_user').set({ display_name: 'changed without a trace' }).where('id', '=', userId).execute();
        await appendAudit(trx, t.clock, systemActor, { eventType: 'user.update', objectType: 'user', objectId: userId });
      });
      await expect(change).rejects.toThrow(/audit store unavailable/);
    } finally {
      await repair();
    }
    expect(await name()).toBe(original);
    expect(await auditRows()).toHaveLength(auditCount);
    // The same change with a working audit store commits together with its row.
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ display_name: 'renamed' }).where('id', '=', userId).execute();
      await appendAudit(trx, t.clock, systemActor, { eventType: 'user.update', objectType: 'user', objectId: userId });
    });
    expect(await name()).toBe('renamed');
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('detects an edited row once the trigger is out of the way (an attacker with DB access)', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    if (dialect === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(t.ctx.db);
    } else {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(t.ctx.db);
    }
    await t.ctx.db.updateTable('audit_log').set({ detail: '{"reason":"nothing to see"}' }).where('seq', '=', 2).execute();
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'content changed' });
  });
});
