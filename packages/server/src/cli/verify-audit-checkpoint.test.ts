import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteFile } from '../db/connect.ts';
import type { AuditLogTable } from '../db/database.ts';
import { auditKeyFile } from '../platform/audit/audit-key.ts';
import { verifyAuditChain } from '../platform/audit/audit-service.ts';
import { chainHash, chainMac, GENESIS_HASH } from '../platform/audit/chain.ts';
import { adminClient, createTestApp, dialects, login, STRONG_PASSWORD, type TestApp } from '../test-support/test-app.ts';
import { runCliProcess } from './cli-test-helpers.ts';

/** Statements an attacker with write access to the database runs, bypassing the app. */
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

type Row = AuditLogTable;

/**
 * Deletes rows `drop` and rebuilds the chain over what is left, renumbered, as a careful
 * attacker would: `hashRow` decides how (the unkeyed SM3 of before, or the real MAC with a
 * stolen key). Returns the rebuilt rows.
 */
async function rewriteChain(
  t: TestApp,
  drop: number[],
  hashRow: (prev: string, row: Omit<Row, 'hash' | 'prev_hash'>) => { hash: string; mac_alg: Row['mac_alg'] },
) {
  const dropTriggers =
    t.databaseUrl === undefined
      ? ['DROP TRIGGER audit_log_no_update', 'DROP TRIGGER audit_log_no_delete']
      : ['DROP TRIGGER audit_log_no_update ON audit_log'];
  await rawSql(t, dropTriggers);
  const rows = await t.ctx.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  const kept = rows.filter((r) => !drop.includes(r.seq));
  let prev = GENESIS_HASH;
  const rebuilt: Row[] = [];
  kept.forEach((r, i) => {
    const base = { ...r, seq: i + 1 };
    const { hash, mac_alg } = hashRow(prev, { ...withoutHashes(base), mac_alg: base.mac_alg });
    rebuilt.push({ ...base, mac_alg, prev_hash: prev, hash });
    prev = hash;
  });
  await t.ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('audit_log').execute();
    for (const r of rebuilt) await trx.insertInto('audit_log').values(r).execute();
    await trx.updateTable('audit_head').set({ last_seq: rebuilt.length, last_hash: prev }).where('id', '=', 1).execute();
  });
  return rebuilt;
}

const withoutHashes = ({ hash: _h, prev_hash: _p, ...rest }: Row) => rest;

describe.each(dialects)('signed audit checkpoints on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function withCheckpoint() {
    const app = await createTestApp(dialect, { cryptoProfile: 'gm' });
    t = app;
    await adminClient(app, 'sysadmin');
    const auditor = await adminClient(app, 'auditadmin');
    await login(app.app, 'sysadmin', STRONG_PASSWORD);
    await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sysadmin', password: 'nope' } });
    const res = await auditor.get('/api/v1/audit/checkpoint');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    // Kept by the audit administrator, off the server.
    const file = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-checkpoint.json`);
    fs.writeFileSync(file, res.body);
    const checkpoint = res.json<{ seq: number; hash: string }>();
    // Later activity after the checkpoint.
    await login(app.app, 'sysadmin', STRONG_PASSWORD);
    const env = { DATA_DIR: app.dataDir, ...(app.databaseUrl ? { DATABASE_URL: app.databaseUrl } : {}) };
    return { app, file, checkpoint, env };
  }

  it('chains rows with HMAC-SM3 under gm, signs the head with SM2 and verifies against it', async () => {
    const { app, file, checkpoint, env } = await withCheckpoint();
    const row = await app.ctx.db.selectFrom('audit_log').selectAll().where('seq', '=', checkpoint.seq).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ event_type: 'audit.checkpoint', mac_alg: 'hmac-sm3', hash: checkpoint.hash });
    const ok = await runCliProcess(['verify-audit', '--checkpoint', file], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/SM2 signature valid, key [0-9a-f]{4}-/);
    expect(ok.stdout).toContain(`passing through the checkpoint at row ${checkpoint.seq}`);
    fs.rmSync(file);
  });

  it('reports rows deleted and the unkeyed chain recomputed — which the old unkeyed check accepted', async () => {
    const { app, file, env } = await withCheckpoint();
    await rewriteChain(app, [2, 3], (prev, row) => ({ hash: chainHash(prev, { ...row, mac_alg: null }), mac_alg: null }));
    // The rewritten table is a perfect unkeyed SM3 chain: verifying without the key (as before this change) passes.
    expect(await verifyAuditChain(app.ctx.db, { key: null })).toMatchObject({ ok: true });

    const plain = await runCliProcess(['verify-audit'], env);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('unkeyed row after the keyed chain began');
    const anchored = await runCliProcess(['verify-audit', '--checkpoint', file], env);
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain('SM2 signature valid');
    expect(anchored.stderr).toMatch(/BROKEN at row seq \d+/);
    fs.rmSync(file);
  });

  it('reports a chain recomputed even with the stolen MAC key, against the checkpoint', async () => {
    const { app, file, checkpoint, env } = await withCheckpoint();
    const stolen = JSON.parse(fs.readFileSync(auditKeyFile(app.dataDir), 'utf8')) as { key: string };
    // Rows up to the key's first seq stay as they were; drop one keyed row and re-MAC the rest.
    const firstKeyed = (
      await app.ctx.db.selectFrom('audit_log').select('seq').where('mac_alg', 'is not', null).orderBy('seq').executeTakeFirstOrThrow()
    ).seq;
    await rewriteChain(app, [firstKeyed + 1], (prev, row) =>
      row.mac_alg === null
        ? { hash: chainHash(prev, row), mac_alg: null }
        : { hash: chainMac(Buffer.from(stolen.key, 'hex'), row.mac_alg, prev, row), mac_alg: row.mac_alg },
    );
    const plain = await runCliProcess(['verify-audit'], env);
    expect(plain.code, plain.stderr).toBe(0); // the key alone cannot tell: that is what the checkpoint is for
    const anchored = await runCliProcess(['verify-audit', '--checkpoint', file], env);
    expect(anchored.code).toBe(1);
    expect(anchored.stderr).toContain(`BROKEN at row seq ${checkpoint.seq}: differs from the signed checkpoint`);
    fs.rmSync(file);
  });

  it('rejects a checkpoint whose head was edited, and a chain whose MAC key is missing', async () => {
    const { app, file, env } = await withCheckpoint();
    const forged = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number };
    fs.writeFileSync(file, JSON.stringify({ ...forged, seq: forged.seq - 1 }));
    const bad = await runCliProcess(['verify-audit', '--checkpoint', file], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('REJECTED: bad signature');
    fs.rmSync(auditKeyFile(app.dataDir));
    const nokey = await runCliProcess(['verify-audit'], env);
    expect(nokey.code).toBe(1);
    expect(nokey.stderr).toContain('audit MAC key missing');
    fs.rmSync(file);
  });
});
