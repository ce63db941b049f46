/**
 * One measured side of the warning benchmark in its own process, so its peak RSS is its own:
 *
 * - `job`: the monthly job as the platform runs it — the app built as main.ts builds it (its
 *   scheduler off, JOB_TICK_MS=0, so nothing else runs), then `app.jobs.runNow('warning.monthly')`:
 *   a job-run row, the month just ended, indicators, peer statistics, rules, alerts, model scores
 *   and the cockpit snapshot, all stored. Afterwards the stored snapshot's sums are read for the check.
 * - `bare`: the same indicators' raw figures over the same data by SQL aggregation through the
 *   raw driver (one grouped statement per source, the windows as conditional sums), with the
 *   indicator arithmetic in a loop: no peer statistics, no rules, no explanations, nothing stored.
 *
 * Prints one JSON line: { op, seconds, maxRssMiB, people, checks, summary? }.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ON_FORCE_STATUSES, windowStart } from '@zhenggong/core';
import { rawPostgres, rawSqlite } from '../bare.ts';

const GRADE_ORDINAL: Record<string, number> = { 优秀: 0, 称职: 1, 合格: 1, 基本称职: 2, 基本合格: 2, 不称职: 3, 不合格: 3 };
const [op, dataDir, databaseUrl, asOf] = process.argv.slice(2) as [string, string, string, string];

/** What both sides must agree on: the sums of three indicators over everyone on the force. */
export interface WarningChecks {
  complaints12m: number;
  trainingHours12m: number;
  overtimeAvgPresent: number;
}

