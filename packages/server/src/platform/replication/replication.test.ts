import { sql, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import { PG_BIN, PgCluster, canStartClusters } from '../../test-support/pg-cluster.ts';
import { systemClock } from '../clock.ts';
import { publishCity } from './city-publication.ts';
import { beat } from './heartbeat.ts';
import { MigrationOrderError, migrateInstance } from './migration-order.ts';
import { addCity, refreshCity, resyncCity, waitForInitialCopy } from './province-subscriptions.ts';
import { ensureProvinceRoot, prepareProvince, rebuildProvinceClosure } from './province-setup.ts';
import { reconcileCity } from './reconcile.ts';
import { replicationStatus } from './status.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../config.ts';
import { connect, type Connection } from '../../db/connect.ts';
import { newId } from '../ids.ts';
import type { AnyDb } from './catalogue.ts';

/**
 * Province–city replication end to end (ADR 027): two city clusters and a province cluster with
 * wal_level = logical, started and stopped here. Runs where PostgreSQL may be started (CI sets
 * TEST_DATABASE_URL; the clusters are its own, on free loopback ports).
 */
const enabled = Boolean(process.env.TEST_DATABASE_URL) && canStartClusters();
const A = '320100';
const B = '320200';
const P = '320000';
const WAIT = 30_000;

// In CI with PostgreSQL the must-show tests must run, not be skipped because initdb is missing.
it.runIf(Boolean(process.env.CI && process.env.TEST_DATABASE_URL) && !enabled)('CI can start throw-away PostgreSQL clusters', () => {
  throw new Error(`replication tests need PostgreSQL server binaries in ${PG_BIN} (PG_BIN) and, as root, a postgres OS user`);
});

describe.skipIf(!enabled)('province–city replication on PostgreSQL logical replication', () => {
  const clusters: PgCluster[] = [];
  let cityA: Instance;
  let cityB: Instance;
  let province: Instance;
  let orgsA: { root: string; unit: string };
  let orgsB: { root: string; unit: string };
  let peopleA: string[];

  const createDb = async (c: PgCluster) => {
    const client = new pg.Client({ connectionString: c.url() });
    await client.connect();
    await client.query('create database zhgz');
    await client.end();
    return c.url('zhgz');
  };

  beforeAll(async () => {
    const [ca, cb, cp] = await Promise.all([
      PgCluster.create('city-a', { max_slot_wal_keep_size: "'256MB'" }),
      PgCluster.create('city-b'),
      PgCluster.create('province'),
    ]);
    clusters.push(ca, cb, cp);
    const [ua, ub, up] = [await createDb(ca), await createDb(cb), await createDb(cp)];
    province = await openInstance(up, P, 'province');
    await ensureProvinceRoot(province.db, P, '示例省公安厅', new Date());
    cityA = await openInstance(ua, A, 'city', { PROVINCE_DATABASE_URL: up });
    cityB = await openInstance(ub, B, 'city', { PROVINCE_DATABASE_URL: up });
    orgsA = await seedOrgs(cityA.db, A, '甲市公安局');
    orgsB = await seedOrgs(cityB.db, B, '乙市公安局');
    peopleA = await insertPeople(cityA.db, A, orgsA.unit, 300);
    await insertPeople(cityB.db, B, orgsB.unit, 200);
    for (const city of [cityA, cityB]) await publishCity(city.db);
    await prepareProvince(province.db, { provinceCode: P });
    await addCity(province.db, { cityCode: A, name: '甲市', conninfo: ca.conninfo('zhgz') }, new Date());
    await addCity(province.db, { cityCode: B, name: '乙市', conninfo: cb.conninfo('zhgz') }, new Date());
    await waitForInitialCopy(province.db, A, 300_000);
    await waitForInitialCopy(province.db, B, 300_000);
  }, 600_000); // three initdb runs and two initial copies: minutes on a busy shared machine

  afterAll(async () => {
    for (const i of [province, cityA, cityB]) await i?.close().catch(() => {});
    for (const c of clusters) c.destroy();
  }, 60_000);

  it('copies each city at subscription, and a city write appears at the province', async () => {
    expect(await count(province.db, 'person', A)).toBe(300);
    expect(await count(province.db, 'person', B)).toBe(200);
    const [id] = await insertPeople(cityA.db, A, orgsA.unit, 1);
    const ms = await until(
      async () =>
        (await province.db
          .selectFrom('person')
          .select('id')
          .where('id', '=', id as string)
          .executeTakeFirst()) !== undefined,
      WAIT,
      'the new person at the province',
    );
    expect(ms).toBeLessThan(WAIT);
    await cityA.db
      .updateTable('person')
      .set({ name: '改名后', updated_at: new Date().toISOString() })
      .where('id', '=', id as string)
      .execute();
    await until(
      async () =>
        (
          await province.db
            .selectFrom('person')
            .select('name')
            .where('id', '=', id as string)
            .executeTakeFirst()
        )?.name === '改名后',
      WAIT,
      'the update at the province',
    );
  });

  it('keeps sensitive columns at the city: they are NULL at the province', async () => {
    const atCity = await cityA.db
      .selectFrom('person')
      .select(['id_number_enc', 'id_number_bidx', 'phone_enc', 'id_number_masked'])
      .where('id', '=', peopleA[0] as string)
      .executeTakeFirstOrThrow();
    expect(atCity.id_number_enc).toMatch(/^v1:/);
    const atProvince = await province.db
      .selectFrom('person')
      .select(['name', 'id_number_enc', 'id_number_bidx', 'phone_enc', 'phone_masked', 'id_number_masked'])
      .where('id', '=', peopleA[0] as string)
      .executeTakeFirstOrThrow();
    expect(atProvince.name).toMatch(/^测试/);
    expect(atProvince).toMatchObject({
      id_number_enc: null,
      id_number_bidx: null,
      phone_enc: null,
      phone_masked: null,
      id_number_masked: null,
    });
  });

  it('a TRUNCATE at a city does not empty the province (insert, update, delete only)', async () => {
    await insertAward(cityA.db, A, peopleA[0] as string, '嘉奖');
    const [personB] = await cityB.db.selectFrom('person').select('id').limit(1).execute();
    await insertAward(cityB.db, B, personB?.id as string, '三等功');
    await until(
      async () => (await count(province.db, 'person_award', A)) === 1 && (await count(province.db, 'person_award', B)) === 1,
      WAIT,
      'awards at the province',
    );
    await sql`truncate person_award`.execute(cityA.db);
    // A write after the TRUNCATE in the same stream: once it is at the province, so is anything before it.
    const [marker] = await insertPeople(cityA.db, A, orgsA.unit, 1);
    await until(
      async () =>
        (await province.db
          .selectFrom('person')
          .select('id')
          .where('id', '=', marker as string)
          .executeTakeFirst()) !== undefined,
      WAIT,
      'the marker',
    );
    expect(await count(cityA.db, 'person_award', A)).toBe(0);
    expect(await count(province.db, 'person_award', A)).toBe(1);
    expect(await count(province.db, 'person_award', B)).toBe(1);
  });

  it('a stopped city does not stop the other', async () => {
    const [ca, cb] = clusters as [PgCluster, PgCluster, PgCluster];
    ca.stop();
    try {
      const [id] = await insertPeople(cityB.db, B, orgsB.unit, 1);
      await until(
        async () =>
          (await province.db
            .selectFrom('person')
            .select('id')
            .where('id', '=', id as string)
            .executeTakeFirst()) !== undefined,
        WAIT,
        'city B row while city A is down',
      );
    } finally {
      ca.start();
    }
    const [back] = await insertPeople(cityA.db, A, orgsA.unit, 1);
    await until(
      async () =>
        (await province.db
          .selectFrom('person')
          .select('id')
          .where('id', '=', back as string)
          .executeTakeFirst()) !== undefined,
      WAIT,
      'city A row after its restart',
    );
    expect(cb.port).toBeGreaterThan(0);
  }, 90_000);

  it('a stopped province catches up after restart', async () => {
    const cp = clusters[2] as PgCluster;
    cp.stop();
    let a: number;
    let b: number;
    try {
      await insertPeople(cityA.db, A, orgsA.unit, 2000);
      await insertPeople(cityB.db, B, orgsB.unit, 1500);
      await cityA.db
        .updateTable('person')
        .set({ rank: '12', updated_at: new Date().toISOString() })
        .where('id', 'in', peopleA.slice(0, 100))
        .execute();
      await cityA.db.deleteFrom('person').where('id', 'in', peopleA.slice(250, 260)).execute();
      a = await count(cityA.db, 'person', A);
      b = await count(cityB.db, 'person', B);
    } finally {
      cp.start();
    }
    const ms = await until(
      async () => (await count(province.db, 'person', A)) === a && (await count(province.db, 'person', B)) === b,
      60_000,
      'province catch-up',
    );
    const ranks = await province.db.selectFrom('person').select('rank').where('id', 'in', peopleA.slice(0, 100)).execute();
    expect(ranks.every((r) => r.rank === '12')).toBe(true);
    expect(ms).toBeLessThan(60_000);
  }, 120_000);

  it('reconciliation finds a row deleted at the province behind the engine and repairs it, in the audit chain', async () => {
    const victim = peopleA[5] as string;
    await province.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.deleteFrom('person').where('id', '=', victim).execute();
    });
    const found = await reconcileCity({ db: province.db, clock: systemClock }, cityA.db, A, { repair: false });
    const person = found.tables.find((t) => t.table === 'person');
    expect(person?.diverged.length).toBe(1);
    const range = person?.diverged[0];
    expect(range && range.first <= victim && victim <= range.last).toBe(true);
    expect(range?.cityRows).toBe((range?.provinceRows ?? 0) + 1);

    const repaired = await reconcileCity({ db: province.db, clock: systemClock }, cityA.db, A, { repair: true });
    expect(repaired.tables.find((t) => t.table === 'person')?.repaired).toBe(true);
    expect(await province.db.selectFrom('person').select('id').where('id', '=', victim).executeTakeFirst()).toBeDefined();
    const again = await reconcileCity({ db: province.db, clock: systemClock }, cityA.db, A, { repair: false });
    expect(again.tables.filter((t) => t.diverged.length > 0).map((t) => t.table)).toEqual([]);
    const audit = await province.db
      .selectFrom('audit_log')
      .select(['event_type', 'outcome', 'detail'])
      .where('event_type', '=', 'replication.reconcile')
      .orderBy('seq')
      .execute();
    expect(audit.length).toBe(3);
    expect(audit[1]?.outcome).toBe('failure');
    expect(String(audit[1]?.detail)).toContain(victim.slice(0, 8));
    expect(audit[2]?.outcome).toBe('success');
    // The stream still works after the repair.
    await cityA.db
      .updateTable('person')
      .set({ name: '修复后更新', updated_at: new Date().toISOString() })
      .where('id', '=', victim)
      .execute();
    await until(
      async () =>
        (await province.db.selectFrom('person').select('name').where('id', '=', victim).executeTakeFirst())?.name === '修复后更新',
      WAIT,
      'update of the repaired row',
    );
  }, 60_000);

  it('the province refuses writes to replicated tables (trigger) and a TRUNCATE, but takes its own org rows', async () => {
    await expect(province.db.updateTable('person').set({ name: 'x' }).where('city_code', '=', A).execute()).rejects.toThrow(/read-only/);
    await expect(province.db.deleteFrom('person_award').where('city_code', '=', B).execute()).rejects.toThrow(/read-only/);
    await expect(sql`truncate person_award`.execute(province.db)).rejects.toThrow(/read-only/);
    await expect(
      province.db
        .insertInto('person')
        .values({
          ...(await province.db.selectFrom('person').selectAll().where('city_code', '=', A).limit(1).executeTakeFirstOrThrow()),
          id: '00000000-0000-7000-8000-000000000001',
        })
        .execute(),
    ).rejects.toThrow(/read-only/);
    // The app role keeps SELECT only (database privileges), whatever the service layer does.
    await sql.raw(`create role zg_province_app login`).execute(province.db);
    await prepareProvince(province.db, { provinceCode: P, appRole: 'zg_province_app' });
    const asApp = new pg.Client({ connectionString: (clusters[2] as PgCluster).url('zhgz').replace('postgres@', 'zg_province_app@') });
    await asApp.connect();
    try {
      expect((await asApp.query('select count(*)::int as n from person')).rows[0].n).toBeGreaterThan(0);
      await expect(asApp.query(`update person set name = 'x' where city_code = '${A}'`)).rejects.toThrow(/permission denied/);
    } finally {
      await asApp.end();
    }
    // The province's own root is province-owned and stays writable.
    await province.db.updateTable('org').set({ short_name: '省厅' }).where('city_code', '=', P).execute();
  });

  it('derives the province org closure: each city tree under the province root', async () => {
    await rebuildProvinceClosure(province.db, P);
    const root = await province.db.selectFrom('org').select('id').where('city_code', '=', P).executeTakeFirstOrThrow();
    const under = await province.db
      .selectFrom('org_closure')
      .select(['descendant_id', 'depth'])
      .where('ancestor_id', '=', root.id)
      .execute();
    const ids = new Map(under.map((u) => [u.descendant_id, u.depth]));
    expect(ids.get(orgsA.root)).toBe(1);
    expect(ids.get(orgsB.unit)).toBe(2);
  });

  it('refuses an additive migration at a city before the province has it, and a subtractive one at the province before every city', async () => {
    const add: Migration & { change: 'additive' } = {
      change: 'additive',
      up: async (db) => void (await db.schema.alterTable('person').addColumn('note_test', 'varchar(50)').execute()),
    };
    const drop: Migration & { change: 'subtractive' } = {
      change: 'subtractive',
      up: async (db) => void (await db.schema.alterTable('person').dropColumn('note_test').execute()),
    };
    const withAdd = { ...migrations, '20991231T000000-note-test': add };
    await expect(migrateInstance(cityA.connection.db, cityA.config, new Date(), withAdd)).rejects.toBeInstanceOf(MigrationOrderError);
    const cols = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.columns where table_name = 'person' and column_name = 'note_test'`.execute(
      cityA.db,
    );
    expect(cols.rows[0]?.n).toBe(0);
    // Province first, then the city: allowed, the publication gains the column and its values flow.
    await migrateInstance(province.connection.db, province.config, new Date(), withAdd);
    expect(await migrateInstance(cityA.connection.db, cityA.config, new Date(), withAdd)).toEqual(['20991231T000000-note-test']);
    await refreshCity(province.db, A);
    const [id] = await insertPeople(cityA.db, A, orgsA.unit, 1);
    await cityA.db
      .updateTable('person')
      .set({ note_test: '新列', updated_at: new Date().toISOString() })
      .where('id', '=', id as string)
      .execute();
    await until(
      async () =>
        (
          await province.db
            .selectFrom('person')
            .select('note_test')
            .where('id', '=', id as string)
            .executeTakeFirst()
        )?.note_test === '新列',
      WAIT,
      'the new column at the province',
    );

    const withDrop = { ...withAdd, '20991231T000001-note-test-drop': drop };
    // City B has not taken the additive one yet (nor the drop): the province must wait for every city.
    await until(
      async () =>
        (await province.db
          .selectFrom('schema_version')
          .select('id')
          .where('city_code', '=', A)
          .where('name', '=', '20991231T000000-note-test')
          .executeTakeFirst()) !== undefined,
      WAIT,
      'city A schema version at the province',
    );
    await expect(migrateInstance(province.connection.db, province.config, new Date(), withDrop)).rejects.toThrow(/320100, 320200|320200/);
  }, 90_000);

  it('reports per-city state, heartbeat lag and slot WAL, and re-syncs a city from scratch', async () => {
    await beat(cityA.db, A, new Date());
    await beat(cityB.db, B, new Date());
    await until(
      async () =>
        (await count(province.db, 'replication_heartbeat', A)) === 1 && (await count(province.db, 'replication_heartbeat', B)) === 1,
      WAIT,
      'heartbeats',
    );
    const status = await replicationStatus(province.db, new Date());
    expect(status.map((s) => [s.cityCode, s.subscription, s.slot?.walStatus])).toEqual([
      [A, 'enabled', 'reserved'],
      [B, 'enabled', 'reserved'],
    ]);
    expect(status.every((s) => s.lagSeconds !== null && s.lagSeconds < 30 && s.lastError === null)).toBe(true);

    const before = await count(cityB.db, 'person', B);
    const result = await resyncCity(province.db, B);
    expect(result.slotDropped).toBe(true);
    await waitForInitialCopy(province.db, B, 300_000);
    expect(await count(province.db, 'person', B)).toBe(before);
  }, 120_000);

  it('a slot lost while the province did not read shows in status, and resync-city copies the city again', async () => {
    const cb = clusters[1] as PgCluster;
    const sub = `sub_${B}`;
    // The province stops reading city B; the city's WAL bound (a tiny one here) is exceeded while it does.
    await sql.raw(`alter subscription ${sub} disable`).execute(province.db);
    const city = new pg.Client({ connectionString: cb.url('zhgz') });
    await city.connect();
    try {
      await city.query(`alter system set max_slot_wal_keep_size = '1MB'`);
      await city.query('select pg_reload_conf()');
      await until(
        async () => (await city.query(`select active from pg_replication_slots where slot_name = '${sub}'`)).rows[0]?.active === false,
        WAIT,
        'the walsender of the disabled subscription to end',
      );
      await insertPeople(cityB.db, B, orgsB.unit, 5);
      await city.query(`create table wal_filler as select g, repeat('x', 500) as pad from generate_series(1, 100000) g`);
      await city.query('drop table wal_filler');
      await city.query('checkpoint');
      expect((await city.query(`select wal_status from pg_replication_slots where slot_name = '${sub}'`)).rows[0]?.wal_status).toBe('lost');
      await city.query('alter system reset max_slot_wal_keep_size');
      await city.query('select pg_reload_conf()');
    } finally {
      await city.end();
    }
    await sql.raw(`alter subscription ${sub} enable`).execute(province.db);
    const lost = (await replicationStatus(province.db, new Date())).find((s) => s.cityCode === B);
    expect(lost?.slot?.walStatus).toBe('lost');
    expect(lost?.lastError).toContain('slot lost');

    const result = await resyncCity(province.db, B);
    expect(result.slotDropped).toBe(true);
    await waitForInitialCopy(province.db, B, 300_000);
    expect(await count(province.db, 'person', B)).toBe(await count(cityB.db, 'person', B));
    const healed = (await replicationStatus(province.db, new Date())).find((s) => s.cityCode === B);
    expect(healed?.slot?.walStatus).toBe('reserved');
    // Changes stream again after the re-copy.
    const [id] = await insertPeople(cityB.db, B, orgsB.unit, 1);
    await until(
      async () =>
        (await province.db
          .selectFrom('person')
          .select('id')
          .where('id', '=', id as string)
          .executeTakeFirst()) !== undefined,
      WAIT,
      'a city B row after the re-sync',
    );
  }, 120_000);
});

// Fixtures: rows as the owning modules write them (a platform test may name their tables).
/** An instance (city or province) on a database of a throw-away cluster, migrated as it would start. */
interface Instance {
  readonly code: string;
  readonly config: Config;
  readonly connection: Connection;
  readonly db: AnyDb;
  readonly dataDir: string;
  close(): Promise<void>;
}

async function openInstance(url: string, code: string, role: 'city' | 'province', extra: Record<string, string> = {}): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zg-${role}-${code}-`));
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, CITY_CODE: code, INSTANCE_ROLE: role, ...extra });
  const connection = connect({ databaseUrl: url, dataDir });
  await migrateInstance(connection.db, config, systemClock.now());
  return {
    code,
    config,
    connection,
    db: connection.db as unknown as AnyDb, // the typed handle, used untyped like a migration
    dataDir,
    close: async () => {
      await connection.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const now = () => new Date().toISOString();

/** A city's root org and one unit below it, as a city's own tree would have. */
async function seedOrgs(db: AnyDb, cityCode: string, name: string): Promise<{ root: string; unit: string }> {
  const root = newId();
  const unit = newId();
  const row = (id: string, parent: string | null, n: string) => ({
    id,
    code: null,
    name: n,
    short_name: n,
    type: parent ? 'station' : 'bureau',
    is_unit: 1,
    parent_id: parent,
    sort_order: 0,
    status: 'active',
    closed_at: null,
    city_code: cityCode,
    created_at: now(),
    updated_at: now(),
  });
  await db
    .insertInto('org')
    .values([row(root, null, name), row(unit, root, `${name}一所`)])
    .execute();
  await db
    .insertInto('org_closure')
    .values([
      { ancestor_id: root, descendant_id: root, depth: 0 },
      { ancestor_id: unit, descendant_id: unit, depth: 0 },
      { ancestor_id: root, descendant_id: unit, depth: 1 },
    ])
    .execute();
  return { root, unit };
}

let serial = 0;

/** People rows as the personnel module writes them: the ID number only encrypted, blind-indexed and masked. */
function personRows(cityCode: string, orgId: string, n: number, kind: 'officer' | 'auxiliary' = 'officer') {
  return Array.from({ length: n }, () => {
    serial++;
    const at = now();
    return {
      id: newId(),
      kind,
      name: `测试${serial}`,
      name_pinyin: `ceshi${serial}`,
      name_initials: 'cs',
      former_names: '[]',
      id_number_enc: `v1:enc-${cityCode}-${serial}`,
      id_number_bidx: `bidx-${cityCode}-${serial}`,
      id_number_masked: '110101********1234',
      sex: serial % 2 ? '1' : '2',
      birth_date: `19${70 + (serial % 30)}-01-01`,
      phone_enc: `v1:phone-${serial}`,
      phone_masked: '138****0000',
      police_number: kind === 'officer' ? `${cityCode.slice(0, 2)}${String(serial).padStart(6, '0')}` : null,
      org_id: orgId,
      rank: kind === 'officer' ? '13' : null,
      status: 'serving',
      city_code: cityCode,
      created_at: at,
      updated_at: at,
    };
  });
}

async function insertPeople(
  db: AnyDb,
  cityCode: string,
  orgId: string,
  n: number,
  kind: 'officer' | 'auxiliary' = 'officer',
): Promise<string[]> {
  const rows = personRows(cityCode, orgId, n, kind);
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('person')
      .values(rows.slice(i, i + 1000))
      .execute();
  return rows.map((r) => r.id);
}

async function insertAward(db: AnyDb, cityCode: string, personId: string, level: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('person_award')
    .values({
      id,
      person_id: personId,
      date: '2026-05-01',
      name: `${level}（测试）`,
      level,
      issuer: '市局',
      city_code: cityCode,
      created_at: now(),
    })
    .execute();
  return id;
}

/** Polls `probe` until it returns true (a state to wait for, not a fixed sleep). */
async function until(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function count(db: AnyDb, table: string, cityCode: string): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('city_code', '=', cityCode)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
