/**
 * Province–city replication benchmark (ADR 027): `node --import tsx bench/replication/replication-bench.ts [--quick]`
 * or `npm run bench -- --case replication [--quick]`. Needs PostgreSQL 15 server binaries (initdb);
 * starts its own three clusters on loopback ports and removes them afterwards.
 *
 * 1. Initial copy: city A holds N people (200,000; --quick 20,000). The province subscribes and
 *    the time until every table is copied is measured — against `pg_dump --data-only -t person |
 *    psql` of the same rows into an empty copy of the schema, in the same run.
 * 2. Steady write load at two cities for D seconds (30; --quick 8): each city commits ~40
 *    transactions a second, each one person update plus one exam result insert. A province-side
 *    poller (every 5 ms) notes when each result row appears; lag = visible − commit returned.
 *    p50/p99 per city and overall.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Connection } from '@zhenggong/server/db/connect';
import type { AnyDb } from '@zhenggong/server/platform/replication/catalogue';
import { publishCity } from '@zhenggong/server/platform/replication/city-publication';
import { migrateInstance } from '@zhenggong/server/platform/replication/migration-order';
import { addCity, waitForInitialCopy } from '@zhenggong/server/platform/replication/province-subscriptions';
import { prepareProvince } from '@zhenggong/server/platform/replication/province-setup';
import { PG_BIN, PgCluster, canStartClusters } from '@zhenggong/server/test-support/pg-cluster';
import { benchOutputDir } from '../output-dir.ts';

export interface ReplicationBenchResult {
  readonly people: number;
  readonly initialCopySeconds: number;
  readonly dumpRestoreSeconds: number;
  readonly loadSeconds: number;
  readonly transactions: number;
  readonly lagMs: {
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
    readonly byCity: Record<string, { p50: number; p99: number; n: number }>;
  };
  readonly loadAverageAtStart: number;
  /** The 1-minute load average when the steady load ended: the machine is shared, other work runs beside the benchmark. */
  readonly loadAverageAtEnd: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

async function createDb(c: PgCluster, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: c.url() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return c.url(name);
}

