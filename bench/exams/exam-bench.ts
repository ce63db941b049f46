/**
 * Exam concurrency benchmark (see bench/exams/README.md):
 *   node --import tsx bench/exams/exam-bench.ts [--examinees 10000] [--db sqlite|postgres|all] [--quick] [--slice 20000] [--warmup 5000]
 * One exam for the whole demo force; every examinee starts it; autosaves from many connections,
 * each naming another examinee and item, against the platform and a bare upsert route in
 * alternating slices; then the saved answers are checked against the answers sent (count and
 * SHA-256), and the whole exam is graded in-process and timed.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type autocannon from 'autocannon';
import { sql } from 'kysely';
import type { ExamineeItem, ItemResponse } from '@zhenggong/core';
import { buildApp } from '@zhenggong/server/app';
import { loadConfig } from '@zhenggong/server/config';
import { connect, type Dialect } from '@zhenggong/server/db/connect';
import { migrateToLatest } from '@zhenggong/server/db/migrate';
import { systemActor } from '@zhenggong/server/platform/audit/audit-service';
import { hashPassword } from '@zhenggong/server/platform/auth/passwords';
import { normalizeUsername } from '@zhenggong/server/platform/auth/usernames';
import { newId } from '@zhenggong/server/platform/ids';
import { createExam, scheduleExam } from '@zhenggong/server/modules/exams/exam-service';
import { gradeExam } from '@zhenggong/server/modules/exams/finalise';
import { seedSampleQuestionBank } from '@zhenggong/server/modules/question-bank/sample-bank';
import { seedDemoPeople } from '@zhenggong/server/modules/personnel/demo/demo-people';
import { buildFixture } from '../fixture.ts';
import { benchOutputDir } from '../output-dir.ts';
import { createBenchDatabase } from '../db.ts';
import { loadSlice, startChild, summarise, type ChildServer, type SliceResult, type Summary } from '../children.ts';
import { bareAnswerTableSql } from './bare-autosave.ts';

const resultsDir = benchOutputDir;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes('--quick');
const examinees = Number(arg('examinees') ?? (quick ? 1000 : 10000));
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
/**
 * Slices are counted in requests, not seconds, so every request sent is answered before the
 * slice ends and the check afterwards can be exact (a timed slice abandons its in-flight saves).
 */
