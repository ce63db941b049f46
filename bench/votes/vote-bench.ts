/**
 * Public voting burst (典型选树 公众投票):
 *   node --import tsx bench/votes/vote-bench.ts [--voters 2000] [--db sqlite|postgres|all] [--quick]
 * 1,000 concurrent connections, each playing voters one after another: a ballot, then the same
 * ballot again (the double click, refused 409); the platform and a bare insert route in
 * alternating slices. Afterwards the database must hold exactly one ballot per voter, each with
 * its choice, and none that was answered 201 may be missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import { makeIdNumber } from '@zhenggong/core';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { newId } from '@zhenggong/server/platform/ids';
import { createPersonRecord } from '@zhenggong/server/modules/personnel/people';
import { buildFixture } from '../fixture.ts';
import { createBenchDatabase } from '../db.ts';
import { loadSlice, startChild, summarise, type ChildServer, type SliceResult } from '../children.ts';
import { bareVoteTablesSql } from './bare-votes.ts';
import { benchOutputDir } from '../output-dir.ts';
import { summariseProfiles } from '../profile.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes('--quick');
/** --profile: CPU-profile both servers during the first round and print where their time goes (not committed). */
const profile = process.argv.includes('--profile');
const connections = 1000;
const perSlice = Number(arg('voters') ?? (quick ? 1000 : 3000));
const rounds = quick ? 1 : 2;
if (perSlice % connections !== 0) throw new Error(`--voters must be a multiple of ${connections}`);
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
const log = (m: string) => console.log(`[vote-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function seed(dialect: Dialect, dataDir: string, databaseUrl: string | undefined) {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const ctx = app.ctx;
    const fixture = await buildFixture(ctx, { branches: 2, stationsPerBranch: 2, users: 0 });
    const now = new Date().toISOString();
    const campaign = newId();
    await ctx.db
      .insertInto('exemplar_campaign')
      .values({
        id: campaign,
        title: '2026年度“最美警察”评选（基准测试）',
        kind: '最美警察',
        year: 2026,
        criteria: '基准测试',
        quota_per_unit: 10,
        max_choices: 1,
        public_voting: 1,
        status: 'voting',
        org_id: fixture.scopeRootId,
        created_by: newId(),
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const candidates: string[] = [];
    for (let i = 0; i < 10; i++) {
      const person = await ctx.db
        .transaction()
        .execute((trx) =>
          createPersonRecord(
            trx,
            ctx,
            { kind: 'officer', name: `候选人${i}`, idNumber: makeIdNumber('330102', '1985-05-05', 900 + i), orgId: fixture.scopeRootId },
            '2010-01-01',
          ),
        );
      const id = newId();
      candidates.push(id);
      await ctx.db
        .insertInto('exemplar_candidate')
        .values({
          id,
          campaign_id: campaign,
          person_id: person.id,
          org_id: fixture.scopeRootId,
          quota_org_id: fixture.scopeRootId,
          deeds: '事迹',
          status: 'approved',
          case_id: null,
          winner: 0,
          city_code: ctx.config.cityCode,
          created_at: now,
        })
        .execute();
    }
    for (const s of bareVoteTablesSql) await sql.raw(s).execute(ctx.db);
    await app.close();
    if (dialect === 'postgres') await sql`analyze`.execute(connection.db);
    return { campaign, candidates };
  } finally {
    await connection.close();
  }
}

interface Outcome {
  accepted: Set<string>;
  ballotIds: Set<string>;
  refusedRepeat: number;
  failures: string[];
}

const phoneOf = (target: string, i: number) => `1${target === 'platform' ? '38' : '39'}${String(i).padStart(8, '0')}`;

/** Two requests per voter on one connection: the ballot, then the same ballot again (refused). */
function flow(
  target: 'platform' | 'bare',
  ids: { campaign: string; candidates: string[] },
  counter: { n: number },
  out: Outcome,
): autocannon.Request[] {
  type Ctx = { i?: number };
  const url = target === 'platform' ? `/api/v1/portal/exemplars/${ids.campaign}/ballots` : `/bare/votes/${ids.campaign}`;
  const body = (i: number) =>
    JSON.stringify({
      phone: phoneOf(target, i),
      code: '000000',
      candidateIds: [ids.candidates[i % ids.candidates.length]],
      fingerprint: `fp-${i % 97}`,
    });
  return [
    {
      method: 'POST',
      setupRequest: (req, context) => {
        const c = context as Ctx;
        c.i = counter.n++;
        return { ...req, path: url, headers: { 'content-type': 'application/json' }, body: body(c.i) };
      },
      onResponse: (status, text, context) => {
        const c = context as Ctx;
        if (status !== 201) return void out.failures.push(`vote ${status} ${text.slice(0, 200)}`);
        out.accepted.add(phoneOf(target, c.i ?? -1));
        out.ballotIds.add((JSON.parse(text) as { id: string }).id);
      },
    },
    {
      method: 'POST',
      setupRequest: (req, context) => ({
        ...req,
        path: url,
        headers: { 'content-type': 'application/json' },
        body: body((context as Ctx).i ?? 0),
      }),
      onResponse: (status, text) => {
        if (status === 409) out.refusedRepeat++;
        else out.failures.push(`repeat vote answered ${status} ${text.slice(0, 200)}`);
      },
    },
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
      platform: await startChild('platform', 'vote-burst', env),
      bare: await startChild('bare', 'vote-burst', env),
    };
    try {
      const outcome: Record<'platform' | 'bare', Outcome> = {
        platform: { accepted: new Set(), ballotIds: new Set(), refusedRepeat: 0, failures: [] },
        bare: { accepted: new Set(), ballotIds: new Set(), refusedRepeat: 0, failures: [] },
      };
      const counters = { platform: { n: 1 }, bare: { n: 1 } };
      const slices = { platform: [] as SliceResult[], bare: [] as SliceResult[] };
      const seconds = { platform: 0, bare: 0 };
      for (let r = 0; r < rounds; r++) {
        for (const which of r % 2 === 0 ? (['bare', 'platform'] as const) : (['platform', 'bare'] as const)) {
          const started = performance.now();
          const profiled = profile && r === 0 ? path.join(benchOutputDir, 'profiles', `votes-${dialect}-${which}.cpuprofile`) : undefined;
          if (profiled) await servers[which].profileStart();
          const [first, ...rest] = flow(which, ids, counters[which], outcome[which]);
          const s = await loadSlice(servers[which], {
            connections,
            amount: perSlice * 2,
            timeoutSec: 120,
            request: first as autocannon.Request,
            more: rest,
          });
          if (profiled) await servers[which].profileStop(profiled);
          if (s.errors > 0) throw new Error(`${dialect} ${which}: ${s.errors} socket errors or timeouts (${s.timeouts} timeouts)`);
          seconds[which] += (performance.now() - started) / 1000;
          slices[which].push(s);
          log(`${dialect} ${which}: ${perSlice} voters in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      }
      for (const which of ['platform', 'bare'] as const) {
        const o = outcome[which];
        if (o.failures.length > 0)
          throw new Error(`${dialect} ${which}: ${o.failures.length} failures, e.g. ${o.failures.slice(0, 3).join(' | ')}`);
      }
      await servers.platform.stop();
      await servers.bare.stop();
      if (profile)
        console.log(
          summariseProfiles(
            `votes on ${dialect}`,
            (['platform', 'bare'] as const).map((which) => ({
              label: which,
              file: path.join(benchOutputDir, 'profiles', `votes-${dialect}-${which}.cpuprofile`),
              requests: perSlice * 2,
              queriesPerRequest: null,
            })),
          ),
        );
      const check = await verify(bdb.dataDir, bdb.databaseUrl, ids.campaign, outcome.platform, perSlice * rounds);
      const p = summarise(slices.platform);
      const b = summarise(slices.bare);
      const accepted = { platform: outcome.platform.accepted.size / seconds.platform, bare: outcome.bare.accepted.size / seconds.bare };
      log(
        `${dialect}: accepted votes/s platform ${accepted.platform.toFixed(1)} vs bare ${accepted.bare.toFixed(1)} (ratio ${(accepted.platform / accepted.bare).toFixed(2)}); requests p50/p99 ${p.p50.toFixed(0)}/${p.p99.toFixed(0)} vs ${b.p50.toFixed(0)}/${b.p99.toFixed(0)} ms`,
      );
      return {
        db: dialect,
        connections,
        voters: outcome.platform.accepted.size,
        accepted,
        ratio: accepted.platform / accepted.bare,
        platform: p,
        bare: b,
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

/** Exactly one ballot (with its one choice) per voter, every accepted ballot present, none extra. */
async function verify(dataDir: string, databaseUrl: string | undefined, campaign: string, o: Outcome, voters: number) {
  const connection = connect({ databaseUrl, dataDir });
  try {
    const ballots = await connection.db
      .selectFrom('exemplar_ballot')
      .select(['id', 'voter_key'])
      .where('campaign_id', '=', campaign)
      .execute();
    const choices = await connection.db
      .selectFrom('exemplar_ballot_choice')
      .select('ballot_id')
      .where('campaign_id', '=', campaign)
      .execute();
    const distinctVoters = new Set(ballots.map((b) => b.voter_key)).size;
    const stored = new Set(ballots.map((b) => b.id));
    const lost = [...o.ballotIds].filter((id) => !stored.has(id)).length;
    const ok =
      o.accepted.size === voters &&
      ballots.length === voters &&
      distinctVoters === voters &&
      choices.length === voters &&
      lost === 0 &&
      o.refusedRepeat === voters;
    log(
      `check: ${voters} voters, ${o.accepted.size} accepted, ${ballots.length} ballots, ${distinctVoters} distinct voters, ${choices.length} choices, ${lost} accepted-but-missing, ${o.refusedRepeat} repeats refused → ${ok ? 'ok' : 'FAILED'}`,
    );
    if (!ok) throw new Error('the database does not hold exactly one ballot per voter');
    return { voters, ballots: ballots.length, duplicates: ballots.length - distinctVoters, lost, repeatsRefused: o.refusedRepeat };
  } finally {
    await connection.close();
  }
}

const results = [];
for (const d of dialects) results.push(await runOn(d));
const name = quick ? 'votes-quick' : 'votes';
fs.mkdirSync(benchOutputDir, { recursive: true });
fs.writeFileSync(
  path.join(benchOutputDir, `${name}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), connections, perSlice, rounds, results }, null, 2)}\n`,
);
const md = [
  `# Public voting burst (${new Date().toISOString().slice(0, 10)}, ${quick ? 'quick' : 'full'})`,
  '',
  `${connections} connections; each voter = a ballot + the same ballot again (refused); ${rounds} alternating slices of ${perSlice} voters per side. Bare = one guarded INSERT of the ballot and one of its choice through the raw driver (bench/votes/bare-votes.ts).`,
  '',
  '| db | voters | accepted votes/s platform | bare | ratio | request p50/p99 ms platform | bare | ballots in DB | duplicates | lost | repeats refused |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.db} | ${r.voters} | ${r.accepted.platform.toFixed(1)} | ${r.accepted.bare.toFixed(1)} | ${r.ratio.toFixed(2)} | ${r.platform.p50.toFixed(0)}/${r.platform.p99.toFixed(0)} | ${r.bare.p50.toFixed(0)}/${r.bare.p99.toFixed(0)} | ${r.check.ballots} | ${r.check.duplicates} | ${r.check.lost} | ${r.check.repeatsRefused} |`,
  ),
  '',
].join('\n');
fs.writeFileSync(path.join(benchOutputDir, `${name}.md`), md);
console.log(md);
process.exit(0);
