import type { Executor, Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Dated record lines other modules write when their own process decides something about a person
 * (an award decided, a discipline decision, an appraisal grade confirmed, a grade or rank
 * promotion), and read when they compute from a person's history. The calling module owns the
 * transaction and the audit entry of its decision; these only keep the person's record in step.
 */

const CHUNK = 500;

async function chunked<T>(ids: readonly string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

const stamp = (ctx: AppContext) => ({ id: newId(), city_code: ctx.config.cityCode, created_at: ctx.clock.now().toISOString() });

export interface AwardLine {
  personId: string;
  date: string;
  name: string;
  level: string | null;
  issuer: string | null;
}

/** Writes an award (奖励) line to the person's record; returns its id. */
export async function addAwardLine(trx: Trx, ctx: AppContext, a: AwardLine): Promise<string> {
  const row = { ...stamp(ctx), person_id: a.personId, date: a.date, name: a.name, level: a.level, issuer: a.issuer };
  await trx.insertInto('person_award').values(row).execute();
  return row.id;
}

/** Award lines of these people, oldest first. */
export const awardLinesOf = (db: Executor, personIds: readonly string[]) =>
  chunked(personIds, (ids) =>
    db
      .selectFrom('person_award')
      .select(['id', 'person_id', 'date', 'name', 'level', 'issuer'])
      .where('person_id', 'in', ids)
      .orderBy('date')
      .execute(),
  );

export interface DisciplineLine {
  personId: string;
  date: string;
  kind: string;
  reason: string | null;
  endDate: string | null;
}

/** Writes a discipline (处分) line to the person's record; returns its id. */
export async function addDisciplineLine(trx: Trx, ctx: AppContext, d: DisciplineLine): Promise<string> {
  const row = { ...stamp(ctx), person_id: d.personId, date: d.date, kind: d.kind, reason: d.reason, end_date: d.endDate };
  await trx.insertInto('person_discipline').values(row).execute();
  return row.id;
}

/** Sets the end (解除) of a discipline line. */
export async function endDisciplineLine(trx: Trx, id: string, endDate: string): Promise<void> {
  await trx.updateTable('person_discipline').set({ end_date: endDate }).where('id', '=', id).execute();
}

/** Discipline lines of these people, oldest first. */
export const disciplineLinesOf = (db: Executor, personIds: readonly string[]) =>
  chunked(personIds, (ids) =>
    db
      .selectFrom('person_discipline')
      .select(['id', 'person_id', 'date', 'kind', 'reason', 'end_date'])
      .where('person_id', 'in', ids)
      .orderBy('date')
      .execute(),
  );

export interface AppraisalLine {
  personId: string;
  year: number;
  /** The appraisal grade's code (优秀 / 称职 / 基本称职 / 不称职, or the auxiliary-police variant). */
  grade: string;
  /** Who wrote it: the assessment module, or a clerk entering a year before the platform. */
  source: string;
  note: string | null;
}

/** Writes the year's appraisal grade, replacing an earlier line of the same year. */
export async function recordAppraisal(trx: Trx, ctx: AppContext, a: AppraisalLine): Promise<void> {
  await trx.deleteFrom('person_appraisal').where('person_id', '=', a.personId).where('year', '=', a.year).execute();
  await trx
    .insertInto('person_appraisal')
    .values({ ...stamp(ctx), person_id: a.personId, year: a.year, grade: a.grade, source: a.source, note: a.note })
    .execute();
}

/** Appraisal lines of these people, by year. */
export const appraisalLinesOf = (db: Executor, personIds: readonly string[]) =>
  chunked(personIds, (ids) =>
    db
      .selectFrom('person_appraisal')
      .select(['person_id', 'year', 'grade', 'source', 'note'])
      .where('person_id', 'in', ids)
      .orderBy('year')
      .execute(),
  );

/** Grade (职级) history of these people, oldest first. */
export const levelLinesOf = (db: Executor, personIds: readonly string[]) =>
  chunked(personIds, (ids) =>
    db
      .selectFrom('person_level_history')
      .select(['id', 'person_id', 'sequence', 'level', 'start_date', 'end_date'])
      .where('person_id', 'in', ids)
      .orderBy('start_date')
      .execute(),
  );

/** Police rank (警衔) history of these people, oldest first. */
export const rankLinesOf = (db: Executor, personIds: readonly string[]) =>
  chunked(personIds, (ids) =>
    db
      .selectFrom('person_rank_history')
      .select(['id', 'person_id', 'rank', 'start_date', 'note'])
      .where('person_id', 'in', ids)
      .orderBy('start_date')
      .execute(),
  );

/**
 * Keeps the person's political status (GB/T 4762: 01 中共党员, 02 中共预备党员) and party join date
 * in step with the party module's member pipeline: admission as a probationary member sets 02 and
 * the join date, conversion sets 01 (the join date stays the admission date, as 党章 Art. 7 counts
 * party standing from the end of probation but the record keeps the admission day).
 */
export async function setPartyStanding(
  trx: Trx,
  ctx: AppContext,
  personId: string,
  standing: { politicalStatus: '01' | '02'; partyJoinDate: string },
): Promise<void> {
  await trx
    .updateTable('person')
    .set({ political_status: standing.politicalStatus, party_join_date: standing.partyJoinDate, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', personId)
    .execute();
}
/** Training lines (date, course) of these people, oldest first: promotion training gates read them. */
export const trainingLinesOf = (db: Executor, personIds: readonly string[]) =>
  chunked(personIds, (ids) =>
    db.selectFrom('person_training').select(['person_id', 'date', 'course']).where('person_id', 'in', ids).orderBy('date').execute(),
  );

/**
 * A grade promotion decided (职级晋升, 套改 confirmed): closes the open line of the sequence on
 * `date`, opens the new one, and sets the current grade with its 职级任职时间 on the person.
 */
export async function promoteGrade(
  trx: Trx,
  ctx: AppContext,
  g: { personId: string; sequence: 'officer' | 'tech'; level: string; date: string },
): Promise<void> {
  await trx
    .updateTable('person_level_history')
    .set({ end_date: g.date })
    .where('person_id', '=', g.personId)
    .where('sequence', '=', g.sequence)
    .where('end_date', 'is', null)
    .execute();
  await trx
    .insertInto('person_level_history')
    .values({ ...stamp(ctx), person_id: g.personId, sequence: g.sequence, level: g.level, start_date: g.date, end_date: null })
    .execute();
  const now = ctx.clock.now().toISOString();
  await trx
    .updateTable('person')
    .set(
      g.sequence === 'officer' ? { officer_level: g.level, level_date: g.date, updated_at: now } : { tech_level: g.level, updated_at: now },
    )
    .where('id', '=', g.personId)
    .execute();
}

/** A 警衔 promotion decided (晋衔): a rank line dated `date` and the person's current rank with that date. */
export async function promoteRank(
  trx: Trx,
  ctx: AppContext,
  r: { personId: string; rank: string; date: string; note: string | null },
): Promise<void> {
  await trx
    .insertInto('person_rank_history')
    .values({ ...stamp(ctx), person_id: r.personId, rank: r.rank, start_date: r.date, note: r.note })
    .execute();
  await trx
    .updateTable('person')
    .set({ rank: r.rank, rank_date: r.date, updated_at: ctx.clock.now().toISOString() })
    .where('id', '=', r.personId)
    .execute();
}

export interface PastLevelLine {
  personId: string;
  sequence: 'officer' | 'tech' | 'admin';
  level: string;
  startDate: string;
  endDate: string | null;
}

/**
 * Grade lines of the past entered as records (posts of earlier schemes: 2016 警员职务, former
 * 非领导职务), without touching the current grade; for backfills and the demo city.
 */
export async function addPastLevelLines(trx: Trx, ctx: AppContext, lines: readonly PastLevelLine[]): Promise<void> {
  for (let i = 0; i < lines.length; i += 200) {
    await trx
      .insertInto('person_level_history')
      .values(
        lines.slice(i, i + 200).map((l) => ({
          ...stamp(ctx),
          person_id: l.personId,
          sequence: l.sequence,
          level: l.level,
          start_date: l.startDate,
          end_date: l.endDate,
        })),
      )
      .execute();
  }
}

/** Many appraisal lines at once (a clerk's backfill of earlier years, the demo city); years already on record are replaced. */
export async function recordAppraisals(trx: Trx, ctx: AppContext, lines: readonly AppraisalLine[]): Promise<void> {
  const byYear = new Map<number, string[]>();
  for (const l of lines) byYear.set(l.year, [...(byYear.get(l.year) ?? []), l.personId]);
  for (const [year, ids] of byYear)
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .deleteFrom('person_appraisal')
        .where('year', '=', year)
        .where('person_id', 'in', ids.slice(i, i + 500))
        .execute();
  for (let i = 0; i < lines.length; i += 200) {
    await trx
      .insertInto('person_appraisal')
      .values(
        lines
          .slice(i, i + 200)
          .map((a) => ({ ...stamp(ctx), person_id: a.personId, year: a.year, grade: a.grade, source: a.source, note: a.note })),
      )
      .execute();
  }
}

/**
 * Record lines of everyone dated in [from, to], for modules that compute over the whole force at
 * once (the monthly early-warning job) rather than person by person.
 */
export const recordLinesBetween = {
  awards: (db: Executor, from: string, to: string) =>
    db.selectFrom('person_award').select(['id', 'person_id', 'date', 'level']).where('date', '>=', from).where('date', '<=', to).execute(),
  discipline: (db: Executor, from: string, to: string) =>
    db
      .selectFrom('person_discipline')
      .select(['id', 'person_id', 'date', 'kind', 'end_date'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
  appraisals: (db: Executor, fromYear: number, toYear: number) =>
    db
      .selectFrom('person_appraisal')
      .select(['id', 'person_id', 'year', 'grade'])
      .where('year', '>=', fromYear)
      .where('year', '<=', toYear)
      .execute(),
  training: (db: Executor, from: string, to: string) =>
    db
      .selectFrom('person_training')
      .select(['id', 'person_id', 'date', 'hours'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
  /** Moves to another unit: org-history lines starting in the range that follow an earlier line of the same person. */
  transfers: (db: Executor, from: string, to: string) =>
    db
      .selectFrom('person_org_history as h')
      .select(['h.id', 'h.person_id', 'h.start_date'])
      .where('h.start_date', '>=', from)
      .where('h.start_date', '<=', to)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('person_org_history as e')
            .select('e.id')
            .whereRef('e.person_id', '=', 'h.person_id')
            .whereRef('e.start_date', '<', 'h.start_date'),
        ),
      )
      .execute(),
};