let people = 0;
let checks: WarningChecks;
let summary: unknown;
if (op === 'job') {
  const { buildApp } = await import('@zhenggong/server/app');
  const { loadConfig } = await import('@zhenggong/server/config');
  const { connect } = await import('@zhenggong/server/db/connect');
  const { MONTHLY_JOB } = await import('@zhenggong/server/modules/warning/warning-jobs');
  const config = loadConfig({ DATA_DIR: dataDir, JOB_TICK_MS: '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir });
  const app = await buildApp({ config, connection, logger: false });
  await app.ready();
  // Timed from here: the job, not loading the platform's code (which the peak RSS does include).
  const jobStarted = performance.now();
  const view = await app.jobs.runNow(MONTHLY_JOB);
  if (view.lastRun?.state !== 'succeeded') throw new Error(`monthly job did not succeed: ${JSON.stringify(view.lastRun)}`);
  const seconds = (performance.now() - jobStarted) / 1000;
  const run = await connection.db
    .selectFrom('job_run')
    .select('result')
    .where('job', '=', MONTHLY_JOB)
    .orderBy('started_at', 'desc')
    .executeTakeFirstOrThrow();
  summary = JSON.parse(run.result ?? 'null');
  const snap = await connection.db
    .selectFrom('ew_indicator_snapshot')
    .select(['indicator', (eb) => eb.fn.sum<number>('value').as('s'), (eb) => eb.fn.count<number>('value').as('n')])
    .where('as_of', '=', asOf)
    .where('indicator', 'in', ['DISC_COMPLAINT_12M', 'TRAIN_HOURS_12M', 'LOAD_OT_AVG_3M'])
    .groupBy('indicator')
    .execute();
  const of = (code: string) => snap.find((r) => r.indicator === code);
  checks = {
    complaints12m: Number(of('DISC_COMPLAINT_12M')?.s ?? 0),
    trainingHours12m: Number(of('TRAIN_HOURS_12M')?.s ?? 0),
    overtimeAvgPresent: Number(of('LOAD_OT_AVG_3M')?.n ?? 0),
  };
  people = (summary as { people: number }).people;
  await app.close();
  await connection.close();
  print(seconds);
} else if (op === 'bare') {
  const started = performance.now();
  const db = databaseUrl ? rawPostgres(databaseUrl) : rawSqlite(path.join(dataDir, 'zhenggong.db'));
  const w3 = windowStart(asOf, 3);
  const w6 = windowStart(asOf, 6);
  const w12 = windowStart(asOf, 12);
  const w24 = windowStart(asOf, 24);
  const on = ON_FORCE_STATUSES.map(() => '?').join(', ');
  const onForce = `select id from person where status in (${on})`;
  const since90 = new Date(Date.parse(asOf) - 90 * 86_400_000).toISOString().slice(0, 10);
  type FactRow = {
    person_id: string;
    kind: string;
    n12: number;
    n6: number;
    n3: number;
    s12: number;
    s3: number;
    n3v: number;
    s9: number;
    n9: number;
  };
  const [population, facts, consent, training, discipline, awards, appraisals, transfers] = await Promise.all([
    db.all<{ id: string }>(onForce, ON_FORCE_STATUSES),
    db.all<FactRow>(
      `select person_id, kind,
         count(*) as n12,
         sum(case when event_date >= ? then 1 else 0 end) as n6,
         sum(case when event_date >= ? then 1 else 0 end) as n3,
         sum(value) as s12,
         sum(case when event_date >= ? then value else 0 end) as s3,
         sum(case when event_date >= ? then 1 else 0 end) as n3v,
         sum(case when event_date < ? then value else 0 end) as s9,
         sum(case when event_date < ? then 1 else 0 end) as n9
       from ew_fact where voided = 0 and event_date >= ? and event_date <= ? and known_date <= ?
         and person_id in (${onForce})
       group by person_id, kind`,
      [w6, w3, w3, w3, w3, w3, w12, asOf, asOf, ...ON_FORCE_STATUSES],
    ),
    db.all<{ person_id: string }>(
      `select distinct person_id from ew_fact where voided = 0 and kind = 'wearable_consent' and value > 0 and known_date <= ?`,
      [asOf],
    ),
    db.all<{ person_id: string; h: number }>(
      `select person_id, sum(hours) as h from person_training where date >= ? and date <= ? group by person_id`,
      [w12, asOf],
    ),
    db.all<{ person_id: string; n: number }>(
      `select person_id, count(*) as n from person_discipline where date >= ? and date <= ? group by person_id`,
      [w12, asOf],
    ),
    db.all<{ person_id: string; n: number }>(
      `select person_id, count(*) as n from person_award where date >= ? and date <= ? group by person_id`,
      [w12, asOf],
    ),
    db.all<{ person_id: string; year: number; grade: string }>(
      `select person_id, year, grade from person_appraisal where year >= ? and year <= ?`,
      [Number(w24.slice(0, 4)), Number(asOf.slice(0, 4)) - (asOf.slice(5) >= '01-31' ? 1 : 2)],
    ),
    db.all<{ person_id: string }>(`select distinct person_id from person_org_history where start_date > ? and start_date <= ?`, [
      since90,
      asOf,
    ]),
  ]);
  // The indicators' arithmetic, person by person (design §A3): counts, sums, 3-month averages and the 3-vs-9 trend.
  const values = new Map<string, Record<string, number | null>>();
  const row = (id: string) => {
    let r = values.get(id);
    if (!r) values.set(id, (r = {}));
    return r;
  };
  for (const p of population) row(p.id);
  const consented = new Set(consent.map((c) => c.person_id));
  for (const f of facts) {
    const r = values.get(f.person_id);
    if (!r) continue;
    const n3 = Number(f.n3v);
    const n9 = Number(f.n9);
    const avg3 = n3 ? Number(f.s3) / n3 : null;
    const trend = avg3 !== null && n9 ? avg3 - Number(f.s9) / n9 : null;
    if (f.kind === 'complaint') {
      r.DISC_COMPLAINT_12M = Number(f.n12);
      r.DISC_COMPLAINT_3M = Number(f.n3);
    } else if (f.kind === 'overtime') {
      r.LOAD_OT_AVG_3M = avg3;
      r.LOAD_OT_TREND = trend;
    } else if (f.kind === 'leave_taken') r.LOAD_LEAVE_UNTAKEN_12M = Math.max(0, 1 - Number(f.s12) / 15);
    else if (f.kind === 'exam_score') {
      r.LEARN_EXAM_AVG_3M = avg3;
      r.LEARN_EXAM_DELTA = trend;
    } else if (f.kind === 'wearable_alert' && consented.has(f.person_id)) r.HEALTH_WEARABLE_3M = Number(f.n3);
    else if (f.kind === 'care_contact') r.CARE_CONTACT_6M = Number(f.n6);
  }
  for (const t of training) if (values.has(t.person_id)) row(t.person_id).TRAIN_HOURS_12M = Number(t.h);
  for (const d of discipline) if (values.has(d.person_id)) row(d.person_id).DISC_RECORD_12M = Number(d.n);
  for (const a of awards) if (values.has(a.person_id)) row(a.person_id).AWARD_12M = Number(a.n);
  const lastYear = new Map<string, number>();
  for (const a of appraisals) {
    if (!values.has(a.person_id) || (lastYear.get(a.person_id) ?? 0) > Number(a.year)) continue;
    lastYear.set(a.person_id, Number(a.year));
    row(a.person_id).PERF_GRADE = GRADE_ORDINAL[a.grade] ?? null;
  }
  for (const t of transfers) if (values.has(t.person_id)) row(t.person_id).MOB_RECENT_TRANSFER = 1;
  const seconds = (performance.now() - started) / 1000;
  people = values.size;
  let complaints = 0;
  let hours = 0;
  let overtime = 0;
  for (const r of values.values()) {
    complaints += r.DISC_COMPLAINT_12M ?? 0;
    hours += r.TRAIN_HOURS_12M ?? 0;
    if (r.LOAD_OT_AVG_3M !== undefined && r.LOAD_OT_AVG_3M !== null) overtime++;
  }
  checks = { complaints12m: complaints, trainingHours12m: hours, overtimeAvgPresent: overtime };
  await db.close();
  print(seconds);
} else throw new Error(`warning-child: unknown op ${op}`);

function print(seconds: number): void {
  console.log(JSON.stringify({ op, seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), people, checks, summary }));
}
