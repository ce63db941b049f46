import {
  annualEntitlement,
  homeVisitEntitlement,
  leaveDayList,
  type ApplyLeaveBody,
  type LeaveKind,
  type LeaveListQuery,
  type LeaveView,
  type LedgerEntryBody,
  type LedgerResponse,
  type LeaveYearFacts,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { loadCalendar } from '../../platform/workflow/calendar.ts';
import { withdrawCase } from '../../platform/workflow/actions.ts';
import { caseIdsFor, submitCase } from '../../platform/workflow/engine.ts';
import type { CaseOutcome } from '../../platform/workflow/registry.ts';
import { allPeople, linkedPerson, scopedPeople, today } from '../personnel/people.ts';
import type { LeaveApplicationTable } from './tables.ts';
import { ruleValue } from './welfare-rules.ts';

export const LEAVE_KIND = 'welfare.leave';
export const LEAVE_LEADER_KIND = 'welfare.leave.leader';

/** The facts about a person that leave rules need; non-sensitive columns only. */
export async function personFacts(db: Executor, personId: string) {
  const p = await allPeople(db)
    .where('id', '=', personId)
    .select(['id', 'name', 'org_id', 'work_start_date', 'post', 'status', 'kind'])
    .executeTakeFirst();
  if (!p) throw new AppError('PERSON_NOT_FOUND');
  return p;
}

export async function kindsInForce(ctx: AppContext, date: string, db: Executor = ctx.db): Promise<readonly LeaveKind[]> {
  return (await ruleValue(ctx, db, 'leaveKinds', date)).kinds;
}

/** Cases of leave rows under either approval kind. */
async function leaveCaseIds(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const [a, b] = await Promise.all([caseIdsFor(db, LEAVE_KIND, ids), caseIdsFor(db, LEAVE_LEADER_KIND, ids)]);
  return new Map([...a, ...b]);
}

type Row = LeaveApplicationTable & { name: string; org_id: string; org_name: string };

function present(r: Row, kinds: readonly LeaveKind[], caseId: string | null): LeaveView {
  return {
    id: r.id,
    personId: r.person_id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    kindName: kinds.find((k) => k.code === r.kind)?.name ?? r.kind,
    startDate: r.start_date,
    endDate: r.end_date,
    days: Number(r.days),
    counting: r.counting,
    reason: r.reason,
    status: r.status,
    caseId,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  };
}

const withPeople = (db: Executor, people: ReturnType<typeof allPeople>) =>
  db
    .selectFrom('leave_application as l')
    .innerJoin(people.as('p'), 'p.id', 'l.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('l')
    .select(['p.name', 'p.org_id', 'o.name as org_name']);

async function presentAll(ctx: AppContext, rows: Row[], db: Executor = ctx.db): Promise<LeaveView[]> {
  const kinds = await kindsInForce(ctx, today(ctx), db);
  const cases = await leaveCaseIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, kinds, cases.get(r.id) ?? null));
}

/** Sick days, personal days and annual days of a person's approved leave starting in `year` (up to `asOf`). */
export async function yearFacts(ctx: AppContext, db: Executor, personId: string, year: number, asOf?: string): Promise<LeaveYearFacts> {
  const kinds = await kindsInForce(ctx, `${year}-12-31`, db);
  let q = db
    .selectFrom('leave_application')
    .select(['kind', sql<number>`sum(days)`.as('d')])
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .where('status', '=', 'approved');
  if (asOf) q = q.where('start_date', '<=', asOf);
  const rows = await q.groupBy('kind').execute();
  const sum = (pick: (k: LeaveKind) => boolean) =>
    rows.filter((r) => kinds.some((k) => k.code === r.kind && pick(k))).reduce((s, r) => s + Number(r.d), 0);
  return {
    sickDays: sum((k) => k.exclusion === 'sick'),
    personalDaysUnpaidNotDeducted: sum((k) => k.exclusion === 'personal'),
    annualTaken: sum((k) => k.annual),
  };
}

/** The date a year's entitlement is read at: today within the year, its last day for past years, its first for future ones. */
const asOfFor = (todayDate: string, year: number) =>
  Number(todayDate.slice(0, 4)) === year ? todayDate : Number(todayDate.slice(0, 4)) > year ? `${year}-12-31` : `${year}-01-01`;

