/**
 * Recruitment portal peak-load benchmark (see bench/portal/README.md):
 *   node --import tsx bench/portal/portal-bench.ts [--applicants 2000] [--db sqlite|postgres|all] [--quick]
 * 1,000 concurrent connections, each playing applicants one after another: register, apply,
 * and apply again with the same Idempotency-Key (the double click); the platform and a bare
 * insert route in alternating slices; afterwards the database must hold exactly one application
 * per registered applicant, each the one the applicant was answered with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import { makeIdNumber, noRequirements } from '@zhenggong/core';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { systemActor } from '@zhenggong/server/platform/audit/audit-service';
import { createAnnouncement, createPost, publishAnnouncement } from '@zhenggong/server/modules/recruitment/announcement-service';
import { buildFixture } from '../fixture.ts';
import { createBenchDatabase } from '../db.ts';
import { loadSlice, startChild, summarise, type ChildServer, type SliceResult } from '../children.ts';
import { bareTablesSql } from './bare-portal.ts';
import { benchOutputDir } from '../output-dir.ts';

const resultsDir = benchOutputDir;
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes('--quick');
const connections = quick ? 200 : 1000;
/** Applicants per slice and side: a multiple of the connections, so each plays whole applicants. */
const perSlice = Number(arg('applicants') ?? (quick ? 200 : 2000));
const rounds = quick ? 1 : 2;
if (perSlice % connections !== 0) throw new Error(`--applicants must be a multiple of ${connections}`);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
const dbArg = arg('db');
const dialects: Dialect[] =
  dbArg === 'all'
    ? ['sqlite', 'postgres']
    : dbArg === 'sqlite' || dbArg === 'postgres'
      ? [dbArg]
      : pgUrl
        ? ['sqlite', 'postgres']
        : ['sqlite'];
