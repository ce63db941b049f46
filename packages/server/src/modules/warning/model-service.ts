import {
  addMonthEnds,
  contributions,
  fitRidgeLogistic,
  INDICATORS,
  indicatorDef,
  modelScore,
  type FittedModel,
  type IndicatorReading,
  type ModelFeature,
} from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { storedReadings, type PersonReadings } from './readings.ts';

/**
 * The optional transparent model (design §A6). Trained on stored snapshots of as-of dates whose
 * label window (t, t+H] has closed by the training date — so no training label overlaps what it
 * is later tested on — with the label "an adverse outcome recorded in the next H months". It only
 * orders people; its per-indicator contributions go with each alert.
 */
export const HORIZON_MONTHS = 6;

/**
 * One form per indicator, context signals left out: counts that depend on how a unit records
 * them (complaints) by peer percentile, continuous peer-normalised measures by robust z within
 * the peer group (keeps the size of a change, removes the group's level), the rest as values.
 */
const FORMS: Record<string, ModelFeature['form']> = { DISC_COMPLAINT_12M: 'pct', DISC_COMPLAINT_3M: 'pct', HEALTH_WEARABLE_3M: 'value' };
export const MODEL_FEATURES: readonly ModelFeature[] = INDICATORS.filter((d) => !d.contextOnly).map((d) => ({
  indicator: d.code,
  form: FORMS[d.code] ?? (d.peer ? 'z' : 'value'),
}));

export const featureVector = (readings: ReadonlyMap<string, IndicatorReading> | undefined, features = MODEL_FEATURES) =>
  features.map((f) => {
    const r = readings?.get(f.indicator);
    return (f.form === 'pct' ? r?.pct : f.form === 'z' ? r?.z : r?.value) ?? null;
  });

/** Outcomes recorded (and known by `knownBy`) with their date in (from, to]: who and when, in one query. */
export async function outcomeEvents(
  db: Executor,
  ctx: AppContext,
  from: string,
  to: string,
  knownBy: string,
): Promise<{ personId: string; date: string }[]> {
  const rows = await db
    .selectFrom('ew_fact')
    .select(['person_id', 'event_date'])
    .where('kind', '=', 'outcome')
    .where('voided', '=', 0)
    .where('event_date', '>', from)
    .where('event_date', '<=', to)
    .where('known_date', '<=', knownBy)
    .where('city_code', '=', ctx.config.cityCode)
    .execute();
  return rows.map((r) => ({ personId: r.person_id, date: r.event_date }));
}

/** People with an outcome recorded (and known by `knownBy`) with its date in (from, to]. */
export async function outcomesBetween(db: Executor, ctx: AppContext, from: string, to: string, knownBy: string): Promise<Set<string>> {
  return new Set((await outcomeEvents(db, ctx, from, to, knownBy)).map((e) => e.personId));
}

/** Fits on the snapshots of `asOfs` that are at least H months before `through`; stores and returns the model. */
export async function trainModel(
  ctx: AppContext,
  through: string,
  asOfs: readonly string[],
  read: (asOf: string) => Promise<Map<string, Map<string, IndicatorReading>>> = (asOf) => storedReadings(ctx.db, ctx, asOf),
): Promise<FittedModel & { version: string; rows: number }> {
  const dates = asOfs.filter((t) => addMonthEnds(t, HORIZON_MONTHS) <= through);
  // The labels of every training date from one read of the outcomes, not one query per date.
  const sorted = [...dates].sort();
  const events = sorted.length
    ? await outcomeEvents(ctx.db, ctx, sorted[0] as string, addMonthEnds(sorted.at(-1) as string, HORIZON_MONTHS), through)
    : [];
  const rows: { x: (number | null)[]; y: 0 | 1 }[] = [];
  for (const t of dates) {
    const readings = await read(t);
    const end = addMonthEnds(t, HORIZON_MONTHS);
    const positives = new Set(events.filter((e) => e.date > t && e.date <= end).map((e) => e.personId));
    for (const [personId, r] of readings) rows.push({ x: featureVector(r), y: positives.has(personId) ? 1 : 0 });
  }
  const fitted = fitRidgeLogistic(rows, MODEL_FEATURES);
  const version = `ew-lr-${through}`;
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('ew_model')
    .values({
      id: newId(),
      version,
      trained_through: through,
      body: JSON.stringify(fitted),
      metrics: JSON.stringify({ rows: rows.length, positives: rows.filter((r) => r.y === 1).length, horizonMonths: HORIZON_MONTHS }),
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
  return { ...fitted, version, rows: rows.length };
}

export interface PersonScore {
  readonly version: string;
  readonly score: number;
  readonly rankPct: number;
  readonly top: readonly { indicator: string; name: string; value: number | null; logit: number }[];
}

/** Scores and ranks everyone with a model; the top three positive contributions explain each score. */
export function scoreAll(
  model: FittedModel,
  version: string,
  people: ReadonlyMap<string, ReadonlyMap<string, IndicatorReading>>,
): Map<string, PersonScore> {
  const scored = [...people].map(([personId, readings]) => {
    const x = featureVector(readings, model.features);
    return { personId, x, score: modelScore(model, x) };
  });
  const order = [...scored].sort((a, b) => a.score - b.score || (a.personId < b.personId ? -1 : 1));
  const rank = new Map(order.map((s, i) => [s.personId, order.length > 1 ? i / (order.length - 1) : 1]));
  return new Map(
    scored.map((s) => {
      const c = contributions(model, s.x)
        .map((logit, j) => ({ j, logit }))
        .filter((e) => e.logit > 0)
        .sort((a, b) => b.logit - a.logit)
        .slice(0, 3)
        .map(({ j, logit }) => {
          const code = model.features[j]?.indicator ?? '';
          return { indicator: code, name: indicatorDef(code)?.zh ?? code, value: s.x[j] ?? null, logit: Math.round(logit * 100) / 100 };
        });
      return [s.personId, { version, score: s.score, rankPct: rank.get(s.personId) ?? 0, top: c }];
    }),
  );
}

/** Scores the month with the newest model trained on or before it (none: no scores) and stores the scores. */
export async function scoreWithLatestModel(
  trx: Trx,
  ctx: AppContext,
  asOf: string,
  people: readonly PersonReadings[],
): Promise<Map<string, PersonScore>> {
  const row = await trx
    .selectFrom('ew_model')
    .select(['version', 'body'])
    .where('trained_through', '<=', asOf)
    .where('city_code', '=', ctx.config.cityCode)
    .orderBy('trained_through', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  await trx.deleteFrom('ew_model_score').where('as_of', '=', asOf).where('city_code', '=', ctx.config.cityCode).execute();
  if (!row) return new Map();
  const model = JSON.parse(row.body) as FittedModel; // written by trainModel
  const scores = scoreAll(model, row.version, new Map(people.map((p) => [p.member.personId, p.readings])));
  const rows = [...scores].map(([person_id, s]) => ({
    as_of: asOf,
    person_id,
    score: s.score,
    rank_pct: s.rankPct,
    city_code: ctx.config.cityCode,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('ew_model_score')
      .values(rows.slice(i, i + 500))
      .execute();
  return scores;
}
