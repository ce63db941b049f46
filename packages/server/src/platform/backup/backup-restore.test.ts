import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../db/connect.ts';
import { emptyTarget, runCliProcess, tableDigests, type Target } from '../../cli/cli-test-helpers.ts';
import { createTestApp, dialects, enrolTotp, INITIAL_PASSWORD, login, STRONG_PASSWORD, type TestApp } from '../../test-support/test-app.ts';
import { auditAlone, systemActor } from '../audit/audit-service.ts';
import { readBackupHeader } from './backup-file.ts';

const lastSeq = async (t: { ctx: TestApp['ctx'] }) =>
  (await t.ctx.db.selectFrom('audit_head').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow()).last_seq;

/** A live source: the app is open in this process while CLI processes work on the same database. */
async function populatedSource(dialect: Dialect): Promise<{ t: TestApp; env: Record<string, string> }> {
  const t = await createTestApp(dialect);
  const env = { DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
  const cli = async (...args: string[]) => {
    const res = await runCliProcess(args, env);
    if (res.code !== 0) throw new Error(`${args.join(' ')} → ${res.code}: ${res.stderr}`);
    return res;
  };
  await cli('create-admin', '--username', 'sysadmin', '--password', INITIAL_PASSWORD);
  await cli('seed-demo', '--with-users', '--password', 'Demo#Initial42');
  const first = await login(t.app, 'sysadmin', INITIAL_PASSWORD);
  await enrolTotp(t.app, first, 'sysadmin');
  await first.post('/api/v1/auth/password', { oldPassword: INITIAL_PASSWORD, newPassword: STRONG_PASSWORD });
  await login(t.app, 'sysadmin', STRONG_PASSWORD);
  await login(t.app, 'demo-xihu', 'Demo#Initial42');
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'demo-xihu', password: 'wrong' } });
  return { t, env };
}

