/**
 * Assessment benchmark: a year's results for a city of N people (default 10,000) under a scheme
 * whose every indicator comes from data (core DATA_ONLY_SCHEME: exams, training hours, study
 * hours, daily entries, competition placings, award bonus, discipline deduction). The platform
 * opens one round per root unit (results created, facts read through each owner's face, every
 * explanation computed and stored); beside it, in the same run, a bare baseline: one SQL
 * aggregation per source through the same connection and the same arithmetic in a loop. The run
 * fails unless both give the same sum of totals. Seconds and peak RSS (sampled every 20 ms) of each.
 *
 *   node --import tsx bench/assessment/assessment-bench.ts [--people 10000] [--db sqlite|postgres|all] [--quick]
 *
 *   npm run bench -- --case assessment [--people 10000] [--db sqlite|postgres|all] [--quick]
 *
 * Writes bench/.artifacts/assessment.{json,md} (quick: assessment-quick.*). Exits non-zero when
 * a result lacks its explanation or the two sides disagree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DATA_ONLY_SCHEME, round2 } from '@zhenggong/core';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { systemActor } from '@zhenggong/server/platform/audit/audit-service';
import { newId } from '@zhenggong/server/platform/ids';
import type { AppContext } from '@zhenggong/server/platform/context';
import { openRound } from '@zhenggong/server/modules/assessment/round-service';
import { approvedStudy, publishedExam } from '@zhenggong/server/modules/assessment/assessment-test-support';
import { createBenchDatabase } from '../db.ts';
import { buildFixture, seedPeople } from '../fixture.ts';
import { benchOutputDir } from '../output-dir.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const people = Number(arg('people') ?? (quick ? 1000 : 10_000));
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbArg = arg('db');
const dialects: Dialect[] = dbArg === 'sqlite' || dbArg === 'postgres' ? [dbArg] : pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];
const log = (m: string) => console.log(`[assessment-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

/** Runs fn while sampling RSS; returns seconds and the peak RSS in MiB seen during it. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - t0) / 1000, peakRssMb: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}

/** A year of facts: 4 exams for everyone, training and study hours, daily entries, awards and discipline. */
async function seedFacts(ctx: AppContext, persons: { id: string; org_id: string }[]) {
  const db = ctx.db;
  const now = ctx.clock.now().toISOString();
  const root = persons[0]!.org_id;
  for (let e = 0; e < 4; e += 1)
    await publishedExam(db, ctx, {
      orgId: root,
      title: `第${e + 1}季度考试`,
      endsAt: `2025-${String(3 * e + 3).padStart(2, '0')}-20T10:00:00.000Z`,
      totalScore: 100,
      scores: persons.map((p, i) => ({ personId: p.id, orgId: p.org_id, score: (i + e) % 17 === 0 ? null : 50 + ((i * 7 + e * 13) % 51) })),
    });
  const training = persons.flatMap((p, i) =>
    [0, 1].map((k) => ({
      id: newId(),
      person_id: p.id,
      date: `2025-0${4 + k}-10`,
      course: '轮训',
      hours: 8 + ((i + k) % 20),
      organizer: '市局',
      city_code: ctx.config.cityCode,
      created_at: now,
    })),
  );
  for (let i = 0; i < training.length; i += 500)
    await db
      .insertInto('person_training')
      .values(training.slice(i, i + 500))
      .execute();
  await approvedStudy(
    db,
    ctx,
    persons.flatMap((p, i) => [
      { personId: p.id, date: '2025-05-01', hours: 4 + (i % 12) },
      { personId: p.id, date: '2025-10-01', hours: 3 },
    ]),
  );
  const entries = persons.map((p, i) => ({
    id: newId(),
    person_id: p.id,
    date: '2025-07-01',
    kind: i % 3 === 0 ? ('negative' as const) : ('positive' as const),
    category: 'daily' as const,
    reason: '日常考核',
    score: 1 + (i % 4),
    recorded_by: null,
    recorded_by_name: 'bench',
    city_code: ctx.config.cityCode,
    created_at: now,
  }));
  for (let i = 0; i < entries.length; i += 500)
    await db
      .insertInto('asm_daily_entry')
      .values(entries.slice(i, i + 500))
      .execute();
  // Competition placings stay empty here: their rows need whole events (competitions' own suite covers them), so that indicator reads 0 for everyone on both sides.
  const stamp = () => ({ id: newId(), city_code: ctx.config.cityCode, created_at: now });
  const awards = persons
    .filter((_, i) => i % 10 === 0)
    .map((p, i) => ({
      ...stamp(),
      person_id: p.id,
      date: '2025-08-01',
      name: '嘉奖',
      level: i % 5 === 0 ? '三等功' : '嘉奖',
      issuer: '市局',
    }));
  for (let i = 0; i < awards.length; i += 500)
    await db
      .insertInto('person_award')
      .values(awards.slice(i, i + 500))
      .execute();
  const disc = persons
    .filter((_, i) => i % 50 === 7)
    .map((p) => ({ ...stamp(), person_id: p.id, date: '2025-03-01', kind: '警告', reason: null, end_date: '2025-09-01' }));
  for (let i = 0; i < disc.length; i += 500)
    await db
      .insertInto('person_discipline')
      .values(disc.slice(i, i + 500))
      .execute();
}