async function open(url: string, code: string, role: 'city' | 'province'): Promise<{ db: AnyDb; connection: Connection; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zg-bench-${code}-`));
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: url, CITY_CODE: code, INSTANCE_ROLE: role });
  const connection = connect({ databaseUrl: url, dataDir: dir });
  await migrateInstance(connection.db, config, new Date());
  return { db: connection.db as unknown as AnyDb, connection, dir }; // replication works on the schema untyped
}

/** One root org, one unit, N people and one exam, written with set-based SQL (the generator is not what is measured). */
async function seedCity(db: AnyDb, code: string, people: number): Promise<{ unit: string; examId: string }> {
  const now = new Date().toISOString();
  const root = `${code}00-0000-7000-8000-000000000000`;
  const unit = `${code}00-0000-7000-8000-000000000001`;
  for (const [id, parent, name] of [
    [root, null, `${code}市公安局`],
    [unit, root, `${code}一所`],
  ] as const) {
    await db
      .insertInto('org')
      .values({
        id,
        code: null,
        name,
        short_name: name,
        type: 'bureau',
        is_unit: 1,
        parent_id: parent,
        sort_order: 0,
        status: 'active',
        closed_at: null,
        city_code: code,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await sql`
    insert into person (id, kind, name, name_pinyin, name_initials, former_names, id_number_enc, id_number_bidx, id_number_masked,
                        sex, birth_date, org_id, status, police_number, city_code, created_at, updated_at)
    select ${code} || '-' || lpad(g::text, 29, '0'), 'officer', '民警' || g, 'minjing' || g, 'mj', '[]', 'v1:enc', ${code} || g, '110101********1234',
           case when g % 2 = 0 then '1' else '2' end, (1970 + g % 35)::text || '-01-01', ${unit}, 'serving', ${code} || lpad(g::text, 7, '0'),
           ${code}, ${now}, ${now}
    from generate_series(1, ${people}) g`.execute(db);
  const examId = `${code}-exam-0000-0000-000000000001`;
  await db
    .insertInto('exam')
    .values({
      id: examId,
      title: '月月练',
      kind: 'monthly',
      paper_id: 'p',
      paper_title: '试卷',
      total_score: 100,
      org_id: unit,
      starts_at: now,
      ends_at: now,
      duration_minutes: 60,
      attempts_allowed: 1,
      pass_score: 60,
      targets: '[]',
      status: 'published',
      source_exam_id: null,
      scheduled_at: null,
      results_published_at: null,
      created_by: null,
      city_code: code,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { unit, examId };
}

const personId = (code: string, n: number) => `${code}-${String(n).padStart(29, '0')}`;

export async function runReplicationBench(options: { quick: boolean }): Promise<ReplicationBenchResult> {
  if (!canStartClusters()) throw new Error(`the replication benchmark needs PostgreSQL server binaries in ${PG_BIN}`);
  const people = options.quick ? 20_000 : 200_000;
  const loadSeconds = options.quick ? 8 : 30;
  const loadAverageAtStart = round(os.loadavg()[0] ?? 0, 2);
  const clusters = await Promise.all([PgCluster.create('bench-a'), PgCluster.create('bench-b'), PgCluster.create('bench-p')]);
  const [ca, cb, cp] = clusters as [PgCluster, PgCluster, PgCluster];
  const opened: { connection: Connection; dir: string }[] = [];
  try {
    const province = await open(await createDb(cp, 'zhgz'), '320000', 'province');
    await createDb(cp, 'dumpcopy');
    const cityA = await open(await createDb(ca, 'zhgz'), '320100', 'city');
    const cityB = await open(await createDb(cb, 'zhgz'), '320200', 'city');
    opened.push(province, cityA, cityB);
    const a = await seedCity(cityA.db, '320100', people);
    const b = await seedCity(cityB.db, '320200', 2_000);
    await publishCity(cityA.db);
    await publishCity(cityB.db);
    // The baseline's target: the same schema, empty (taken from city A before any replication object exists there).
    execSync(
      `pg_dump -h 127.0.0.1 -p ${ca.port} -U postgres --schema-only --no-publications zhgz | psql -q -h 127.0.0.1 -p ${cp.port} -U postgres -v ON_ERROR_STOP=1 dumpcopy`,
      {
        stdio: ['ignore', 'ignore', 'inherit'],
        shell: '/bin/bash',
      },
    );
    await prepareProvince(province.db, { provinceCode: '320000' });

    // 1. Initial copy by the subscription, then the same rows by pg_dump | psql.
    let started = performance.now();
    await addCity(province.db, { cityCode: '320100', name: '甲市', conninfo: ca.conninfo('zhgz') }, new Date());
    await waitForInitialCopy(province.db, '320100', 600_000);
    const initialCopySeconds = (performance.now() - started) / 1000;
    const copied = Number(
      (await sql<{ n: string }>`select count(*) as n from person where city_code = '320100'`.execute(province.db)).rows[0]?.n,
    );
    if (copied !== people + 0) throw new Error(`province holds ${copied} people of city A, expected ${people}`);
    started = performance.now();
    execSync(
      `pg_dump -h 127.0.0.1 -p ${ca.port} -U postgres --data-only --disable-triggers --table=person zhgz | psql -q -h 127.0.0.1 -p ${cp.port} -U postgres -v ON_ERROR_STOP=1 dumpcopy`,
      { stdio: ['ignore', 'ignore', 'inherit'], shell: '/bin/bash' },
    );
    const dumpRestoreSeconds = (performance.now() - started) / 1000;

    await addCity(province.db, { cityCode: '320200', name: '乙市', conninfo: cb.conninfo('zhgz') }, new Date());
    await waitForInitialCopy(province.db, '320200', 120_000);

    // 2. Steady load at both cities; a province poller timestamps each result's arrival.
    const committed = new Map<string, { city: string; at: number }>();
    const lags: { city: string; ms: number }[] = [];
    const stopAt = performance.now() + loadSeconds * 1000;
    const writer = async (city: { db: AnyDb }, code: string, seed: { unit: string; examId: string }, population: number) => {
      let i = 0;
      const periodMs = 25;
      let next = performance.now();
      while (performance.now() < stopAt) {
        i++;
        const resultId = `${code}-r-${String(i).padStart(27, '0')}`;
        const person = personId(code, ((i * 7919) % population) + 1);
        const now = new Date().toISOString();
        await city.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('person')
            .set({ post: `岗位${i}`, updated_at: now })
            .where('id', '=', person)
            .execute();
          await trx
            .insertInto('exam_result')
            .values({
              id: resultId,
              exam_id: seed.examId,
              person_id: personId(code, i),
              org_id: seed.unit,
              exam_title: '月月练',
              exam_kind: 'monthly',
              exam_ends_at: now,
              taken_at: now,
              score: 80,
              passed: 1,
              absent: 0,
              pass_score: 60,
              total_score: 100,
              attempts_used: 1,
              published_at: now,
              city_code: code,
              created_at: now,
            })
            .execute();
        });
        committed.set(resultId, { city: code, at: performance.now() });
        next += periodMs;
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      return i;
    };
    const poller = async () => {
      const client = new pg.Client({ connectionString: cp.url('zhgz') });
      await client.connect();
      try {
        for (;;) {
          const pending = [...committed.keys()];
          if (pending.length > 0) {
            const r = await client.query<{ id: string }>('select id from exam_result where id = any($1)', [pending]);
            const now = performance.now();
            for (const { id } of r.rows) {
              const c = committed.get(id);
              if (c) lags.push({ city: c.city, ms: now - c.at });
              committed.delete(id);
            }
          }
          if (performance.now() > stopAt + 30_000 || (performance.now() > stopAt && committed.size === 0 && writersDone)) return;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      } finally {
        await client.end();
      }
    };
    let writersDone = false;
    const polling = poller();
    const counts = await Promise.all([writer(cityA, '320100', a, people), writer(cityB, '320200', b, 2_000)]);
    writersDone = true;
    const loadAverageAtEnd = round(os.loadavg()[0] ?? 0, 2);
    await polling;
    if (committed.size > 0) throw new Error(`${committed.size} committed results never reached the province`);
    const all = lags.map((l) => l.ms).sort((x, y) => x - y);
    const byCity: Record<string, { p50: number; p99: number; n: number }> = {};
    for (const code of ['320100', '320200']) {
      const mine = lags
        .filter((l) => l.city === code)
        .map((l) => l.ms)
        .sort((x, y) => x - y);
      byCity[code] = { p50: round(pct(mine, 50)), p99: round(pct(mine, 99)), n: mine.length };
    }
    return {
      people,
      initialCopySeconds: round(initialCopySeconds, 2),
      dumpRestoreSeconds: round(dumpRestoreSeconds, 2),
      loadSeconds,
      transactions: counts.reduce((s, n) => s + n, 0),
      lagMs: { p50: round(pct(all, 50)), p99: round(pct(all, 99)), max: round(all[all.length - 1] ?? 0), byCity },
      loadAverageAtStart,
      loadAverageAtEnd,
    };
  } finally {
    for (const o of opened) {
      await o.connection.close().catch(() => {});
      fs.rmSync(o.dir, { recursive: true, force: true });
    }
    for (const c of clusters) c.destroy();
  }
}

export function replicationMarkdown(r: ReplicationBenchResult): string {
  return [
    `### Province–city replication (1-minute load average ${r.loadAverageAtStart} at start, ${r.loadAverageAtEnd} at the end of the steady load, on ${os.cpus().length} cores)`,
    '',
    '| measure | value |',
    '|---|---|',
    `| initial copy of a ${r.people.toLocaleString('en')}-person city by subscription | ${r.initialCopySeconds} s |`,
    `| same person rows by pg_dump --data-only \\| psql (baseline) | ${r.dumpRestoreSeconds} s |`,
    `| ratio subscription / baseline | ${round(r.initialCopySeconds / r.dumpRestoreSeconds, 2)} |`,
    `| steady load: two cities, ${r.loadSeconds} s, ${r.transactions} transactions (person update + exam result) | |`,
    `| commit → visible at the province, p50 / p99 / max | ${r.lagMs.p50} / ${r.lagMs.p99} / ${r.lagMs.max} ms |`,
    ...Object.entries(r.lagMs.byCity).map(([code, c]) => `| city ${code}: p50 / p99 (n) | ${c.p50} / ${c.p99} ms (${c.n}) |`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const result = await runReplicationBench({ quick });
  const md = replicationMarkdown(result);
  console.log(md);
  fs.mkdirSync(benchOutputDir, { recursive: true });
  const file = path.join(benchOutputDir, quick ? 'replication-quick' : 'replication');
  fs.writeFileSync(`${file}.json`, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
  fs.writeFileSync(`${file}.md`, md);
}
