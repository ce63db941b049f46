import {
  normalizePersonSet,
  ON_FORCE_STATUSES,
  roundHours,
  type HoursSource,
  type CreatePersonBody,
  type NormalizedPersonSet,
  type PersonSet,
  type UpdatePersonBody,
} from '@zhenggong/core';
import { sql, type SqlBool } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { findPersonByIdIndex } from './person-queries.ts';
import { today, toPersonRow } from './person-rows.ts';
import { insertPersonWithHistory, invalid, updatePersonIn } from './person-service.ts';
import { personSetWhere } from './person-set-query.ts';

/**
 * The public face of personnel (队伍信息): everything other modules may know about people, and
 * the only way they read or write personnel's data. They never name personnel's tables; they
 * join the relations below, call the functions, and get the columns listed here (never the
 * encrypted values). See docs/adr/013-person-sets.md.
 */

export { isOnForce, ON_FORCE_STATUSES } from '@zhenggong/core';
/** Today's date on the app's clock (ages, contract ends): the helper the personnel forms use. */
export { today };
/** Chinese names of person statuses (在职, 合同期满 …), as personnel's own exports write them. */
export { statusNames as personStatusNames } from './export/export-columns.ts';

/** Columns other modules may read; masked or derived values only. */
const PUBLIC_COLUMNS = [
  'id',
  'kind',
  'name',
  'name_pinyin',
  'name_initials',
  'id_number_masked',
  'sex',
  'birth_date',
  'org_id',
  'post',
  'rank',
  'rank_date',
  'officer_level',
  'level_date',
  'post_level',
  'education',
  'tech_level',
  'police_number',
  'aux_category',
  'contract_end',
  'status',
  'status_date',
  'work_start_date',
  'police_start_date',
  'city_code',
] as const;
export type PersonColumn = (typeof PUBLIC_COLUMNS)[number];

/**
 * Everyone, as a relation to join or select from under an alias:
 * `.innerJoin(allPeople(db).as('p'), 'p.id', 'x.person_id')`. For rows already scoped by their own
 * org column, and for a person acting on their own record.
 */
export const allPeople = (db: Executor) => db.selectFrom('person').select(PUBLIC_COLUMNS);

/**
 * The people the scope may see (by their current unit), as a relation: lists of a module's own
 * rows scoped through the person join this (`.innerJoin(scopedPeople(db, scope).as('p'), …)`), so
 * a transfer moves visibility with the person. The subquery is a plain projection with a filter,
 * which SQLite's query flattener and PostgreSQL's subquery pull-up turn into an ordinary join.
 */
export const scopedPeople = (db: Executor, scope: ResolvedScope) => allPeople(db).where(scopeWhere(scope, 'org_id'));

/** On-the-force people the scope may see. */
export const scopedPeopleOnForce = (db: Executor, scope: ResolvedScope) => scopedPeople(db, scope).where('status', 'in', ON_FORCE_STATUSES);

/** Validates and normalises a set named in a request: its units and named people must lie inside the caller's scope. */
export { checkedPersonSet } from './person-set-check.ts';
export { peopleFigures, type PeopleFigures } from './person-aggregates.ts';
export { normalizePersonSet, type NormalizedPersonSet, type PersonSet };

export interface PersonBrief {
  id: string;
  name: string;
  name_pinyin: string;
  kind: 'officer' | 'auxiliary';
  status: string;
  org_id: string;
  org_name: string;
  post: string | null;
  rank: string | null;
  officer_level: string | null;
  police_number: string | null;
  city_code: string;
}

const briefColumns = [
  'p.id',
  'p.name',
  'p.name_pinyin',
  'p.kind',
  'p.status',
  'p.org_id',
  'o.name as org_name',
  'p.post',
  'p.rank',
  'p.officer_level',
  'p.police_number',
  'p.city_code',
] as const;

/**
 * People in the caller's scope matching a set, ordered by name (pinyin), each with their unit's
 * name. `only` narrows to some ids (a page, a check); `page` returns one page and the total.
 */
export async function peopleInSet(
  ctx: AppContext,
  db: Executor,
  scope: ResolvedScope,
  set: PersonSet | NormalizedPersonSet,
  only?: readonly string[],
): Promise<PersonBrief[]> {
  let q = setQuery(ctx, db, scope, set);
  if (only) q = q.where('p.id', 'in', only.length > 0 ? [...only] : ['']);
  return q.select(briefColumns).orderBy('p.name_pinyin').orderBy('p.id').execute();
}

/**
 * People in scope matching a set as a relation, for callers that choose their own columns, order
 * and paging: `db.selectFrom(peopleInSetRelation(ctx, db, scope, set).as('p')).select(['p.id', 'p.birth_date'])`.
 */