/** The same year by bare aggregation: one statement per source, the same arithmetic, a sum of totals. */
async function bare(ctx: AppContext): Promise<{ people: number; sumTotals: number }> {
  const db = ctx.db;
  const F = '2025-01-01';
  const T = '2025-12-31';
  const rows = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(db)).rows;
  const ids = await rows<{ id: string }>(sql`select id from person where status in ('serving', 'seconded')`);
  const exam = new Map(
    (
      await rows<{ person_id: string; s: number }>(
        sql`select person_id, avg(case when absent = 1 or score is null then 0 else cast(score as double precision) / cast(total_score as double precision) end) as s from exam_result where exam_ends_at >= ${`${F}T00:00:00.000Z`} and exam_ends_at <= ${`${T}T23:59:59.999Z`} group by person_id`,
      )
    ).map((r) => [r.person_id, Number(r.s)]),
  );
  const sumBy = async (table: string, col: string, extra = sql``) =>
    new Map(
      (
        await rows<{ person_id: string; h: number }>(
          sql`select person_id, sum(${sql.ref(col)}) as h from ${sql.table(table)} where date >= ${F} and date <= ${T} ${extra} group by person_id`,
        )
      ).map((r) => [r.person_id, Number(r.h)]),
    );
  const training = await sumBy('person_training', 'hours');
  const study = await sumBy('study_record', 'hours', sql`and status = 'approved'`);
  const daily = new Map(
    (
      await rows<{ person_id: string; d: number }>(
        sql`select person_id, sum(case when kind = 'positive' then score else -score end) as d from asm_daily_entry where category = 'daily' and score is not null and date >= ${F} and date <= ${T} group by person_id`,
      )
    ).map((r) => [r.person_id, Number(r.d)]),
  );
  const placed = new Map(
    (
      await rows<{ person_id: string; n: number }>(
        sql`select person_id, count(*) as n from competition_result where date >= ${F} and date <= ${T} and rank <= 3 group by person_id`,
      )
    ).map((r) => [r.person_id, Number(r.n)]),
  );
  // The same points per level as the scheme (the demo people carry record lines of every kind).
  const awardPts = DATA_ONLY_SCHEME.adjustments.find((a) => a.key === 'award')!.pointsByLevel!;
  const award = new Map<string, number>();
  for (const r of await rows<{ person_id: string; level: string }>(
    sql`select person_id, level from person_award where date >= ${F} and date <= ${T}`,
  ))
    award.set(r.person_id, (award.get(r.person_id) ?? 0) + (awardPts[r.level] ?? 0));
  const discPts = DATA_ONLY_SCHEME.adjustments.find((a) => a.key === 'discipline')!.pointsByLevel!;
  const disc = new Map<string, number>();
  for (const r of await rows<{ person_id: string; kind: string }>(
    sql`select person_id, kind from person_discipline where date >= ${F} and date <= ${T}`,
  ))
    disc.set(r.person_id, (disc.get(r.person_id) ?? 0) + (discPts[r.kind] ?? 0));
  let sum = 0;
  for (const { id } of ids) {
    const base =
      round2(30 * (exam.get(id) ?? 0)) +
      round2(20 * Math.min(1, (training.get(id) ?? 0) / 40)) +
      round2(20 * Math.min(1, (study.get(id) ?? 0) / 20)) +
      round2(Math.min(20, Math.max(0, 20 + (daily.get(id) ?? 0)))) +
      round2(Math.min(10, 5 * (placed.get(id) ?? 0)));
    sum += round2(Math.max(0, round2(base) + Math.min(10, award.get(id) ?? 0) - Math.min(30, disc.get(id) ?? 0)));
  }
  return { people: ids.length, sumTotals: round2(sum) };
}

