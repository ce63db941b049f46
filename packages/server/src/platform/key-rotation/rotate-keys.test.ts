import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../cli/cli-test-helpers.ts';
import { seedDemoPeopleOnce, seedDemoTree } from '../../cli/demo-seed.ts';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { verifyAuditChain } from '../audit/audit-service.ts';
import { listColumns, listTables } from '../backup/table-io.ts';
import { fieldCryptoFromFile, fieldCryptoFromKeys } from '../field-crypto.ts';
import { beginRotation, readKeyring } from '../field-keyring.ts';
import { newId } from '../ids.ts';
import { encryptedTables, ephemeral, notFieldCrypto } from './encrypted-columns.ts';
import { rotateAll } from './rotate-keys.ts';

describe.each(dialects)('rotate-keys on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('lists every encrypted column and blind index of the schema', async () => {
    t = await createTestApp(dialect);
    const known = new Map<string, Set<string>>();
    const add = (table: string, cols: readonly string[]) => known.set(table, new Set([...(known.get(table) ?? []), ...cols]));
    for (const s of encryptedTables) add(s.table, [...s.enc, ...s.bidx.map((b) => b.column)]);
    for (const e of ephemeral) add(e.table, e.columns);
    for (const [table, cols] of Object.entries(notFieldCrypto)) add(table, cols);
    const unlisted: string[] = [];
    for (const table of await listTables(t.ctx.db, t.connection.dialect)) {
      for (const col of await listColumns(t.ctx.db, t.connection.dialect, table)) {
        if (/(_enc|_bidx|_hash|_cipher|_secret)$/.test(col) && !known.get(table)?.has(col)) unlisted.push(`${table}.${col}`);
      }
    }
    expect(unlisted).toEqual([]);
  });

  it('re-encrypts everything under a new SM4 key version, resumes after an interruption, and keeps lookups working', async () => {
    t = await createTestApp(dialect); // written under the default profile, AES key version 1
    const { ctx } = t;
    await seedDemoTree(ctx);
    await seedDemoPeopleOnce(ctx, 40);
    const applicantId = newId();
    const now = ctx.clock.now().toISOString();
    await ctx.db
      .insertInto('recruit_applicant')
      .values({
        id: applicantId,
        phone_bidx: ctx.fieldCrypto.blindIndex('recruit_phone', '13700000000'),
        phone_enc: ctx.fieldCrypto.encrypt('13700000000'),
        phone_masked: '137****0000',
        password_hash: 'x',
        city_code: ctx.config.cityCode,
        created_at: now,
        last_login_at: null,
      })
      .execute();
    await ctx.db
      .insertInto('recruit_verification_code')
      .values({
        id: newId(),
        phone_bidx: ctx.fieldCrypto.blindIndex('recruit_phone', '13700000000'),
        code_hash: 'h',
        attempts: 0,
        expires_at: now,
        used_at: null,
        created_at: now,
      })
      .execute();
    const before = await ctx.db.selectFrom('person').select(['id', 'id_number_enc']).orderBy('id').execute();
    const plain = new Map(before.map((p) => [p.id, ctx.fieldCrypto.decrypt(p.id_number_enc)]));
    expect(before.every((p) => p.id_number_enc.startsWith('v1:'))).toBe(true);

    // Interrupted half way (as a kill would leave it).
    const secretKeyFile = path.join(t.dataDir, 'secret.key');
    const ring = beginRotation(secretKeyFile);
    expect(ring.rotatingTo).toBe(2);
    const partial = await rotateAll(ctx.db, ctx.clock, fieldCryptoFromKeys(ring.secrets, 2, 'gm'), { batchSize: 7, maxBatches: 2 });
    expect(partial.done).toBe(false);
    const mixed = await ctx.db.selectFrom('person').select('id_number_enc').execute();
    expect(mixed.filter((p) => p.id_number_enc.startsWith('k2.sm4:')).length).toBe(14);
    // The server will not start on half-rotated blind indexes.
    expect(() => fieldCryptoFromFile(secretKeyFile, 'gm')).toThrow(/rotation to version 2 is unfinished/);

    // The command resumes and finishes.
    const env = { DATA_DIR: t.dataDir, CRYPTO_PROFILE: 'gm', ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) };
    const run = await runCliProcess(['rotate-keys', '--batch', '9'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('rotating field keys from version 1 to 2 (SM4-CBC + HMAC-SM3)');
    expect(run.stdout).toContain('done: key version 2 is current');
    expect(readKeyring(secretKeyFile)).toMatchObject({ current: 2, rotatingTo: null });

    const fc = fieldCryptoFromFile(secretKeyFile, 'gm');
    const after = await ctx.db.selectFrom('person').select(['id', 'id_number_enc', 'id_number_bidx', 'phone_enc']).orderBy('id').execute();
    expect(after).toHaveLength(before.length);
    for (const p of after) {
      expect(p.id_number_enc).toMatch(/^k2\.sm4:/);
      if (p.phone_enc !== null) expect(p.phone_enc).toMatch(/^k2\.sm4:/);
      const id = fc.decrypt(p.id_number_enc);
      expect(id).toBe(plain.get(p.id));
      // Exact search by ID number uses the new blind index.
      expect(p.id_number_bidx).toBe(fc.blindIndex('id_number', id));
    }
    const applicant = await ctx.db.selectFrom('recruit_applicant').selectAll().where('id', '=', applicantId).executeTakeFirstOrThrow();
    expect(fc.decrypt(applicant.phone_enc)).toBe('13700000000');
    expect(applicant.phone_bidx).toBe(fc.blindIndex('recruit_phone', '13700000000'));
    expect(await ctx.db.selectFrom('recruit_verification_code').selectAll().execute()).toEqual([]);
    // Both runs are in the audit log, and the chain holds throughout.
    const events = await ctx.db
      .selectFrom('audit_log')
      .select('event_type')
      .where('event_type', 'like', 'crypto.rotate.%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.event_type)).toEqual(['crypto.rotate.start', 'crypto.rotate.start', 'crypto.rotate.done']);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });
  });
});