const settings = {
  connections: 100,
  rounds: quick ? 2 : 4,
  // --slice / --warmup: smaller slices when the machine is too busy for a full run to finish.
  sliceSaves: Number(arg('slice') ?? (quick ? 1000 : 20_000)),
  warmupSaves: Number(arg('warmup') ?? (quick ? 500 : 5000)),
  startConnections: 50,
};
const log = (m: string) => console.log(`[exam-bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

interface Examinee {
  cookie: string;
  csrf: string;
  token: string;
  items: ExamineeItem[];
}

/** Deterministic answer for (examinee, item, seq): the checksum can be recomputed from the numbers alone. */
function answerFor(item: ExamineeItem, e: number, seq: number): ItemResponse {
  const pick = (e * 31 + item.no * 7 + seq) % 997;
  const keys = item.options.map((o) => o.key);
  switch (item.type) {
    case 'single':
    case 'true_false':
      return { choice: [keys[pick % keys.length] as string] };
    case 'multiple':
      return { choice: keys.filter((_k, i) => (pick >> i) & 1 || i === pick % keys.length) };
    case 'fill_blank':
      return { blanks: Array.from({ length: item.blankCount }, (_v, i) => `答${pick + i}`) };
    case 'short_answer':
      return { text: `考生${e}第${item.no}题第${seq}次作答：依法、规范、公正、文明执法。`.repeat(1 + (pick % 3)) };
  }
}

/** Seeds the force, accounts linked to people with live sessions, the sample bank and one scheduled exam. */
async function seed(dialect: Dialect, dataDir: string, databaseUrl: string | undefined) {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    await migrateToLatest(connection.db);
    const app = await buildApp({ config, connection, logger: false });
    const ctx = app.ctx;
    const started = performance.now();
    await buildFixture(ctx, { branches: 12, stationsPerBranch: 5, users: 0 });
    await seedDemoPeople(ctx, { people: examinees });
    const root = (await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    const people = await ctx.db.selectFrom('person').select(['id', 'org_id']).orderBy('id').execute();
    // One account per person (shared argon2 hash) and a live session each, written directly:
    // 10,000 logins through argon2 would take minutes and measure nothing about exams.
    const hash = await hashPassword('Shared#Examinee2026');
    const now = new Date().toISOString();
    const expires = new Date(Date.now() + 6 * 3_600_000).toISOString();
    const list: Examinee[] = [];
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < people.length; i += 400) {
        const chunk = people.slice(i, i + 400).map((p, j) => {
          const username = `ks${String(i + j + 1).padStart(6, '0')}`;
          const token = createHash('sha256')
            .update(`bench-session-${dialect}-${i + j}`)
            .digest('base64url');
          const csrf = createHash('sha256')
            .update(`bench-csrf-${i + j}`)
            .digest('base64url');
          list.push({ cookie: `zg_sid=${token}`, csrf, token: '', items: [] });
          return { p, username, token, csrf, userId: newId() };
        });
        await trx
          .insertInto('app_user')
          .values(
            chunk.map((c) => ({
              id: c.userId,
              username: c.username,
              username_norm: normalizeUsername(c.username),
              display_name: c.username,
              org_id: c.p.org_id,
              person_id: c.p.id,
              password_hash: hash,
              password_changed_at: now,
              must_change_password: 0,
              failed_count: 0,
              locked_until: null,
              status: 'active' as const,
              expires_at: null,
              last_login_at: now,
              admin_kind: null,
              city_code: ctx.config.cityCode,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await trx
          .insertInto('session')
          .values(
            chunk.map((c) => ({
              id: createHash('sha256').update(c.token).digest('hex'),
              user_id: c.userId,
              csrf_token: c.csrf,
              ip: '127.0.0.1',
              user_agent: 'bench',
              created_at: now,
              last_seen_at: now,
              expires_at: expires,
            })),
          )
          .execute();
      }
    });
    const bank = await seedSampleQuestionBank(ctx, root);
    const scope = { all: true } as const;
    const exam = await createExam(ctx, scope, systemActor, {
      title: '全警月月练（基准测试）',
      kind: 'monthly_practice',
      paperId: bank.rulePaperId,
      orgId: root,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      durationMinutes: 180,
      attemptsAllowed: 1,
      passScore: 60,
      targets: { orgIds: [root] },
    });
    await scheduleExam(ctx, scope, systemActor, exam.id);
    for (const s of bareAnswerTableSql) await sql.raw(s).execute(ctx.db);
    await app.close();
    if (dialect === 'postgres') await sql`analyze`.execute(connection.db);
    log(
      `${dialect}: ${people.length} people with accounts and sessions, sample bank, exam scheduled in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { examId: exam.id, examinees: list, config };
  } finally {
    await connection.close();
  }
}

/** Every examinee starts the exam (the draw and the snapshot happen here); keeps each token and paper. */
async function startAll(server: ChildServer, examId: string, list: Examinee[]): Promise<Summary> {
  let next = 0;
  const slice = await loadSlice(server, {
    connections: settings.startConnections,
    amount: list.length,
    // Starting draws and snapshots a paper: on a busy machine a start can wait longer than the
    // default 30 s for a core, and a start that times out leaves its examinee without a paper.
    timeoutSec: 120,
    request: {
      method: 'POST',
      setupRequest: (req, context) => {
        const i = next++;
        (context as { i: number }).i = i;
        const e = list[i] as Examinee;
        return {
          ...req,
          path: `/api/v1/exams/mine/${examId}/start`,
          headers: { cookie: e.cookie, 'x-csrf-token': e.csrf, 'content-type': 'application/json' },
          body: '{}',
        };
      },
      onResponse: (status, body, context) => {
        const e = list[(context as { i: number }).i] as Examinee;
        if (status !== 200) throw new Error(`start failed: ${status} ${body.slice(0, 300)}`);
        const answer = JSON.parse(body) as { sessionToken: string; items: ExamineeItem[] };
        e.token = answer.sessionToken;
        e.items = answer.items;
      },
    },
  });
  const missing = list.filter((e) => !e.token).length;
  if (missing > 0)
    throw new Error(
      `${missing} examinees could not start (${slice.ok} answered 200 of ${slice.requests}, ${slice.timeouts} timeouts, ${slice.errors} errors)`,
    );
  return summarise([slice]);
}