/** The annual-leave ledger of one person and year: entitled, carried over, taken, pending, paid out, remaining. */
export async function ledgerOf(ctx: AppContext, db: Executor, personId: string, year: number): Promise<LedgerResponse> {
  const person = await personFacts(db, personId);
  const asOf = asOfFor(today(ctx), year);
  const rule = await ruleValue(ctx, db, 'annualLeave', asOf);
  const facts = await yearFacts(ctx, db, personId, year, asOf);
  // Leave approved for later this year is taken from the balance already; exclusions count what has begun.
  const taken = (await yearFacts(ctx, db, personId, year)).annualTaken;
  const last = { ...(await yearFacts(ctx, db, personId, year - 1)), yearEnd: `${year - 1}-12-31` };
  const ent = person.work_start_date
    ? annualEntitlement(rule, person.work_start_date, asOf, facts, last)
    : { years: 0, days: 0, exclusion: 'NOT_ELIGIBLE' as const };
  const entries = await db
    .selectFrom('leave_ledger_entry')
    .select(['id', 'kind', 'days', 'note', 'created_at'])
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .orderBy('created_at')
    .execute();
  const sumOf = (k: string) => entries.filter((e) => e.kind === k).reduce((s, e) => s + Number(e.days), 0);
  // Days carried into next year leave this year's balance.
  const out = await db
    .selectFrom('leave_ledger_entry')
    .select(sql<number>`coalesce(sum(days), 0)`.as('d'))
    .where('person_id', '=', personId)
    .where('year', '=', year + 1)
    .where('kind', '=', 'carry_over')
    .executeTakeFirstOrThrow();
  const carriedOut = Number(out.d);
  const leaveRows = (await withPeople(db, allPeople(db))
    .where('l.person_id', '=', personId)
    .where('l.year', '=', year)
    .orderBy('l.start_date', 'desc')
    .execute()) as Row[];
  const leaves = await presentAll(ctx, leaveRows, db);
  const kinds = await kindsInForce(ctx, asOf, db);
  const annualCodes = new Set(kinds.filter((k) => k.annual).map((k) => k.code));
  const pending = leaves.filter((l) => l.status === 'pending' && annualCodes.has(l.kind)).reduce((s, l) => s + l.days, 0);
  const byKind = kinds
    .map((k) => ({
      kind: k.code,
      kindName: k.name,
      days: leaves.filter((l) => l.status === 'approved' && l.kind === k.code).reduce((s, l) => s + l.days, 0),
    }))
    .filter((k) => k.days > 0);
  const homeRule = await ruleValue(ctx, db, 'homeVisit', asOf);
  const visits = await homeVisitsTaken(db, personId);
  const homeVisit = homeRule.options.map((o) => {
    const a = person.work_start_date
      ? homeVisitEntitlement(homeRule, o.code, person.work_start_date, asOf, visits)
      : { allowed: false, days: 0, nextYear: year };
    return { option: o.code, relation: o.relation, allowed: a.allowed, days: a.days, nextYear: a.nextYear };
  });
  const carriedOver = sumOf('carry_over');
  const paidOut = sumOf('payout');
  return {
    personId,
    name: person.name,
    year,
    asOf,
    workStartDate: person.work_start_date,
    years: ent.years,
    entitled: ent.days,
    exclusion: ent.exclusion,
    carriedOver,
    carriedOut,
    taken,
    pending,
    paidOut,
    remaining: ent.days + carriedOver - taken - pending - paidOut - carriedOut,
    byKind,
    homeVisit,
    entries: entries.map((e) => ({ id: e.id, kind: e.kind, days: Number(e.days), note: e.note, createdAt: e.created_at })),
    leaves,
  };
}

async function homeVisitsTaken(db: Executor, personId: string) {
  const rows = await db
    .selectFrom('leave_application')
    .select(['home_visit_relation', 'year'])
    .where('person_id', '=', personId)
    .where('home_visit_relation', 'is not', null)
    .where('status', 'in', ['approved', 'pending'])
    .execute();
  return rows.map((r) => ({ relation: r.home_visit_relation as 'spouse' | 'parents_unmarried' | 'parents_married', year: r.year }));
}