async function runOne(dialect: Dialect) {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  const config = loadConfig({ DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: bdb.dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const ctx = app.ctx;
    const fixture = await buildFixture(ctx, { branches: 12, stationsPerBranch: 5, users: 0 });
    log(`${dialect}: seeding ${people} people and a year of facts ...`);
    await seedPeople(ctx, fixture, people);
    const persons = await ctx.db
      .selectFrom('person')
      .select(['id', 'org_id'])
      .where('status', 'in', ['serving', 'seconded'])
      .orderBy('id')
      .execute();
    await seedFacts(ctx, persons);
    if (dialect === 'postgres') await sql`analyze`.execute(ctx.db);
    const roots = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).execute();
    const schemeId = newId();
    await ctx.db
      .insertInto('asm_scheme')
      .values({
        id: schemeId,
        code: 'bench',
        version: 1,
        name: '全数据年度考核',
        subject: 'individual',
        person_kind: null,
        period_kind: 'annual',
        effective_from: '2025-01-01',
        evidence: 'U',
        source: null,
        body: JSON.stringify(DATA_ONLY_SCHEME),
        status: 'published',
        created_by: null,
        published_at: null,
        city_code: ctx.config.cityCode,
        created_at: new Date().toISOString(),
      })
      .execute();
    log(`${dialect}: bare aggregation ...`);
    const b = await timed(() => bare(ctx));
    log(`${dialect}: platform rounds ...`);
    const p = await timed(async () => {
      for (const r of roots)
        await openRound(ctx, { all: true }, systemActor, {
          schemeId,
          orgId: r.id,
          period: '2025',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
        });
      const agg = await ctx.db
        .selectFrom('asm_result')
        .select([sql<number>`count(*)`.as('n'), sql<number>`count(explanation)`.as('explained'), sql<number>`sum(total)`.as('s')])
        .executeTakeFirstOrThrow();
      return { people: Number(agg.n), explained: Number(agg.explained), sumTotals: round2(Number(agg.s)) };
    });
    // The run checks its own result: every person has a stored explanation, and both sides give the same sum of totals.
    if (p.value.explained !== p.value.people) throw new Error(`${p.value.people - p.value.explained} results without an explanation`);
    if (p.value.people !== b.value.people || Math.abs(p.value.sumTotals - b.value.sumTotals) > 0.01)
      throw new Error(`platform and bare disagree: ${JSON.stringify(p.value)} vs ${JSON.stringify(b.value)}`);
    await app.close();
    return {
      dialect,
      people: p.value.people,
      sumTotals: p.value.sumTotals,
      platform: { seconds: round2(p.seconds), peakRssMb: p.peakRssMb },
      bare: { seconds: round2(b.seconds), peakRssMb: b.peakRssMb },
      ratio: round2(p.seconds / b.seconds),
    };
  } finally {
    await connection.close();
    await bdb.drop();
  }
}

const loadAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
const results = [];
for (const d of dialects) results.push(await runOne(d));
const name = quick ? 'assessment-quick' : 'assessment';
fs.mkdirSync(benchOutputDir, { recursive: true });
fs.writeFileSync(
  path.join(benchOutputDir, `${name}.json`),
  JSON.stringify({ at: new Date().toISOString(), people, loadAtStart, cores: os.cpus().length, results }, null, 2),
);
const md = [
  `# Assessment: a year's results for ${people} people (all indicators from data)`,
  '',
  '| db | people | platform s | platform peak RSS MiB | bare s | bare peak RSS MiB | ratio |',
  '|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.dialect} | ${r.people} | ${r.platform.seconds} | ${r.platform.peakRssMb} | ${r.bare.seconds} | ${r.bare.peakRssMb} | ${r.ratio} |`,
  ),
  '',
  'Peak RSS is the process maximum sampled during each phase (the bare phase runs first, after seeding).',
  `1-minute load average at start: ${loadAtStart} on ${os.cpus().length} cores.`,
].join('\n');
fs.writeFileSync(path.join(benchOutputDir, `${name}.md`), `${md}\n`);
console.log(md);
