import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../db/connect.ts';
import { verifyPassword } from '../platform/auth/passwords.ts';
import { dialects } from '../test-support/test-app.ts';
import { emptyTarget, runCliProcess, type Target } from './cli-test-helpers.ts';
import { demoBranches, demoOrgPlan } from './demo-orgs.ts';

const noStack = /\n\s+at /;

describe('cli usage', () => {
  it('prints the usage and exits 2 on a wrong command line, without touching any database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-usage-'));
    const env = { DATA_DIR: dir };
    const none = await runCliProcess([], env);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('zhenggong create-admin --username <name>');
    expect((await runCliProcess(['help'], env)).code).toBe(0);
    const unknown = await runCliProcess(['drop-everything'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "drop-everything"');
    const badOption = await runCliProcess(['backup', '--to', 'x', '--force'], env);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--force'");
    expect(badOption.stderr).toContain('Usage: zhenggong backup --to <file> [--passphrase-file <file> | --unencrypted]');
    const missing = await runCliProcess(['create-admin'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--username is required');
    expect((await runCliProcess(['create-admin', '--username', 'x', '--kind', 'root'], env)).code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });
});

describe.each(dialects)('cli commands on %s', (dialect) => {
  let target: Target;
  let db: Connection;
  const cli = (...args: string[]) => runCliProcess(args, target.env);
  const auditOf = (eventType: string) =>
    db.db.selectFrom('audit_log').selectAll().where('event_type', '=', eventType).orderBy('seq').execute();

  beforeAll(async () => {
    target = await emptyTarget(dialect);
  });
  afterAll(async () => {
    await db?.close();
    await target.dispose();
  });

  it('migrate creates the schema once and records it', async () => {
    const first = await cli('migrate');
    expect(first.code, first.stderr).toBe(0);
    expect((await cli('migrate')).code).toBe(0);
    db = target.open();
    const rows = await auditOf('system.migrate');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.detail ?? '{}')).toMatchObject({
      via: 'cli',
      applied: expect.arrayContaining(['20261129T000000-foundation']),
    });
  });

  it('create-admin prints the id and the first-login reminder, never the given password', async () => {
    const password = 'Given#Initial77';
    const res = await cli('create-admin', '--username', 'secadm', '--password', password, '--kind', 'secadmin', '--display-name', '安全员');
    expect(res.code, res.stderr).toBe(0);
    const id = /id=([0-9a-f-]{36})/.exec(res.stdout)?.[1];
    expect(res.stdout).toContain('The password must be changed at first login');
    expect(res.stdout + res.stderr).not.toContain(password);
    const user = await db.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', id ?? '')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ username: 'secadm', display_name: '安全员', admin_kind: 'secadmin', must_change_password: 1 });
    expect(await verifyPassword(user.password_hash, password)).toBe(true);
    const audit = (await auditOf('user.create')).find((r) => r.object_id === id);
    expect(audit).toMatchObject({ actor_name: 'system', actor_role: 'system', outcome: 'success' });
    expect(audit?.detail).not.toContain(password);

    const again = await cli('create-admin', '--username', 'SECADM', '--password', password);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('USERNAME_TAKEN');
    expect(again.stderr).not.toMatch(noStack);
    const weak = await cli('create-admin', '--username', 'weakling', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('PASSWORD_POLICY');
  });

  it('create-admin without --password shows a generated one-time password once', async () => {
    const res = await cli('create-admin', '--username', 'sysadm');
    expect(res.code, res.stderr).toBe(0);
    const shown = /one-time password \(shown once\): (\S+)/.exec(res.stdout)?.[1] ?? '';
    expect(shown.length).toBeGreaterThanOrEqual(12);
    const user = await db.db
      .selectFrom('app_user')
      .select(['password_hash', 'admin_kind'])
      .where('username', '=', 'sysadm')
      .executeTakeFirstOrThrow();
    expect(user.admin_kind).toBe('sysadmin');
    expect(await verifyPassword(user.password_hash, shown)).toBe(true);
  });

  it('seed-demo builds the demo tree once, with a correct closure table, and political-staff accounts', async () => {
    const res = await cli('seed-demo', '--with-users');
    expect(res.code, res.stderr).toBe(0);
    const orgs = await db.db.selectFrom('org').selectAll().execute();
    expect(orgs).toHaveLength(demoOrgPlan().length + 1);
    expect(orgs.length).toBeGreaterThanOrEqual(100);
    const root = orgs.find((o) => o.parent_id === null);
    expect(root).toMatchObject({ name: '示例市公安局', type: 'city_bureau' }); // the default root create-admin made, adopted
    expect(orgs.filter((o) => o.type === 'branch')).toHaveLength(12);
    expect(orgs.filter((o) => o.is_unit === 0).every((o) => o.type === 'department')).toBe(true);
    // Closure: every node has exactly one row per ancestor, at the right depth.
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const closure = await db.db.selectFrom('org_closure').selectAll().execute();
    for (const o of orgs) {
      const expected: string[] = [];
      for (let n: typeof o | undefined = o, d = 0; n; n = n.parent_id ? byId.get(n.parent_id) : undefined, d++)
        expected.push(`${n.id}@${d}`);
      const actual = closure.filter((c) => c.descendant_id === o.id).map((c) => `${c.ancestor_id}@${c.depth}`);
      expect(actual.sort()).toEqual(expected.sort());
    }

    const users = await db.db.selectFrom('app_user').selectAll().where('username', 'like', 'demo-%').execute();
    // One political-staff account per branch, and one at the city bureau for the city review steps.
    expect(users).toHaveLength(demoBranches.length + 1);
    expect(users.every((u) => u.must_change_password === 1 && u.admin_kind === null)).toBe(true);
    expect(byId.get(users.find((u) => u.username === 'demo-city')?.org_id ?? '')?.parent_id).toBeNull();
    const shown = [...res.stdout.matchAll(/^ {2}(demo-\S+)\t(\S+)$/gm)];
    expect(shown).toHaveLength(demoBranches.length + 1);
    const xihu = users.find((u) => u.username === 'demo-xihu');
    expect(byId.get(xihu?.org_id ?? '')?.name).toBe('示例市公安局西湖分局政治处');
    const xihuPassword = shown.find((m) => m[1] === 'demo-xihu')?.[2] ?? '';
    expect(await verifyPassword(xihu?.password_hash ?? '', xihuPassword)).toBe(true);

    const again = await cli('seed-demo', '--with-users');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already present');
    expect(await db.db.selectFrom('org').select('id').execute()).toHaveLength(orgs.length);
    expect(await auditOf('org.seed-demo')).toHaveLength(1);
    expect((await auditOf('user.create')).filter((r) => r.detail.includes('demo-'))).toHaveLength(demoBranches.length + 1);
  });

  // Two seed-demo processes, each running every module's demo part.
  it('seed-demo with people links demo officers to accounts of their own, once', async () => {
    const res = await cli('seed-demo', '--people', '400', '--with-users');
    expect(res.code, res.stderr).toBe(0);
    const officers = await db.db.selectFrom('app_user').selectAll().where('username', 'like', 'demo-%-mj%').execute();
    expect(officers.map((u) => u.username).sort()).toEqual(
      demoBranches
        .slice(0, 3)
        .flatMap((b) => [`demo-${b.slug}-mj1`, `demo-${b.slug}-mj2`])
        .sort(),
    );
    for (const u of officers) {
      const person = await db.db
        .selectFrom('person')
        .select(['org_id', 'kind'])
        .where('id', '=', u.person_id ?? '')
        .executeTakeFirstOrThrow();
      expect(person).toEqual({ org_id: u.org_id, kind: 'officer' });
    }
    expect([...res.stdout.matchAll(/^ {2}(demo-\S+-mj\d)\t(\S+)$/gm)]).toHaveLength(6);
    // The modules' parts: every branch drafts next quarter's exam; each of the three branches with
    // officer accounts also holds a test two months ago with results published, last month's exam,
    // taken by five of the six officers, and an open one.
    expect(res.stdout).toContain('demo exams:');
    const exams = await db.db.selectFrom('exam').select(['id', 'title', 'status', 'results_published_at']).orderBy('starts_at').execute();
    expect(exams.filter((e) => e.status === 'draft')).toHaveLength(demoBranches.length);
    const scheduled = exams.filter((e) => e.status === 'scheduled');
    expect(scheduled).toHaveLength(9);
    const published = scheduled.slice(0, 3);
    expect(published.every((e) => e.results_published_at !== null)).toBe(true);
    const marked = await db.db
      .selectFrom('exam_session')
      .select('status')
      .where(
        'exam_id',
        'in',
        published.map((e) => e.id),
      )
      .execute();
    expect(marked.map((s) => s.status)).toEqual(Array(6).fill('graded'));
    const past = scheduled.slice(3, 6).map((e) => e.id);
    const taken = await db.db.selectFrom('exam_session').select('status').where('exam_id', 'in', past).execute();
    expect(taken).toHaveLength(5);
    expect(taken.every((s) => s.status === 'submitted' || s.status === 'graded')).toBe(true);
    const again = await cli('seed-demo', '--people', '400', '--with-users');
    // 12 branch accounts, the city account and 6 officers.
    expect(again.stdout).toContain('0 created, 19 already present');
  }, 240_000);

  it('seed-demo refuses a tree that holds real organisations', async () => {
    const other = await emptyTarget(dialect);
    try {
      expect((await runCliProcess(['migrate'], other.env)).code).toBe(0);
      const conn = other.open();
      const now = new Date().toISOString();
      const row = {
        code: null,
        short_name: null,
        is_unit: 1,
        sort_order: 0,
        status: 'active' as const,
        closed_at: null,
        city_code: '330100',
        created_at: now,
        updated_at: now,
      };
      await conn.db
        .insertInto('org')
        .values([
          { ...row, id: '01900000-0000-7000-8000-000000000001', name: '某市公安局', type: 'city_bureau', parent_id: null },
          {
            ...row,
            id: '01900000-0000-7000-8000-000000000002',
            name: '某分局',
            type: 'branch',
            parent_id: '01900000-0000-7000-8000-000000000001',
          },
        ])
        .execute();
      await conn.close();
      const res = await runCliProcess(['seed-demo'], other.env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('SEED_TREE_NOT_EMPTY');
      const check = connect({ databaseUrl: other.databaseUrl, dataDir: other.dataDir });
      expect(await check.db.selectFrom('org').select('id').execute()).toHaveLength(2);
      await check.close();
    } finally {
      await other.dispose();
    }
  });
});
