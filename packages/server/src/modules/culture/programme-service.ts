import {
  measureOf,
  normalizePersonSet,
  type CreateProgrammeBody,
  type MyProgrammeView,
  type ParticipationBody,
  type ProgrammeDetail,
  type ProgrammeQuery,
  type ProgrammeView,
  type RegistrationView,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, checkedPersonSet, peopleInSetRelation } from '../personnel/people.ts';
import type { CultureProgrammeTable, CultureRegistrationTable } from './tables.ts';

/** The person a self-service call acts for (from the caller's linked account, never from the request). */
export interface Me {
  readonly id: string;
  readonly org_id: string;
  readonly name: string;
}

type ProgrammeRow = CultureProgrammeTable & { org_name: string; registered: number | string | null; attended: number | string | null };

const programmes = (db: Executor) =>
  db
    .selectFrom('culture_programme as g')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .selectAll('g')
    .select('o.name as org_name')
    .select((eb) => [
      eb
        .selectFrom('culture_registration as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.programme_id', '=', 'g.id')
        .as('registered'),
      eb
        .selectFrom('culture_registration as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.programme_id', '=', 'g.id')
        .where('r.attended', '=', 1)
        .as('attended'),
    ]);

export const presentProgramme = (g: ProgrammeRow): ProgrammeView => ({
  id: g.id,
  title: g.title,
  kind: g.kind,
  orgId: g.org_id,
  orgName: g.org_name,
  startDate: g.start_date,
  endDate: g.end_date,
  deadline: g.deadline,
  capacity: g.capacity,
  status: g.status,
  description: g.description,
  measure: measureOf(g.kind),
  registered: Number(g.registered ?? 0),
  attended: Number(g.attended ?? 0),
});

export async function programmeInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await programmes(db).where('g.id', '=', id).where(scopeWhere(scope, 'g.org_id')).executeTakeFirst();
  if (!row) throw new AppError('CULTURE_PROGRAMME_NOT_FOUND');
  return row;
}

export async function listProgrammes(ctx: AppContext, scope: ResolvedScope, q: ProgrammeQuery) {
  let base = ctx.db.selectFrom('culture_programme as g').where(scopeWhere(scope, 'g.org_id'));
  if (q.kind) base = base.where('g.kind', '=', q.kind);
  if (q.status) base = base.where('g.status', '=', q.status);
  if (q.orgId)
    base = base.where('g.org_id', 'in', ctx.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', q.orgId));
  if (q.keyword) base = base.where('g.title', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [ids, count] = await Promise.all([
    base
      .select('g.id')
      .orderBy('g.start_date', 'desc')
      .orderBy('g.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = ids.length
    ? await programmes(ctx.db)
        .where(
          'g.id',
          'in',
          ids.map((i) => i.id),
        )
        .orderBy('g.start_date', 'desc')
        .orderBy('g.id', 'desc')
        .execute()
    : [];
  return { items: rows.map(presentProgramme), total: Number(count.n) };
}

export async function createProgramme(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateProgrammeBody) {
  if (body.endDate < body.startDate || body.deadline > body.endDate) throw new AppError('CULTURE_PROGRAMME_DATES');
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const target = await checkedPersonSet(ctx.db, scope, body.target, 'CULTURE_TARGET_EMPTY');
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('culture_programme')
      .values({
        id,
        org_id: body.orgId,
        title: body.title.trim(),
        kind: body.kind,
        start_date: body.startDate,
        end_date: body.endDate,
        deadline: body.deadline,
        capacity: body.capacity ?? null,
        target: JSON.stringify(target),
        description: body.description ?? null,
        status: 'draft',
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.programme.create',
      objectType: 'culture_programme',
      objectId: id,
      detail: { title: body.title, kind: body.kind, capacity: body.capacity ?? null },
    });
  });
  return presentProgramme(await programmeInScope(ctx.db, scope, id));
}

export async function publishProgramme(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const row = await programmeInScope(ctx.db, scope, id);
  if (row.status === 'published') throw new AppError('CULTURE_ALREADY_PUBLISHED');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('culture_programme')
      .set({ status: 'published', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'culture.programme.publish', objectType: 'culture_programme', objectId: id });
  });
  return presentProgramme(await programmeInScope(ctx.db, scope, id));
}

const presentRegistration = (r: CultureRegistrationTable & { name: string; org_name: string }): RegistrationView => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  orgName: r.org_name,
  registeredAt: r.registered_at,
  attended: r.attended === null ? null : r.attended === 1,
  amount: r.amount_tenths === null ? null : r.amount_tenths / 10,
});

const registrations = (db: Executor) =>
  db
    .selectFrom('culture_registration as r')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'r.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('r')
    .select(['p.name', 'o.name as org_name']);

/** A programme with its target and registrations (names and units: the view is audited by the route). */
export async function programmeDetail(ctx: AppContext, scope: ResolvedScope, id: string): Promise<ProgrammeDetail> {
  const row = await programmeInScope(ctx.db, scope, id);
  const regs = await registrations(ctx.db).where('r.programme_id', '=', id).orderBy('r.registered_at').orderBy('r.id').execute();
  return { programme: presentProgramme(row), target: JSON.parse(row.target) as unknown, registrations: regs.map(presentRegistration) };
}

/**
 * Records who attended, with hours (reading) or kilometres (fitness) where the kind measures them;
 * recording again overwrites (a correction), and every change is audited.
 */