interface Sent {
  /** Highest seq acknowledged per `${examinee}:${no}`, with its response. */
  acked: Map<string, { seq: number; response: string }>;
  refused: number;
}

/** noop: the bare server's route that touches no database (the load generator's own ceiling). */
type Target = 'platform' | 'bare' | 'noop';

/** Autosave requests: request k goes to examinee k mod N, item (k div N) mod items, seq k div N + 1. */
function autosaveRequest(examId: string, list: Examinee[], target: Target, sent: Sent, counter: { k: number }): autocannon.Request {
  return {
    method: 'PUT',
    setupRequest: (req, context) => {
      const k = counter.k++;
      const e = k % list.length;
      const round = Math.floor(k / list.length);
      const ex = list[e] as Examinee;
      const item = ex.items[round % ex.items.length] as ExamineeItem;
      const seq = round + 1;
      const response = answerFor(item, e, seq);
      Object.assign(context, { e, no: item.no, seq, response: JSON.stringify(response) });
      const base = target === 'platform' ? '/api/v1/exams/mine' : target === 'bare' ? '/bare/exams' : '/bare/noop/exams';
      return {
        ...req,
        path: `${base}/${examId}/answers/${item.no}`,
        headers: { cookie: ex.cookie, 'x-csrf-token': ex.csrf, 'x-exam-session': ex.token, 'content-type': 'application/json' },
        body: JSON.stringify({ response, seq }),
      };
    },
    onResponse: (status, _body, context) => {
      const c = context as { e: number; no: number; seq: number; response: string };
      if (status !== 200) {
        sent.refused++;
        return;
      }
      if (target !== 'platform') return;
      const key = `${c.e}:${c.no}`;
      const prev = sent.acked.get(key);
      if (!prev || prev.seq < c.seq) sent.acked.set(key, { seq: c.seq, response: c.response });
    },
  };
}

/** Each slice's seconds, so a reader can see they are not whole numbers of autocannon's ticks. */
const sliceSeconds = (slices: Record<Target, SliceResult[]>) =>
  Object.fromEntries(Object.entries(slices).map(([k, v]) => [k, v.map((x) => Number(x.seconds.toFixed(3)))]));

const canonical = (json: string) => JSON.stringify(JSON.parse(json) as unknown);

async function verify(dialect: Dialect, dataDir: string, databaseUrl: string | undefined, list: Examinee[], sent: Sent) {
  const connection = connect({ databaseUrl, dataDir });
  try {
    const tokenIndex = new Map(list.map((e, i) => [createHash('sha256').update(e.token).digest('hex'), i]));
    const rows = await connection.db
      .selectFrom('exam_answer as a')
      .innerJoin('exam_session as s', 's.id', 'a.session_id')
      .select(['s.token_hash', 'a.no', 'a.response', 'a.seq'])
      .execute();
    const digest = (entries: [string, string][]) => {
      const h = createHash('sha256');
      for (const [k, v] of entries.sort((x, y) => (x[0] < y[0] ? -1 : 1))) h.update(`${k}|${v}\n`);
      return h.digest('hex');
    };
    const saved = digest(rows.map((r) => [`${tokenIndex.get(r.token_hash)}:${r.no}`, canonical(r.response)]));
    const expected = digest([...sent.acked.entries()].map(([k, v]) => [k, canonical(v.response)]));
    const bareRows = Number((await sql<{ n: number }>`select count(*) as n from bench_bare_answer`.execute(connection.db)).rows[0]?.n ?? 0);
    log(`${dialect}: saved rows ${rows.length}, acknowledged ${sent.acked.size}; checksum ${saved === expected ? 'equal' : 'DIFFERENT'}`);
    if (rows.length !== sent.acked.size || saved !== expected) throw new Error(`${dialect}: saved answers differ from the answers sent`);
    return { savedRows: rows.length, checksum: saved, bareRows };
  } finally {
    await connection.close();
  }
}