/** Counts the days of a leave on the official calendar (working days skip rest days and holidays). */
async function countDays(ctx: AppContext, db: Executor, kind: LeaveKind, start: string, end: string): Promise<number> {
  if (end < start) throw new AppError('LEAVE_DATES');
  if (kind.counting === 'calendar') return leaveDayList({ holidays: new Set(), workdays: new Set() }, 'calendar', start, end).length;
  const years = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y += 1) years.push(y);
  const { calendar, missing } = await loadCalendar(db, ctx.config.cityCode, years);
  if (missing.length > 0) throw new AppError('LEAVE_CALENDAR_MISSING', { years: missing });
  return leaveDayList(calendar, 'working', start, end).length;
}

/** An officer applies for leave for themself; the case goes to the approver by their post level (rule `leaveApproval`). */
export async function applyLeave(ctx: AppContext, principal: Principal, actor: AuditActor, body: ApplyLeaveBody) {
  const me = await linkedPerson(ctx.db, principal);
  const person = await personFacts(ctx.db, me.id);
  const kind = (await kindsInForce(ctx, body.startDate)).find((k) => k.code === body.kind);
  if (!kind) throw new AppError('LEAVE_KIND_UNKNOWN');
  if (body.endDate < body.startDate) throw new AppError('LEAVE_DATES');
  const days = await countDays(ctx, ctx.db, kind, body.startDate, body.endDate);
  if (days === 0) throw new AppError('LEAVE_NO_DAYS');
  if (kind.maxDays !== null && days > kind.maxDays) throw new AppError('LEAVE_TOO_LONG', { maxDays: kind.maxDays });
  const year = Number(body.startDate.slice(0, 4));
  let relation: string | null = null;
  if (kind.code === 'home_visit') {
    const rule = await ruleValue(ctx, ctx.db, 'homeVisit', body.startDate);
    const option = rule.options.find((o) => o.code === body.homeVisitOption);
    const a =
      option && person.work_start_date
        ? homeVisitEntitlement(rule, option.code, person.work_start_date, body.startDate, await homeVisitsTaken(ctx.db, me.id))
        : null;
    if (!option || !a?.allowed) throw new AppError('LEAVE_HOME_VISIT_CYCLE');
    if (days > a.days) throw new AppError('LEAVE_TOO_LONG', { maxDays: a.days });
    relation = option.relation;
  }
  const approval = await ruleValue(ctx, ctx.db, 'leaveApproval', body.startDate);
  const leader = approval.leaderPostKeywords.some((k) => person.post?.includes(k));
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const overlap = await trx
      .selectFrom('leave_application')
      .select('id')
      .where('person_id', '=', me.id)
      .where('status', 'in', ['pending', 'approved'])
      .where('start_date', '<=', body.endDate)
      .where('end_date', '>=', body.startDate)
      .executeTakeFirst();
    if (overlap) throw new AppError('LEAVE_OVERLAP');
    if (kind.annual) {
      const ledger = await ledgerOf(ctx, trx, me.id, year);
      if (days > ledger.remaining) throw new AppError('LEAVE_BALANCE', { remaining: ledger.remaining });
    }
    await trx
      .insertInto('leave_application')
      .values({
        id,
        person_id: me.id,
        kind: kind.code,
        start_date: body.startDate,
        end_date: body.endDate,
        days,
        counting: kind.counting,
        year,
        reason: body.reason.trim(),
        home_visit_option: kind.code === 'home_visit' ? (body.homeVisitOption ?? null) : null,
        home_visit_relation: relation,
        status: 'pending',
        decided_at: null,
        cancelled_at: null,
        created_by: principal.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.leave.apply',
      objectType: 'leave_application',
      objectId: id,
      detail: { kind: kind.code, startDate: body.startDate, endDate: body.endDate, days },
    });
    await submitCase(
      trx,
      ctx,
      { ...actor, userId: principal.userId },
      {
        kind: leader ? LEAVE_LEADER_KIND : LEAVE_KIND,
        refId: id,
        title: `请假：${me.name} ${kind.name} ${body.startDate}至${body.endDate} 共${days}天`,
        subjectPersonId: me.id,
        subjectName: me.name,
        subjectOrgId: me.org_id,
      },
    );
  });
  return { id };
}