const log = (m: string) => console.log(`[portal-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function seed(dialect: Dialect, dataDir: string, databaseUrl: string | undefined) {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const ctx = app.ctx;
    const fixture = await buildFixture(ctx, { branches: 12, stationsPerBranch: 5, users: 0 });
    const root = (await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    const scope = { all: true } as const;
    const today = new Date().toISOString().slice(0, 10);
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const a = await createAnnouncement(ctx, scope, systemActor, {
      title: '2026 年度辅警招聘公告（基准测试）',
      orgId: root,
      body: '招聘辅警。',
      summary: '招聘辅警',
      applyFrom: today,
      applyUntil: until,
      examAt: null,
      examPlace: null,
    });
    const post = await createPost(ctx, scope, systemActor, a.id, {
      code: '01',
      name: '巡逻辅警',
      orgId: fixture.scopeRootId,
      headcount: 100,
      requirements: noRequirements,
    });
    await publishAnnouncement(ctx, scope, systemActor, a.id);
    for (const s of bareTablesSql) await sql.raw(s).execute(ctx.db);
    await app.close();
    if (dialect === 'postgres') await sql`analyze`.execute(connection.db);
    return { announcementId: a.id, postId: post.id };
  } finally {
    await connection.close();
  }
}

interface Outcome {
  registered: number;
  applied: Map<number, string>;
  replayedSame: number;
  failures: string[];
}

/**
 * Three requests per applicant on one connection: register, apply, apply again with the same key.
 * Applicant numbers are global and never reused, so phones and ID numbers are unique.
 */
function flow(
  target: 'platform' | 'bare',
  ids: { announcementId: string; postId: string },
  counter: { n: number },
  out: Outcome,
): autocannon.Request[] {
  type Ctx = { i?: number; cookie?: string; csrf?: string; applicant?: string; key?: string };
  const prefix = target === 'platform' ? '/api/v1/portal' : '/bare/portal';
  const formOf = (i: number) => ({
    postId: ids.postId,
    ...(target === 'bare' ? { announcementId: ids.announcementId } : {}),
    name: '王小明',
    idNumber: makeIdNumber('330102', `${1990 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`, i % 1000),
    phone: `139${String(i).padStart(8, '0')}`,
    education: '21',
    politicalStatus: '13',
    householdRegion: '330102',
    address: '浙江省杭州市上城区某路 1 号',
  });
  const authHeaders = (c: Ctx): Record<string, string> =>
    target === 'platform' ? { cookie: c.cookie ?? '', 'x-portal-csrf': c.csrf ?? '' } : { 'x-applicant': c.applicant ?? '' };
  const apply = (retry: boolean): autocannon.Request => ({
    method: 'POST',
    setupRequest: (req, context) => {
      const c = context as Ctx;
      return {
        ...req,
        path: `${prefix}/applications`,
        headers: { ...authHeaders(c), 'content-type': 'application/json', 'idempotency-key': c.key ?? '' },
        body: JSON.stringify(formOf(c.i ?? 0)),
      };
    },
    onResponse: (status, body, context, headers) => {
      const c = context as Ctx;
      if (status !== 201) return void out.failures.push(`apply ${status} ${body.slice(0, 200)}`);
      const id = (JSON.parse(body) as { id: string }).id;
      if (!retry) out.applied.set(c.i ?? -1, id);
      else if (out.applied.get(c.i ?? -1) === id && String(headers?.['idempotent-replayed'] ?? '') === 'true') out.replayedSame++;
      else out.failures.push(`retry of applicant ${c.i} answered another application or no replay header`);
    },
  });
  return [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const c = context as Ctx;
        c.i = counter.n++;
        c.key = `bench-${target}-${c.i}-key`;
        return {
          ...req,
          path: `${prefix}/register`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone: `139${String(c.i).padStart(8, '0')}`, code: '000000', password: 'Kaosheng#2026' }),
        };
      },
      onResponse: (status, body, context, headers) => {
        const c = context as Ctx;
        if (status !== 201) return void out.failures.push(`register ${status} ${body.slice(0, 200)}`);
        out.registered++;
        const answer = JSON.parse(body) as { applicant: { id: string }; csrf?: string };
        c.applicant = answer.applicant.id;
        c.csrf = answer.csrf;
        const setCookie = headers?.['set-cookie'];
        const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
        c.cookie = String(first ?? '').split(';')[0];
      },
    },
    apply(false),
    apply(true),
  ];
}

async function runOn(dialect: Dialect) {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  try {
    const ids = await seed(dialect, bdb.dataDir, bdb.databaseUrl);
    const env = {
      DATA_DIR: bdb.dataDir,
      ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}),
      PORTAL_CAPTCHA: 'off',
      PORTAL_RATE_SCALE: '100000',
    };
    const servers: Record<'platform' | 'bare', ChildServer> = {
      platform: await startChild('platform', 'portal-burst', env),
      bare: await startChild('bare', 'portal-burst', env),
    };
    try {
      const outcome: Record<'platform' | 'bare', Outcome> = {
        platform: { registered: 0, applied: new Map(), replayedSame: 0, failures: [] },
        bare: { registered: 0, applied: new Map(), replayedSame: 0, failures: [] },
      };
      const counters = { platform: { n: 1 }, bare: { n: 1 } };
      const slices = { platform: [] as SliceResult[], bare: [] as SliceResult[] };
      const seconds = { platform: 0, bare: 0 };
      for (let r = 0; r < rounds; r++) {
        for (const which of r % 2 === 0 ? (['bare', 'platform'] as const) : (['platform', 'bare'] as const)) {
          const started = performance.now();
          // The requests array is iterated in order per connection; a multi-request flow needs it.
          const [first, ...rest] = flow(which, ids, counters[which], outcome[which]);
          // A burst queues behind Argon2id; an applicant's browser waits, so allow two minutes per request.
          const s = await loadSlice(servers[which], {
            connections,
            amount: perSlice * 3,
            timeoutSec: 120,
            request: first as autocannon.Request,
            more: rest,
          });
          if (s.errors > 0) throw new Error(`${dialect} ${which}: ${s.errors} socket errors or timeouts (${s.timeouts} timeouts)`);
          seconds[which] += (performance.now() - started) / 1000;
          slices[which].push(s);
          log(`${dialect} ${which}: ${perSlice} applicants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      }
      for (const which of ['platform', 'bare'] as const) {
        const o = outcome[which];
        if (o.failures.length > 0)
          throw new Error(`${dialect} ${which}: ${o.failures.length} failures, e.g. ${o.failures.slice(0, 3).join(' | ')}`);
      }
      await servers.platform.stop();
      await servers.bare.stop();
      const check = await verify(bdb.dataDir, bdb.databaseUrl, ids.announcementId, outcome.platform);
      const p = summarise(slices.platform);
      const b = summarise(slices.bare);
      const accepted = { platform: outcome.platform.applied.size / seconds.platform, bare: outcome.bare.applied.size / seconds.bare };
      log(
        `${dialect}: accepted applications/s platform ${accepted.platform.toFixed(1)} vs bare ${accepted.bare.toFixed(1)} (ratio ${(accepted.platform / accepted.bare).toFixed(2)}); requests p50/p99 ${p.p50.toFixed(0)}/${p.p99.toFixed(0)} vs ${b.p50.toFixed(0)}/${b.p99.toFixed(0)} ms`,
      );
      return {
        db: dialect,
        connections,
        applicants: outcome.platform.applied.size,
        accepted,
        ratio: accepted.platform / accepted.bare,
        platform: p,
        bare: b,
        replayedSame: outcome.platform.replayedSame,
        check,
      };
    } finally {
      await servers.platform.stop().catch(() => undefined);
      await servers.bare.stop().catch(() => undefined);
    }
  } finally {
    await bdb.drop();
  }
}