async function grade(dataDir: string, databaseUrl: string | undefined, examId: string) {
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  try {
    const app = await buildApp({ config, connection, logger: false });
    const started = performance.now();
    const { finalised } = await gradeExam(app.ctx, examId, { closeOpen: true });
    const seconds = (performance.now() - started) / 1000;
    const graded = await app.ctx.db
      .selectFrom('exam_session')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('exam_id', '=', examId)
      .where('status', '!=', 'in_progress')
      .executeTakeFirstOrThrow();
    await app.close();
    return { finalised, seconds, closedSessions: Number(graded.n) };
  } finally {
    await connection.close();
  }
}

async function runOn(dialect: Dialect) {
  const bdb = await createBenchDatabase(dialect, pgUrl);
  try {
    const { examId, examinees: list } = await seed(dialect, bdb.dataDir, bdb.databaseUrl);
    const env = { DATA_DIR: bdb.dataDir, ...(bdb.databaseUrl ? { DATABASE_URL: bdb.databaseUrl } : {}) };
    const platform = await startChild('platform', 'exam-autosave', env);
    const bare = await startChild('bare', 'exam-autosave', env);
    try {
      const starts = await startAll(platform, examId, list);
      log(
        `${dialect}: ${list.length} starts, ${starts.perSec.toFixed(0)}/s, p50 ${starts.p50.toFixed(1)} ms, p99 ${starts.p99.toFixed(1)} ms`,
      );
      const sent: Sent = { acked: new Map(), refused: 0 };
      const counters = { platform: { k: 0 }, bare: { k: 0 }, noop: { k: 0 } };
      const run = (target: Target, amount: number) =>
        loadSlice(target === 'platform' ? platform : bare, {
          connections: settings.connections,
          amount,
          // As for the starts: on a busy machine an answer can take longer than 30 s; a save that
          // is never answered still fails the run below.
          timeoutSec: 120,
          request: autosaveRequest(examId, list, target, sent, counters[target]),
        });
      await run('bare', settings.warmupSaves);
      await run('platform', settings.warmupSaves);
      await run('noop', settings.warmupSaves);
      const slices = { platform: [] as SliceResult[], bare: [] as SliceResult[], noop: [] as SliceResult[] };
      for (let r = 0; r < settings.rounds; r++) {
        for (const which of r % 2 === 0 ? (['bare', 'platform'] as const) : (['platform', 'bare'] as const))
          slices[which].push(await run(which, settings.sliceSaves));
        // The generator's ceiling, with the same request setup, in every round (so a burst of
        // other work on the machine weighs on it too): the bare rate must stay well below it.
        slices.noop.push(await run('noop', settings.sliceSaves));
      }
      if (sent.refused > 0) throw new Error(`${sent.refused} autosaves were refused under load`);
      const answered = [...slices.platform, ...slices.bare, ...slices.noop].reduce((n, x) => n + x.ok, 0);
      const asked = settings.rounds * settings.sliceSaves * 3;
      if (answered !== asked) {
        const why = Object.entries(slices).map(
          ([side, list]) =>
            `${side} ${list.reduce((n, x) => n + x.ok, 0)} of ${list.reduce((n, x) => n + x.requests, 0)} answered 2xx, ${list.reduce((n, x) => n + x.timeouts, 0)} timeouts, ${list.reduce((n, x) => n + x.errors, 0)} errors`,
        );
        throw new Error(`${asked - answered} of ${asked} autosaves got no 2xx answer (${why.join('; ')})`);
      }
      const p = summarise(slices.platform);
      const b = summarise(slices.bare);
      const noop = summarise(slices.noop);
      log(
        `${dialect}: autosave platform ${p.perSec.toFixed(0)}/s (p50 ${p.p50.toFixed(1)}, p99 ${p.p99.toFixed(1)} ms) vs bare ${b.perSec.toFixed(0)}/s (p50 ${b.p50.toFixed(1)}, p99 ${b.p99.toFixed(1)} ms): ratio ${(p.perSec / b.perSec).toFixed(2)}; generator ceiling (no-op route) ${noop.perSec.toFixed(0)}/s`,
      );
      await platform.stop();
      await bare.stop();
      const check = await verify(dialect, bdb.dataDir, bdb.databaseUrl, list, sent);
      const graded = await grade(bdb.dataDir, bdb.databaseUrl, examId);
      log(`${dialect}: graded ${graded.finalised} papers in ${graded.seconds.toFixed(2)} s`);
      if (graded.closedSessions !== list.length)
        throw new Error(`${dialect}: ${graded.closedSessions} of ${list.length} sessions closed after grading`);
      return {
        db: dialect,
        examinees: list.length,
        starts,
        platform: p,
        bare: b,
        noop,
        ratio: p.perSec / b.perSec,
        bareOfNoop: b.perSec / noop.perSec,
        slices: sliceSeconds(slices),
        check,
        grading: graded,
      };
    } finally {
      await platform.stop().catch(() => undefined);
      await bare.stop().catch(() => undefined);
    }
  } finally {
    await bdb.drop();
  }
}