/** The workflow's decision, in the deciding transaction (the engine checked permission, scope and self). */
export async function applyLeaveOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  outcome: CaseOutcome,
  note: string | null,
) {
  const row = await trx.selectFrom('leave_application').select(['status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('LEAVE_NOT_FOUND');
  if (row.status !== 'pending') throw new AppError('LEAVE_DECIDED');
  const status = outcome === 'approved' ? 'approved' : outcome === 'withdrawn' ? 'withdrawn' : 'rejected';
  const now = ctx.clock.now().toISOString();
  await trx.updateTable('leave_application').set({ status, decided_at: now, updated_at: now }).where('id', '=', id).execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'welfare.leave.decide',
    objectType: 'leave_application',
    objectId: id,
    detail: { status, note },
  });
}

/** The applicant cancels: a pending application is withdrawn from the workflow; an approved one only before it starts. */
export async function cancelLeave(ctx: AppContext, principal: Principal, actor: AuditActor, id: string, note: string | null) {
  const me = await linkedPerson(ctx.db, principal);
  const row = await ctx.db
    .selectFrom('leave_application')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', me.id)
    .executeTakeFirst();
  if (!row) throw new AppError('LEAVE_NOT_FOUND');
  if (row.status === 'pending') {
    const caseId = (await leaveCaseIds(ctx.db, [id])).get(id);
    if (!caseId) throw new AppError('LEAVE_NOT_CANCELLABLE');
    await withdrawCase(ctx, { ...actor, userId: principal.userId }, caseId, note ?? undefined);
    return { id };
  }
  if (row.status !== 'approved' || row.start_date <= today(ctx)) throw new AppError('LEAVE_NOT_CANCELLABLE');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('leave_application')
      .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.leave.cancel',
      objectType: 'leave_application',
      objectId: id,
      detail: { note },
    });
  });
  return { id };
}

export async function listLeave(ctx: AppContext, scope: ResolvedScope, q: LeaveListQuery) {
  let base = withPeople(ctx.db, scopedPeople(ctx.db, scope));
  if (q.status) base = base.where('l.status', '=', q.status as LeaveApplicationTable['status']);
  if (q.kind) base = base.where('l.kind', '=', q.kind);
  if (q.year) base = base.where('l.year', '=', q.year);
  if (q.keyword) base = base.where('p.name', 'like', `%${q.keyword}%`);
  if (q.orgId)
    base = base.where('p.org_id', 'in', ctx.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', q.orgId));
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const rows = (await base
    .orderBy('l.start_date', 'desc')
    .orderBy('l.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as Row[];
  const total = await ctx.db
    .selectFrom(base.as('x'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return { items: await presentAll(ctx, rows), total: Number(total.n) };
}

/** A person's ledger for a caller with leave:read: 404 when the person is outside the scope. */
export async function ledgerInScope(ctx: AppContext, scope: ResolvedScope, personId: string, year: number) {
  const seen = await scopedPeople(ctx.db, scope).where('id', '=', personId).select('id').executeTakeFirst();
  if (!seen) throw new AppError('PERSON_NOT_FOUND');
  return ledgerOf(ctx, ctx.db, personId, year);
}

/** Carry-over into a year (from the year before, at most its remainder) and payout of untaken days (at most the year's remainder). */
export async function addLedgerEntry(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: LedgerEntryBody) {
  const seen = await scopedPeople(ctx.db, scope).where('id', '=', body.personId).select('id').executeTakeFirst();
  if (!seen) throw new AppError('PERSON_NOT_FOUND');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const from = await ledgerOf(ctx, trx, body.personId, body.kind === 'carry_over' ? body.year - 1 : body.year);
    if (body.days > from.remaining) throw new AppError('LEAVE_BALANCE', { remaining: from.remaining });
    if (body.kind === 'carry_over') {
      // One year at most: what was carried into the earlier year does not move again.
      const fresh = from.entitled - from.taken - from.paidOut - from.carriedOut;
      if (body.days > fresh) throw new AppError('LEAVE_BALANCE', { remaining: fresh });
    }
    await trx
      .insertInto('leave_ledger_entry')
      .values({
        id,
        person_id: body.personId,
        year: body.year,
        kind: body.kind,
        days: body.days,
        note: body.note ?? null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.leave.ledger',
      objectType: 'person',
      objectId: body.personId,
      detail: { year: body.year, kind: body.kind, days: body.days },
    });
  });
  return { id };
}
