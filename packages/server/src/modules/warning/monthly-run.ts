import { createHash } from 'node:crypto';
import {
  choosePeerKeys,
  computeIndicators,
  evaluateRules,
  explainHit,
  INDICATORS,
  MAX_WINDOW_MONTHS,
  normaliseWithinPeers,
  windowStart,
  type Fact,
  type IndicatorReading,
  type RuleHit,
} from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { loadFacts } from './fact-sources.ts';
import { openOrUpdateAlerts } from './alert-writer.ts';
import { buildCockpitSnapshot } from './cockpit-snapshot.ts';
import { scoreWithLatestModel } from './model-service.ts';
import { policiesInForce } from './policy-store.ts';
import { peerKeysOf, population, type Member } from './population.ts';
import type { PersonReadings } from './readings.ts';

/**
 * The monthly job (队伍质态月度研判) as of a month end: indicators from facts known on that date,
 * peer-normalised; rules in force on that date; alerts opened or updated; model scores; cockpit
 * figures. Re-running a month replaces its snapshot, so the run is idempotent; the run row keeps
 * a hash of what was computed, so equal inputs can be shown to give equal outputs.
 */
export const ANNUAL_LEAVE_DAYS = 15;

/** What the indicators are computed from: the people on the force and every fact of a date range, each person's sorted by event date. */
export interface ReadingInputs {
  readonly members: readonly Member[];
  readonly factsOf: ReadonlyMap<string, readonly Fact[]>;
}

const byEventDate = (a: Fact, b: Fact) => (a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : 0);

/** Reads the population and the facts every as-of date in [firstAsOf, lastAsOf] needs, once. */
export async function loadReadingInputs(db: Executor, firstAsOf: string, lastAsOf: string): Promise<ReadingInputs> {
  const [members, facts] = await Promise.all([population(db), loadFacts(db, windowStart(firstAsOf, MAX_WINDOW_MONTHS), lastAsOf)]);
  const factsOf = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.knownDate > lastAsOf) continue;
    const list = factsOf.get(f.personId);
    if (list) list.push(f);
    else factsOf.set(f.personId, [f]);
  }
  for (const list of factsOf.values()) list.sort(byEventDate);
  return { members, factsOf };
}