/** Exactly one application per registered applicant, and it is the one each was answered with. */
async function verify(dataDir: string, databaseUrl: string | undefined, announcementId: string, o: Outcome) {
  const connection = connect({ databaseUrl, dataDir });
  try {
    const rows = await connection.db
      .selectFrom('recruit_application')
      .select(['id', 'applicant_id'])
      .where('announcement_id', '=', announcementId)
      .execute();
    const applicants = Number(
      (
        await connection.db
          .selectFrom('recruit_applicant')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const perApplicant = new Set(rows.map((r) => r.applicant_id));
    const answered = new Set(o.applied.values());
    const missing = [...answered].filter((id) => !rows.some((r) => r.id === id)).length;
    const ok =
      rows.length === o.registered &&
      perApplicant.size === rows.length &&
      applicants === o.registered &&
      missing === 0 &&
      o.replayedSame === o.registered;
    log(
      `check: ${applicants} applicants, ${rows.length} applications, ${perApplicant.size} distinct applicants, ${missing} answered-but-missing, ${o.replayedSame} replays answered with the same application → ${ok ? 'ok' : 'FAILED'}`,
    );
    if (!ok) throw new Error('the database does not hold exactly one application per applicant');
    return {
      applicants,
      applications: rows.length,
      duplicates: rows.length - perApplicant.size,
      lost: missing,
      replayedSame: o.replayedSame,
    };
  } finally {
    await connection.close();
  }
}

const results = [];
for (const d of dialects) results.push(await runOn(d));
const name = quick ? 'portal-quick' : 'portal';
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, `${name}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), connections, perSlice, rounds, results }, null, 2)}\n`,
);
const md = [
  `# Recruitment portal burst (${new Date().toISOString().slice(0, 10)}, ${quick ? 'quick' : 'full'})`,
  '',
  `${connections} connections; each applicant = register + apply + the same apply again (double click); ${rounds} alternating slices of ${perSlice} applicants per side. Bare = the same Argon2id hash + plain INSERTs through the raw driver (bench/portal/bare-portal.ts).`,
  '',
  '| db | applicants | accepted/s platform | bare | ratio | request p50/p99 ms platform | bare | applications in DB | duplicates | lost | replays answered with the first |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.db} | ${r.applicants} | ${r.accepted.platform.toFixed(1)} | ${r.accepted.bare.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.platform.p50.toFixed(0)}/${r.platform.p99.toFixed(0)} | ${r.bare.p50.toFixed(0)}/${r.bare.p99.toFixed(0)} | ${r.check.applications} | ${r.check.duplicates} | ${r.check.lost} | ${r.check.replayedSame} |`,
  ),
  '',
].join('\n');
fs.writeFileSync(path.join(resultsDir, `${name}.md`), md);
console.log(md);
process.exit(0);