const loadAtStart = os.loadavg()[0] ?? 0;
const results = [];
for (const d of dialects) results.push(await runOn(d));
const name = quick ? 'exams-quick' : 'exams';
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(
  path.join(resultsDir, `${name}.json`),
  `${JSON.stringify({ date: new Date().toISOString(), loadAverageAtStart: loadAtStart, settings, results }, null, 2)}\n`,
);
const f = (n: number) => n.toFixed(0);
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const md = [
  `# Exam autosave benchmark (${new Date().toISOString().slice(0, 10)}, ${quick ? 'quick' : 'full'})`,
  '',
  `${settings.connections} connections; ${settings.rounds} alternating slices of ${settings.sliceSaves} autosaves per side after ${settings.warmupSaves} warm-up saves each. Bare = token lookup + upsert through the raw driver (bench/exams/bare-autosave.ts). No-op = a route of the bare server that touches no database, driven by the same generator in every round: the generator's ceiling. Slices are timed from their start to their last answer. Load average at start: ${loadAtStart.toFixed(2)} (2 cores).`,
  '',
  '| db | examinees | starts/s (p50/p99 ms) | autosave/s platform (p50/p99 ms) | bare (p50/p99 ms) | ratio | no-op/s (bare ÷ no-op) | saved rows = acknowledged | grading (s) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.db} | ${r.examinees} | ${f(r.starts.perSec)} (${ms(r.starts.p50)}/${ms(r.starts.p99)}) | ${f(r.platform.perSec)} (${ms(r.platform.p50)}/${ms(r.platform.p99)}) | ${f(r.bare.perSec)} (${ms(r.bare.p50)}/${ms(r.bare.p99)}) | **${r.ratio.toFixed(2)}** | ${f(r.noop.perSec)} (${r.bareOfNoop.toFixed(2)}) | ${r.check.savedRows} ✓ sha256 ${r.check.checksum.slice(0, 12)} | ${r.grading.seconds.toFixed(2)} (${r.grading.finalised} papers) |`,
  ),
  '',
].join('\n');
fs.writeFileSync(path.join(resultsDir, `${name}.md`), md);
console.log(md);
process.exit(0);