/** First index of a sorted fact list whose event date is on or after `date`. */
function firstOnOrAfter(facts: readonly Fact[], date: string): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((facts[mid]?.eventDate ?? '') < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indicator readings of everyone as of `asOf` from loaded inputs (nothing written). Only facts
 * known by `asOf` with their event in the longest window count; the wearable consent is the
 * exception, as in the source, and counts from whenever it was given.
 */
export function readingsAsOf(inputs: ReadingInputs, asOf: string): PersonReadings[] {
  const { members } = inputs;
  const from = windowStart(asOf, MAX_WINDOW_MONTHS);
  const values = new Map<string, Map<string, number | null>>(INDICATORS.map((d) => [d.code, new Map()]));
  const refs = new Map<string, Map<string, readonly string[]>>();
  for (const m of members) {
    const all = inputs.factsOf.get(m.personId) ?? [];
    const start = firstOnOrAfter(all, from);
    const facts: Fact[] = [];
    for (let i = 0; i < start; i++) {
      const f = all[i] as Fact;
      if (f.kind === 'wearable_consent' && f.knownDate <= asOf) facts.push(f);
    }
    for (let i = start; i < all.length; i++) {
      const f = all[i] as Fact;
      if (f.eventDate > asOf) break;
      if (f.knownDate <= asOf) facts.push(f);
    }
    const own = new Map<string, readonly string[]>();
    for (const v of computeIndicators(asOf, facts, { annualLeaveDays: ANNUAL_LEAVE_DAYS })) {
      values.get(v.code)?.set(m.personId, v.value);
      own.set(v.code, v.refs);
    }
    refs.set(m.personId, own);
  }
  const peerKeys = choosePeerKeys(members.map((m) => ({ personId: m.personId, keys: peerKeysOf(m) })));
  const stats = new Map(
    INDICATORS.filter((d) => d.peer).map((d) => [d.code, normaliseWithinPeers(values.get(d.code) ?? new Map(), peerKeys)]),
  );
  return members.map((m) => {
    const readings = new Map<string, IndicatorReading>();
    for (const d of INDICATORS) {
      const value = values.get(d.code)?.get(m.personId) ?? null;
      const s = stats.get(d.code)?.get(m.personId);
      readings.set(d.code, {
        value,
        pct: s?.pct ?? null,
        peerKey: d.peer && s ? (peerKeys.get(m.personId) ?? null) : null,
        peerN: s?.n ?? null,
        median: s?.median ?? null,
        z: s?.z ?? null,
      });
    }
    return { member: m, readings, refs: refs.get(m.personId) ?? new Map() };
  });
}

const CHUNK = 400;
async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function writeSnapshots(trx: Trx, ctx: AppContext, asOf: string, runId: string, people: readonly PersonReadings[]) {
  await trx.deleteFrom('ew_indicator_snapshot').where('as_of', '=', asOf).where('city_code', '=', ctx.config.cityCode).execute();
  const rows = people.flatMap((p) =>
    INDICATORS.map((d) => {
      const r = p.readings.get(d.code);
      return {
        as_of: asOf,
        person_id: p.member.personId,
        indicator: d.code,
        value: r?.value ?? null,
        peer_key: r?.peerKey ?? null,
        peer_n: r?.peerN ?? null,
        peer_pct: r?.pct ?? null,
        peer_z: r?.z ?? null,
        refs: JSON.stringify(p.refs.get(d.code) ?? []),
        run_id: runId,
        city_code: ctx.config.cityCode,
      };
    }),
  );
  await insertChunked(rows, (chunk) => trx.insertInto('ew_indicator_snapshot').values(chunk).execute());
  return rows;
}

export interface RunSummary {
  asOf: string;
  people: number;
  snapshots: number;
  alertsOpened: number;
  alertsUpdated: number;
  cockpitFigures: number;
  hash: string;
}

export interface RunOptions {
  readonly alerts?: boolean;
  readonly cockpit?: boolean;
}

/** Runs the month: one transaction, so a failed run leaves the previous snapshot of that month in place. */
export async function runMonth(ctx: AppContext, asOf: string, options: RunOptions = {}): Promise<RunSummary> {
  const [summary] = await runMonths(ctx, [asOf], options);
  return summary as RunSummary; // one as-of date in, one summary out
}

/**
 * Runs several months in order (a catch-up after downtime, a back-fill, the back-test): the
 * population and the facts of the whole span are read once and each month is computed from them
 * in memory, each in its own transaction as `runMonth` would. The months' own writes (snapshots,
 * alerts, scores) are not facts, so reading the facts up front gives the same result as reading
 * them month by month.
 */
export async function runMonths(ctx: AppContext, asOfs: readonly string[], options: RunOptions = {}): Promise<RunSummary[]> {
  if (asOfs.length === 0) return [];
  const span = [...asOfs].sort();
  const inputs = await loadReadingInputs(ctx.db, span[0] as string, span.at(-1) as string);
  const out: RunSummary[] = [];
  for (const asOf of asOfs) out.push(await storeMonth(ctx, asOf, readingsAsOf(inputs, asOf), options));
  return out;
}

async function storeMonth(ctx: AppContext, asOf: string, people: readonly PersonReadings[], options: RunOptions): Promise<RunSummary> {
  const policies = await policiesInForce(ctx.db, ctx, asOf);
  const hits = new Map<string, RuleHit[]>(people.map((p) => [p.member.personId, evaluateRules(policies, p.readings)]));
  return ctx.db.transaction().execute(async (trx) => {
    const runId = newId();
    const rows = await writeSnapshots(trx, ctx, asOf, runId, people);
    const scores = await scoreWithLatestModel(trx, ctx, asOf, people);
    const alerts = options.alerts === false ? { opened: 0, updated: 0 } : await openOrUpdateAlerts(trx, ctx, asOf, people, hits, scores);
    const cockpitFigures = options.cockpit === false ? 0 : await buildCockpitSnapshot(trx, ctx, asOf, people);
    const hash = createHash('sha256');
    for (const r of rows) hash.update(`${r.person_id}|${r.indicator}|${r.value}|${r.peer_key}|${r.peer_pct}\n`);
    for (const p of people)
      for (const h of hits.get(p.member.personId) ?? []) hash.update(`${p.member.personId}|${h.policy.code}|${h.level}|${explainHit(h)}\n`);
    const summary: RunSummary = {
      asOf,
      people: people.length,
      snapshots: rows.length,
      alertsOpened: alerts.opened,
      alertsUpdated: alerts.updated,
      cockpitFigures,
      hash: hash.digest('hex'),
    };
    const now = ctx.clock.now().toISOString();
    await trx
      .insertInto('ew_run')
      .values({
        id: runId,
        as_of: asOf,
        people: summary.people,
        snapshots: summary.snapshots,
        hash: summary.hash,
        finished_at: now,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    return summary;
  });
}
