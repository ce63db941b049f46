import type { Migration } from 'kysely';
import crypto from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { PUBLICATION, type AnyDb } from './catalogue.ts';
import { publishCity } from './city-publication.ts';
import { cityLinks } from './province-subscriptions.ts';
import { prepareProvince, rebuildProvinceClosure } from './province-setup.ts';

/**
 * Every migration declares `export const change = 'additive' | 'subtractive'` (ADR 027); one
 * that says nothing predates the rule and counts as additive. Additive (expand): add a table,
 * a nullable or defaulted column, an index — province first, then the cities, or a city's
 * stream stops on the unknown column. Subtractive (contract): drop or narrow — every city first.
 */
export type Change = 'additive' | 'subtractive';

export const changeOf = (migration: Migration): Change =>
  (migration as Migration & { change?: Change }).change === 'subtractive' ? 'subtractive' : 'additive';

export interface OrderInput {
  readonly role: 'city' | 'province';
  readonly pending: readonly { readonly name: string; readonly change: Change }[];
  /** At a city: the migrations the province already has (undefined: no province configured). */
  readonly provinceHas?: ReadonlySet<string> | undefined;
  /** At the province: what each subscribed city has (from its replicated schema_version rows). */
  readonly citiesHave?: ReadonlyMap<string, ReadonlySet<string>> | undefined;
}

export interface OrderRefusal {
  readonly migration: string;
  readonly change: Change;
  /** City codes that lack it (province role), or ['province'] (city role). */
  readonly waitingFor: readonly string[];
}

/** The pending migrations this instance may not take yet. Pure: the rule without the I/O. */
export function refusedMigrations(input: OrderInput): OrderRefusal[] {
  const out: OrderRefusal[] = [];
  for (const m of input.pending) {
    if (input.role === 'city' && m.change === 'additive' && input.provinceHas && !input.provinceHas.has(m.name)) {
      out.push({ migration: m.name, change: m.change, waitingFor: ['province'] });
    }
    if (input.role === 'province' && m.change === 'subtractive' && input.citiesHave) {
      const behind = [...input.citiesHave].filter(([, has]) => !has.has(m.name)).map(([code]) => code);
      if (behind.length > 0) out.push({ migration: m.name, change: m.change, waitingFor: behind });
    }
  }
  return out;
}

export class MigrationOrderError extends Error {
  override name = 'MigrationOrderError';
  constructor(readonly refusals: readonly OrderRefusal[]) {
    super(
      refusals
        .map((r) =>
          r.waitingFor[0] === 'province'
            ? `${r.migration} (${r.change}) must be applied at the province first / 须先在省级库执行`
            : `${r.migration} (${r.change}) must first be applied at cities ${r.waitingFor.join(', ')} / 须先在各市库执行`,
        )
        .join('\n'),
    );
  }
}

async function provinceMigrations(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const r = await client.query<{ name: string }>('select name from kysely_migration');
    return new Set(r.rows.map((x) => x.name));
  } finally {
    await client.end();
  }
}

async function citiesMigrations(db: AnyDb): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const tables = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.tables where table_name = 'replication_city'`.execute(db);
  if (!tables.rows[0]?.n) return out;
  for (const link of await cityLinks(db)) out.set(link.cityCode, new Set());
  const rows = await db.selectFrom('schema_version').select(['city_code', 'name']).execute();
  for (const r of rows) out.get(r.city_code as string)?.add(r.name as string);
  return out;
}

/** A stable id for (city, migration): the row is replicated, so it must not collide across cities. */
const versionId = (cityCode: string, name: string) => {
  const h = crypto.createHash('sha256').update(`${cityCode}|${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** Writes one schema_version row per migration this instance has (the province reads the cities' copies). */
export async function recordSchemaVersions(db: AnyDb, cityCode: string, list: Record<string, Migration>, now: Date): Promise<void> {
  const have = new Set((await db.selectFrom('kysely_migration').select('name').execute()).map((r) => r.name as string));
  const iso = now.toISOString();
  for (const [name, m] of Object.entries(list)) {
    if (!have.has(name)) continue;
    await db
      .insertInto('schema_version')
      .values({ id: versionId(cityCode, name), city_code: cityCode, name, change: changeOf(m), updated_at: iso })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/**
 * Migrates this instance in the order of ADR 027: a city with PROVINCE_DATABASE_URL refuses an
 * additive migration the province lacks; the province refuses a subtractive one that a
 * subscribed city lacks. Then the instance records its versions and, at the province, reshapes
 * the new tables (prepareProvince) and derives the org closure again.
 */
export async function migrateInstance(db: Db, config: Config, now: Date, list: Record<string, Migration> = migrations): Promise<string[]> {
  const isPostgres = config.databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(config.databaseUrl);
  const result = await migrateToLatest(db, {
    list,
    beforeApply: async (pending) => {
      if (!isPostgres) return;
      const input: OrderInput = {
        role: config.instanceRole,
        pending: pending.map((name) => ({ name, change: changeOf(list[name] as Migration) })),
        provinceHas:
          config.instanceRole === 'city' && config.provinceDatabaseUrl ? await provinceMigrations(config.provinceDatabaseUrl) : undefined,
        citiesHave: config.instanceRole === 'province' ? await citiesMigrations(db) : undefined,
      };
      const refused = refusedMigrations(input);
      if (refused.length > 0) throw new MigrationOrderError(refused);
    },
  });
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (isPostgres) {
    await recordSchemaVersions(db, config.cityCode, list, now);
    if (config.instanceRole === 'city' && applied.length > 0 && (await hasPublication(db))) await publishCity(db);
    if (config.instanceRole === 'province' && applied.length > 0) {
      await prepareProvince(db, { provinceCode: config.cityCode });
      await rebuildProvinceClosure(db, config.cityCode);
    }
  }
  return applied;
}

async function hasPublication(db: AnyDb): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_publication where pubname = ${PUBLICATION}`.execute(db);
  return Boolean(r.rows[0]?.n);
}

/** A Kysely handle on a PostgreSQL URL (CLI and tests). */
export function openPostgres(url: string): AnyDb {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {});
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}