export const peopleInSetRelation = (ctx: AppContext, db: Executor, scope: ResolvedScope, set: PersonSet | NormalizedPersonSet) =>
  scopedPeople(db, scope).where(personSetWhere(normalizePersonSet(set), today(ctx), 'person'));

/** One page of `peopleInSet` with the total. */
export async function pageOfPeopleInSet(
  ctx: AppContext,
  scope: ResolvedScope,
  set: PersonSet | NormalizedPersonSet,
  page: { page: number; pageSize: number },
): Promise<{ items: PersonBrief[]; total: number }> {
  const q = setQuery(ctx, ctx.db, scope, set);
  const [items, total] = await Promise.all([
    q
      .select(briefColumns)
      .orderBy('p.name_pinyin')
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** People matching ANY of the sets (a union, as exam targets are), in scope; ids and units only. */
export async function peopleInAnySet(
  ctx: AppContext,
  db: Executor,
  scope: ResolvedScope,
  sets: readonly (PersonSet | NormalizedPersonSet)[],
): Promise<{ id: string; org_id: string }[]> {
  if (sets.length === 0) return [];
  const day = today(ctx);
  const any = sql<SqlBool>`(${sql.join(
    sets.map((s) => personSetWhere(normalizePersonSet(s), day)),
    sql` or `,
  )})`;
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.org_id'])
    .where(any)
    .where(scopeWhere(scope, 'p.org_id'))
    .orderBy('p.id')
    .execute();
}

function setQuery(ctx: AppContext, db: Executor, scope: ResolvedScope, set: PersonSet | NormalizedPersonSet) {
  return db
    .selectFrom('person as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(personSetWhere(normalizePersonSet(set), today(ctx)))
    .where(scopeWhere(scope, 'p.org_id'));
}

/** The people among `ids` the scope may see (any status), with their unit; chunked for long lists. */
export async function peopleInScope(db: Executor, scope: ResolvedScope, ids: readonly string[]): Promise<PersonBrief[]> {
  const unique = [...new Set(ids)];
  const out: PersonBrief[] = [];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    out.push(
      ...(await db
        .selectFrom('person as p')
        .innerJoin('org as o', 'o.id', 'p.org_id')
        .select(briefColumns)
        .where('p.id', 'in', chunk)
        .where(scopeWhere(scope, 'p.org_id'))
        .execute()),
    );
  }
  return out;
}

/**
 * Asserts every one of `ids` exists inside the caller's scope; `refuse` builds the module's own
 * error from the missing ids (a person outside scope is reported exactly like one that does not exist).
 */
export async function assertPeopleInScope(
  db: Executor,
  scope: ResolvedScope,
  ids: readonly string[],
  refuse: (missing: string[]) => AppError = () => new AppError('PERSON_NOT_FOUND'),
): Promise<PersonBrief[]> {
  const found = await peopleInScope(db, scope, ids);
  const seen = new Set(found.map((p) => p.id));
  const missing = [...new Set(ids)].filter((id) => !seen.has(id));
  if (missing.length > 0) throw refuse(missing);
  return found;
}

/** Brief records of people by id, whatever the scope (for rows already authorised by their own org). */
export async function personBriefs(db: Executor, ids: readonly string[]): Promise<Map<string, PersonBrief>> {
  return new Map((await peopleInScope(db, { all: true }, ids)).map((p) => [p.id, p]));
}

export async function personBrief(db: Executor, id: string): Promise<PersonBrief | undefined> {
  return (await personBriefs(db, [id])).get(id);
}

/** The person record linked to an account; self-service never takes a person id from the request. */
export async function linkedPersonOf(db: Executor, userId: string): Promise<{ id: string; org_id: string; name: string } | undefined> {
  return db
    .selectFrom('app_user as u')
    .innerJoin('person as p', 'p.id', 'u.person_id')
    .select(['p.id', 'p.org_id', 'p.name'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** The caller's own person record; self-service pages refuse accounts without one. */
export async function linkedPerson(db: Executor, principal: { userId: string }): Promise<{ id: string; org_id: string; name: string }> {
  const row = await linkedPersonOf(db, principal.userId);
  if (!row) throw new AppError('PERSON_NOT_LINKED');
  return row;
}

/**
 * Creates a person record (录用, fixtures) in the caller's transaction: checked and encrypted by
 * the same row builder as the form and the importer, with the first history rows dated `startDate`.
 * The caller audits the event in its own words.
 */
export async function createPersonRecord(
  trx: Trx,
  ctx: AppContext,
  input: CreatePersonBody,
  startDate: string,
): Promise<{ id: string; name: string }> {
  const result = toPersonRow(ctx, input);
  if (!result.ok) throw invalid(result.problems);
  const row = result.row;
  if (await findPersonByIdIndex(trx, row.id_number_bidx)) throw new AppError('PERSON_ID_TAKEN');
  await insertPersonWithHistory(trx, row, startDate);
  return { id: row.id, name: row.name };
}

/** Changes a person through the personnel service (history rows and audit written there), in the caller's transaction. */
export const changePerson = (trx: Trx, ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdatePersonBody) =>
  updatePersonIn(trx, ctx, scope, actor, id, body);

/** The contract end date on the person record (follows the active auxiliary contract). */
export async function contractEndOf(db: Executor, personId: string): Promise<string | null> {
  const row = await db.selectFrom('person').select('contract_end').where('id', '=', personId).executeTakeFirstOrThrow();
  return row.contract_end;
}

/**
 * Ids of people who belonged to the unit or a unit below it on some day of [from, to], from the
 * membership history (closed when someone leaves the force), for rosters of a past period.
 */
export const membersDuring = (db: Executor, orgId: string, from: string, to: string) =>
  db
    .selectFrom('person_org_history as h')
    .select('h.person_id')
    .where('h.start_date', '<=', to)
    .where((w) => w.or([w('h.end_date', 'is', null), w('h.end_date', '>', from)]))
    .where('h.org_id', 'in', (s) => s.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId));

/** True once any person is on record (the demo seeder leaves a populated database alone). */
export async function anyPersonExists(db: Executor): Promise<boolean> {
  return (await db.selectFrom('person').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export interface TrainingRecord {
  personId: string;
  date: string;
  course: string;
  /** One decimal (3.5); rounded to the ledger's precision on the way in. */
  hours: number;
  organizer: string | null;
  /** Who credits the hours: a training completion, approved study, or another source. */
  source?: HoursSource;
  /** The row that wrote the line, so undoing it removes exactly this line. */
  refId?: string | null;
}

/** Adds a line to the person's 学时 ledger (学时台账); returns its id so the caller can undo it. */
export async function addTrainingRecord(trx: Trx, ctx: AppContext, r: TrainingRecord): Promise<string> {
  const id = newId();
  await trx
    .insertInto('person_training')
    .values({
      id,
      person_id: r.personId,
      date: r.date,
      course: r.course,
      hours: roundHours(r.hours),
      organizer: r.organizer,
      source: r.source ?? 'training',
      ref_id: r.refId ?? null,
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return id;
}

export async function removeTrainingRecord(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('person_training').where('id', '=', id).execute();
}

/** Removes the ledger lines a source row wrote (a study record re-decided, a completion revoked). */
export async function removeHoursOfRef(trx: Trx, refId: string): Promise<void> {
  await trx.deleteFrom('person_training').where('ref_id', '=', refId).execute();
}

/** A person's 学时 ledger, newest first. */
export const trainingRecordsOf = (db: Executor, personId: string) =>
  db
    .selectFrom('person_training')
    .select(['date', 'course', 'hours', 'organizer', 'source'])
    .where('person_id', '=', personId)
    .orderBy('date', 'desc')
    .execute();

/** 学时 per person dated in [from, to], every source counted (or only the given ones); people without any are absent. */
export async function trainingHoursOf(
  db: Executor,
  personIds: readonly string[],
  from: string,
  to: string,
  sources?: readonly HoursSource[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < personIds.length; i += 500) {
    let q = db
      .selectFrom('person_training')
      .select(['person_id', sql<number>`sum(hours)`.as('h')])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('date', '>=', from)
      .where('date', '<=', to);
    if (sources && sources.length > 0) q = q.where('source', 'in', [...sources]);
    const rows = await q.groupBy('person_id').execute();
    for (const r of rows) out.set(r.person_id, roundHours(Number(r.h)));
  }
  return out;
}

export { awardsMatching, educationMatching, onForceIdsInScope } from './person-evidence.ts';
export {
  addAwardLine,
  addDisciplineLine,
  appraisalLinesOf,
  awardLinesOf,
  disciplineLinesOf,
  endDisciplineLine,
  levelLinesOf,
  rankLinesOf,
  recordAppraisal,
  setPartyStanding,
  recordAppraisals,
  trainingLinesOf,
  promoteGrade,
  promoteRank,
  addPastLevelLines,
  type PastLevelLine,
  recordLinesBetween,
  type AppraisalLine,
  type AwardLine,
  type DisciplineLine,
} from './person-history.ts';
export { linkAccount } from './person-account.ts';

/** Synthetic people for the demo bureau, benchmarks and tests of other modules at realistic sizes. */
export { seedDemoPeople } from './demo/demo-people.ts';

/** Adds many training-hours records in one go (bulk intake, generated histories). */
export async function addTrainingRecords(trx: Trx, ctx: AppContext, records: readonly TrainingRecord[]): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const rows = records.map((r) => ({
    id: newId(),
    person_id: r.personId,
    date: r.date,
    course: r.course,
    hours: r.hours,
    organizer: r.organizer,
    city_code: ctx.config.cityCode,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('person_training')
      .values(rows.slice(i, i + 500))
      .execute();
}