export async function recordParticipation(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: ParticipationBody) {
  const row = await programmeInScope(ctx.db, scope, id);
  if (row.status !== 'published') throw new AppError('CULTURE_NOT_PUBLISHED');
  const measure = measureOf(row.kind);
  const known = new Set(
    (await ctx.db.selectFrom('culture_registration').select('id').where('programme_id', '=', id).execute()).map((r) => r.id),
  );
  for (const r of body.records) {
    if (!known.has(r.registrationId)) throw new AppError('CULTURE_NOT_REGISTERED');
    if (measure && r.attended && (r.amount === undefined || r.amount === null)) throw new AppError('CULTURE_AMOUNT_REQUIRED');
  }
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of body.records)
      await trx
        .updateTable('culture_registration')
        .set({
          attended: r.attended ? 1 : 0,
          amount_tenths: measure && r.attended && typeof r.amount === 'number' ? Math.round(r.amount * 10) : null,
          recorded_by: actor.userId,
          recorded_at: now,
        })
        .where('id', '=', r.registrationId)
        .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.participation',
      objectType: 'culture_programme',
      objectId: id,
      detail: { records: body.records.length, attended: body.records.filter((r) => r.attended).length },
    });
  });
  return programmeDetail(ctx, scope, id);
}

/** Whether a person lies in a programme's target set today (any scope: the set was checked when stored). */
async function inTarget(ctx: AppContext, g: CultureProgrammeTable, personId: string): Promise<boolean> {
  const set = normalizePersonSet(JSON.parse(g.target));
  const hit = await ctx.db
    .selectFrom(peopleInSetRelation(ctx, ctx.db, { all: true }, set).as('p'))
    .select('p.id')
    .where('p.id', '=', personId)
    .executeTakeFirst();
  return hit !== undefined;
}

/**
 * 我的活动: published programmes open to the officer (in the target set) that have not ended more
 * than 90 days ago, and every programme they registered for.
 */
export async function myProgrammes(ctx: AppContext, me: Me): Promise<{ items: MyProgrammeView[] }> {
  const on = today(ctx.clock);
  const recent = new Date(Date.parse(`${on}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
  const mine = await registrations(ctx.db).where('r.person_id', '=', me.id).execute();
  const byProgramme = new Map(mine.map((r) => [r.programme_id, r]));
  const rows = await programmes(ctx.db)
    .where('g.status', '=', 'published')
    .where((eb) => eb.or([eb('g.end_date', '>=', recent), eb('g.id', 'in', mine.length ? mine.map((r) => r.programme_id) : [''])]))
    .orderBy('g.start_date', 'desc')
    .limit(200)
    .execute();
  const items: MyProgrammeView[] = [];
  for (const g of rows) {
    const reg = byProgramme.get(g.id);
    if (!reg && !(await inTarget(ctx, g, me.id))) continue;
    const view = presentProgramme(g);
    const full = view.capacity !== null && view.registered >= view.capacity;
    items.push({ programme: view, registration: reg ? presentRegistration(reg) : null, canRegister: !reg && on <= g.deadline && !full });
  }
  return { items };
}

async function openProgrammeFor(ctx: AppContext, me: Me, id: string) {
  const g = await programmes(ctx.db).where('g.id', '=', id).where('g.status', '=', 'published').executeTakeFirst();
  // Someone outside the target set learns nothing about the programme.
  if (!g || !(await inTarget(ctx, g, me.id))) throw new AppError('CULTURE_PROGRAMME_NOT_FOUND');
  return g;
}

/**
 * An officer registers (on a phone): published, in the target set, on or before the deadline, and
 * while places remain. The programme row is touched first inside the transaction, which takes its
 * row lock on PostgreSQL (SQLite has one writer anyway), so concurrent registrations are counted
 * one after another and the capacity is never exceeded.
 */
export async function register(ctx: AppContext, actor: AuditActor, me: Me, id: string) {
  const g = await openProgrammeFor(ctx, me, id);
  if (today(ctx.clock) > g.deadline) throw new AppError('CULTURE_DEADLINE_PASSED');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('culture_programme').set({ updated_at: now }).where('id', '=', id).execute();
    const taken = await trx
      .selectFrom('culture_registration')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_id', '=', id)
      .executeTakeFirstOrThrow();
    const already = await trx
      .selectFrom('culture_registration')
      .select('id')
      .where('programme_id', '=', id)
      .where('person_id', '=', me.id)
      .executeTakeFirst();
    if (already) throw new AppError('CULTURE_ALREADY_REGISTERED');
    if (g.capacity !== null && Number(taken.n) >= g.capacity) throw new AppError('CULTURE_FULL');
    const regId = newId();
    await trx
      .insertInto('culture_registration')
      .values({
        id: regId,
        programme_id: id,
        person_id: me.id,
        registered_at: now,
        attended: null,
        amount_tenths: null,
        recorded_by: null,
        recorded_at: null,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'culture.register', objectType: 'culture_registration', objectId: regId });
  });
  return (await myProgrammes(ctx, me)).items.find((i) => i.programme.id === id)!;
}

/** Withdraws a registration before the deadline (frees the place); not once participation is recorded. */
export async function cancelRegistration(ctx: AppContext, actor: AuditActor, me: Me, id: string) {
  const g = await openProgrammeFor(ctx, me, id);
  if (today(ctx.clock) > g.deadline) throw new AppError('CULTURE_DEADLINE_PASSED');
  const reg = await ctx.db
    .selectFrom('culture_registration')
    .select(['id', 'attended'])
    .where('programme_id', '=', id)
    .where('person_id', '=', me.id)
    .executeTakeFirst();
  if (!reg || reg.attended !== null) throw new AppError('CULTURE_NOT_REGISTERED');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('culture_registration').where('id', '=', reg.id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.register.cancel',
      objectType: 'culture_registration',
      objectId: reg.id,
    });
  });
  return myProgrammes(ctx, me);
}