describe.each(dialects)('backup and restore on %s', (dialect) => {
  let source: TestApp;
  let env: Record<string, string>;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-backups-'));
  const targets: Target[] = [];
  const target = async (withKey = true) => {
    const t = await emptyTarget(dialect, withKey ? source.dataDir : undefined);
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    ({ t: source, env } = await populatedSource(dialect));
  });
  afterAll(async () => {
    await source.close();
    for (const t of targets) await t.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('restores into an empty target with every table equal, and the audit chain verifies', async () => {
    const seqBefore = await lastSeq(source);
    const before = await tableDigests(source.ctx.db, dialect, seqBefore);
    expect(Number(before.org?.split(':')[0])).toBeGreaterThanOrEqual(100);
    const file = path.join(work, 'full.zgb');
    const backup = await runCliProcess(['backup', '--to', file, '--unencrypted'], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(readBackupHeader(file).manifest.auditHead.seq).toBe(seqBefore);
    const recorded = await source.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('event_type', '=', 'system.backup')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(recorded.detail)).toMatchObject({ file, sm3: readBackupHeader(file).manifest.payloadSm3 });

    const into = await target();
    const restore = await runCliProcess(['restore', '--from', file], into.env);
    expect(restore.code, restore.stderr).toBe(0);
    const verify = await runCliProcess(['verify-audit'], into.env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout.trim()).toBe(`ok, ${seqBefore + 1} rows`);

    const restored = into.open();
    try {
      expect(await tableDigests(restored.db, dialect, seqBefore)).toEqual(before);
      const last = await restored.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(last).toMatchObject({ seq: seqBefore + 1, event_type: 'system.restore', actor_name: 'system' });
      expect(JSON.parse(last.detail)).toMatchObject({ auditChain: 'ok', sourceAuditHeadSeq: seqBefore });
    } finally {
      await restored.close();
    }
  });

  it('seals the database and every uploaded file with the passphrase, restores both, and refuses a changed archive', async () => {
    // Files as the modules keep them under DATA_DIR/uploads; one larger than a sealing record, one empty.
    const uploads = path.join(source.dataDir, 'uploads');
    const made: Record<string, Buffer> = {
      'photos/ab/person.jpg': crypto.randomBytes(300 * 1024),
      'portal/documents/身份证明.pdf': crypto.randomBytes(5000),
      'study/materials/empty.txt': Buffer.alloc(0),
      'courseware/c1/lesson.mp4': crypto.randomBytes(70 * 1024),
    };
    for (const [name, bytes] of Object.entries(made)) {
      fs.mkdirSync(path.dirname(path.join(uploads, name)), { recursive: true });
      fs.writeFileSync(path.join(uploads, name), bytes);
    }
    const sm3Of = (dir: string) =>
      Object.fromEntries(
        Object.keys(made).map((name) => [
          name,
          crypto
            .createHash('sm3')
            .update(fs.readFileSync(path.join(dir, name)))
            .digest('hex'),
        ]),
      );
    const passphrase = 'correct horse battery staple';
    const file = path.join(work, 'sealed.zgb');
    const seq = await lastSeq(source);
    const before = await tableDigests(source.ctx.db, dialect, seq);
    const missing = await runCliProcess(['backup', '--to', file], env);
    expect([missing.code, missing.stderr.includes('BACKUP_PASSPHRASE_MISSING')]).toEqual([1, true]);
    const backup = await runCliProcess(['backup', '--to', file], { ...env, BACKUP_PASSPHRASE: passphrase });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('4 uploaded files');
    const recorded = await source.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('event_type', '=', 'system.backup')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(recorded.detail)).toMatchObject({ file, sealed: 'aes-256-gcm' });
    const sealed = fs.readFileSync(file);
    // Nothing readable inside: no organisation name from the database, no bytes of an uploaded file.
    expect(sealed.includes(Buffer.from('公安局'))).toBe(false);
    expect(sealed.includes(made['portal/documents/身份证明.pdf']!.subarray(0, 64))).toBe(false); // the key exists: written above
    expect(sealed.includes(Buffer.from('身份证明'))).toBe(false);

    const wrong = await target();
    const badPass = await runCliProcess(['restore', '--from', file], { ...wrong.env, BACKUP_PASSPHRASE: 'another long passphrase' });
    expect([badPass.code, badPass.stderr.includes('BACKUP_TAMPERED')]).toEqual([1, true]);
    const tampered = path.join(work, 'sealed-tampered.zgb');
    const bytes = Buffer.from(sealed);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    fs.writeFileSync(tampered, bytes);
    const refused = await runCliProcess(['restore', '--from', tampered], { ...wrong.env, BACKUP_PASSPHRASE: passphrase });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('BACKUP_TAMPERED');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(wrong.dataDir, 'zhenggong.db'))).toBe(false);
    expect(fs.existsSync(path.join(wrong.dataDir, 'uploads', 'photos'))).toBe(false);

    const into = await target();
    const restore = await runCliProcess(['restore', '--from', file], { ...into.env, BACKUP_PASSPHRASE: passphrase });
    expect(restore.code, restore.stderr).toBe(0);
    expect(sm3Of(path.join(into.dataDir, 'uploads'))).toEqual(sm3Of(uploads));
    const restored = into.open();
    try {
      expect(await tableDigests(restored.db, dialect, seq)).toEqual(before);
    } finally {
      await restored.close();
    }
    expect((await runCliProcess(['verify-audit'], into.env)).code).toBe(0);
    fs.rmSync(uploads, { recursive: true, force: true });
    fs.mkdirSync(uploads);
  });

  it('refuses to restore over existing data and changes nothing', async () => {
    const file = path.join(work, 'again.zgb');
    expect((await runCliProcess(['backup', '--to', file, '--unencrypted'], env)).code).toBe(0);
    const before = await tableDigests(source.ctx.db, dialect);
    const res = await runCliProcess(['restore', '--from', file], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('RESTORE_TARGET_NOT_EMPTY');
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(await tableDigests(source.ctx.db, dialect)).toEqual(before);
  });

  it('refuses a damaged backup before touching the target, and never overwrites a backup file', async () => {
    const file = path.join(work, 'damaged.zgb');
    expect((await runCliProcess(['backup', '--to', file, '--unencrypted'], env)).code).toBe(0);
    const again = await runCliProcess(['backup', '--to', file, '--unencrypted'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('BACKUP_TARGET_EXISTS');
    const bytes = fs.readFileSync(file);
    const at = bytes.length - 200;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);
    const into = await target();
    const res = await runCliProcess(['restore', '--from', file], into.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('BACKUP_CORRUPT');
    expect(fs.existsSync(path.join(into.dataDir, 'zhenggong.db'))).toBe(false);
    const probe = into.open();
    try {
      expect(await tableDigests(probe.db, dialect)).toEqual({});
    } finally {
      await probe.close();
    }
  });

  // The key is checked before any database is opened: one dialect says it all.
  it.runIf(dialect === 'sqlite')('needs the instance key in the target DATA_DIR, since backups never carry it', async () => {
    const file = path.join(work, 'keyed.zgb');
    expect((await runCliProcess(['backup', '--to', file, '--unencrypted'], env)).code).toBe(0);
    expect(readBackupHeader(file).manifest.keyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fs.readFileSync(file).includes(fs.readFileSync(path.join(source.dataDir, 'secret.key')))).toBe(false);

    const bare = await target(false);
    const missing = await runCliProcess(['restore', '--from', file], bare.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('RESTORE_KEY_MISSING');
    fs.mkdirSync(bare.dataDir, { recursive: true });
    fs.writeFileSync(path.join(bare.dataDir, 'secret.key'), 'ab'.repeat(32));
    const wrong = await runCliProcess(['restore', '--from', file], bare.env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('RESTORE_KEY_MISMATCH');
    fs.rmSync(path.join(bare.dataDir, 'secret.key'));
    const anyway = await runCliProcess(['restore', '--from', file, '--without-key'], bare.env);
    expect(anyway.code, anyway.stderr).toBe(0);
    expect(anyway.stderr).toContain('without the instance key');
  });

  it('takes a consistent snapshot while the app keeps writing', async () => {
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        await auditAlone(source.ctx.db, source.clock, systemActor, { eventType: 'test.write', detail: { n: n++ } });
        // better-sqlite3 answers synchronously: yield to the event loop so the child process's exit is seen.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return n;
    })();
    const file = path.join(work, 'busy.zgb');
    const backup = await runCliProcess(['backup', '--to', file, '--unencrypted'], env);
    writing = false;
    expect(await writer).toBeGreaterThan(0);
    expect(backup.code, backup.stderr).toBe(0);
    const snapshotSeq = readBackupHeader(file).manifest.auditHead.seq;

    const into = await target();
    expect((await runCliProcess(['restore', '--from', file], into.env)).code).toBe(0);
    const restored = into.open();
    try {
      // The copy is exactly the source's log up to the snapshot point: a prefix, nothing torn.
      expect(await tableDigests(restored.db, dialect, snapshotSeq)).toEqual(await tableDigests(source.ctx.db, dialect, snapshotSeq));
    } finally {
      await restored.close();
    }
    expect((await runCliProcess(['verify-audit'], into.env)).code).toBe(0);
  });
});

describe.runIf(dialects.includes('postgres'))('restore across databases', () => {
  // Five CLI processes, each loading the app and migrating every module's tables: a loaded machine needs minutes.
  it('moves a SQLite installation to PostgreSQL and back with equal tables', async () => {
    const { t: source, env } = await populatedSource('sqlite');
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-cross-'));
    const pgTarget = await emptyTarget('postgres', source.dataDir);
    const sqliteTarget = await emptyTarget('sqlite', source.dataDir);
    try {
      const seq = await lastSeq(source);
      const expected = await tableDigests(source.ctx.db, 'sqlite', seq);
      const toPg = path.join(work, 'from-sqlite.zgb');
      expect((await runCliProcess(['backup', '--to', toPg, '--unencrypted'], env)).code).toBe(0);
      const r1 = await runCliProcess(['restore', '--from', toPg], pgTarget.env);
      expect(r1.code, r1.stderr).toBe(0);
      const onPg = pgTarget.open();
      try {
        expect(await tableDigests(onPg.db, 'postgres', seq)).toEqual(expected);
      } finally {
        await onPg.close();
      }
      const back = path.join(work, 'from-pg.zgb');
      expect((await runCliProcess(['backup', '--to', back, '--unencrypted'], pgTarget.env)).code).toBe(0);
      const r2 = await runCliProcess(['restore', '--from', back], sqliteTarget.env);
      expect(r2.code, r2.stderr).toBe(0);
      const onSqlite = sqliteTarget.open();
      try {
        expect(await tableDigests(onSqlite.db, 'sqlite', seq)).toEqual(expected);
      } finally {
        await onSqlite.close();
      }
      expect((await runCliProcess(['verify-audit'], sqliteTarget.env)).stdout).toMatch(/^ok, \d+ rows/);
    } finally {
      await source.close();
      await pgTarget.dispose();
      await sqliteTarget.dispose();
      fs.rmSync(work, { recursive: true, force: true });
    }
  }, 240_000);
});
