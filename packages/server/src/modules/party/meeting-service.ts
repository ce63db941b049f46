import {
  meetingsDue,
  monthsOfQuarter,
  quarterCompliance,
  quarterOf,
  type ComplianceView,
  type CreateMeetingBody,
  type MeetingAttendanceBody,
  type MeetingDetail,
  type MeetingQuery,
  type MeetingView,
  type MinutesBody,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { issueSignInCode } from '../training/sign-in-code-service.ts';
import { allPeople } from '../personnel/people.ts';
import { partyOrgInScope } from './org-service.ts';
import { partyRuleOn } from './party-rules.ts';
import type { PartyMeetingTable } from './tables.ts';

/** Who is expected at a meeting: the organisation's probationary and full members. */
export const expectedMembers = (db: Executor, partyOrgId: string) =>
  db
    .selectFrom('party_member as m')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.stage', 'p.name', 'p.name_pinyin'])
    .where('m.party_org_id', '=', partyOrgId)
    .where('m.stage', 'in', ['probationary', 'full'])
    .orderBy('p.name_pinyin')
    .execute();

const meetingsQuery = (db: Executor, scope: ResolvedScope) =>
  db.selectFrom('party_meeting as t').innerJoin('party_org as g', 'g.id', 't.party_org_id').where(scopeWhere(scope, 'g.org_id'));

export async function meetingInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await meetingsQuery(db, scope).selectAll('t').select('g.name as party_org_name').where('t.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('PARTY_MEETING_NOT_FOUND');
  return row;
}

async function present(db: Executor, ctx: AppContext, rows: (PartyMeetingTable & { party_org_name: string })[]): Promise<MeetingView[]> {
  const ids = rows.map((r) => r.id);
  const present = ids.length
    ? await db
        .selectFrom('party_attendance')
        .select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('meeting_id', 'in', ids)
        .where('status', '=', 'present')
        .groupBy('meeting_id')
        .execute()
    : [];
  const orgIds = [...new Set(rows.map((r) => r.party_org_id))];
  const expected = orgIds.length
    ? await db
        .selectFrom('party_member')
        .select(['party_org_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('party_org_id', 'in', orgIds)
        .where('stage', 'in', ['probationary', 'full'])
        .groupBy('party_org_id')
        .execute()
    : [];
  const p = new Map(present.map((x) => [x.meeting_id, Number(x.n)]));
  const e = new Map(expected.map((x) => [x.party_org_id, Number(x.n)]));
  const now = ctx.clock.now().toISOString();
  return rows.map((r) => ({
    id: r.id,
    partyOrgId: r.party_org_id,
    partyOrgName: r.party_org_name,
    kind: r.kind,
    title: r.title,
    plannedDate: r.planned_date,
    place: r.place,
    agenda: r.agenda,
    status: r.status,
    heldOn: r.held_on,
    minutes: r.minutes,
    resolutions: r.resolutions,
    signInOpenUntil: r.code_closes_at && r.code_closes_at > now ? r.code_closes_at : null,
    present: p.get(r.id) ?? 0,
    expected: e.get(r.party_org_id) ?? 0,
  }));
}

export async function listMeetings(ctx: AppContext, scope: ResolvedScope, q: MeetingQuery) {
  let base = meetingsQuery(ctx.db, scope);
  if (q.partyOrgId) base = base.where('t.party_org_id', '=', q.partyOrgId);
  if (q.kind) base = base.where('t.kind', '=', q.kind);
  if (q.quarter) {
    const months = monthsOfQuarter(q.quarter);
    base = base.where('t.planned_date', '>=', `${months[0]}-01`).where('t.planned_date', '<=', `${months[2]}-31`);
  }
  const rows = await base.selectAll('t').select('g.name as party_org_name').orderBy('t.planned_date', 'desc').limit(500).execute();
  return { items: await present(ctx.db, ctx, rows) };
}

export async function getMeeting(ctx: AppContext, scope: ResolvedScope, id: string): Promise<MeetingDetail> {
  const row = await meetingInScope(ctx.db, scope, id);
  const [view] = await present(ctx.db, ctx, [row]);
  const members = await expectedMembers(ctx.db, row.party_org_id);
  const marks = await ctx.db.selectFrom('party_attendance').selectAll().where('meeting_id', '=', id).execute();
  const byPerson = new Map(marks.map((m) => [m.person_id, m]));
  return {
    ...view!,
    attendance: members.map((m) => {
      const mark = byPerson.get(m.person_id);
      return {
        personId: m.person_id,
        name: m.name,
        stage: m.stage,
        status: mark?.status ?? null,
        method: mark?.method ?? null,
        reason: mark?.reason ?? null,
      };
    }),
  };
}

export async function createMeeting(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  body: CreateMeetingBody,
): Promise<MeetingDetail> {
  await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_meeting')
      .values({
        id,
        party_org_id: body.partyOrgId,
        kind: body.kind,
        title: body.title,
        planned_date: body.plannedDate,
        place: body.place ?? null,
        agenda: body.agenda ?? null,
        status: 'planned',
        held_on: null,
        minutes: null,
        resolutions: null,
        code: null,
        code_opens_at: null,
        code_closes_at: null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.meeting.create',
      objectType: 'party_meeting',
      objectId: id,
      detail: { kind: body.kind, plannedDate: body.plannedDate },
    });
  });
  return getMeeting(ctx, scope, id);
}

/** Minutes and resolutions mark the meeting held on its date; only held meetings count for compliance. */
export async function saveMinutes(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: MinutesBody,
): Promise<MeetingDetail> {
  const m = await meetingInScope(ctx.db, scope, id);
  if (m.status === 'cancelled') throw new AppError('PARTY_MEETING_CLOSED');
  if (body.heldOn > today(ctx.clock)) throw new AppError('PARTY_STEP_DATE');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_meeting')
      .set({
        status: 'held',
        held_on: body.heldOn,
        minutes: body.minutes,
        resolutions: body.resolutions ?? null,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.meeting.minutes',
      objectType: 'party_meeting',
      objectId: id,
      detail: { heldOn: body.heldOn },
    });
  });
  return getMeeting(ctx, scope, id);
}

export async function cancelMeeting(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<MeetingDetail> {
  const m = await meetingInScope(ctx.db, scope, id);
  if (m.status !== 'planned') throw new AppError('PARTY_MEETING_CLOSED');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_meeting')
      .set({ status: 'cancelled', code: null, code_closes_at: null, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'party.meeting.cancel', objectType: 'party_meeting', objectId: id, detail: {} });
  });
  return getMeeting(ctx, scope, id);
}

/** A fresh six-digit sign-in code for the meeting, shown in the room by the organiser. */
export async function openMeetingSignIn(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, minutes: number) {
  const m = await meetingInScope(ctx.db, scope, id);
  if (m.status === 'cancelled') throw new AppError('PARTY_MEETING_CLOSED');
  const { code, opensAt, closesAt } = issueSignInCode(ctx.clock.now(), minutes);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('party_meeting').set({ code, code_opens_at: opensAt, code_closes_at: closesAt }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.signin.open',
      objectType: 'party_meeting',
      objectId: id,
      detail: { minutes },
    });
  });
  return { code, closesAt };
}

export async function markAttendance(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: MeetingAttendanceBody,
): Promise<MeetingDetail> {
  const m = await meetingInScope(ctx.db, scope, id);
  if (m.status === 'cancelled') throw new AppError('PARTY_MEETING_CLOSED');
  const members = new Set((await expectedMembers(ctx.db, m.party_org_id)).map((x) => x.person_id));
  const strangers = body.marks.filter((x) => !members.has(x.personId)).map((x) => x.personId);
  if (strangers.length > 0) throw new AppError('PARTY_NOT_A_MEMBER', { personIds: strangers });
  await ctx.db.transaction().execute(async (trx) => {
    for (const mark of body.marks) {
      await writeAttendance(trx, ctx, {
        meetingId: id,
        personId: mark.personId,
        status: mark.status,
        method: 'staff',
        reason: mark.reason ?? null,
        by: actor.userId,
      });
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.meeting.attendance',
      objectType: 'party_meeting',
      objectId: id,
      detail: { marks: body.marks.length },
    });
  });
  return getMeeting(ctx, scope, id);
}

export async function writeAttendance(
  db: Executor,
  ctx: AppContext,
  a: {
    meetingId: string;
    personId: string;
    status: 'present' | 'leave' | 'absent';
    method: 'code' | 'staff';
    reason: string | null;
    by: string | null;
  },
) {
  const now = ctx.clock.now().toISOString();
  await db
    .insertInto('party_attendance')
    .values({
      id: newId(),
      meeting_id: a.meetingId,
      person_id: a.personId,
      status: a.status,
      method: a.method,
      reason: a.reason,
      marked_by: a.by,
      marked_at: now,
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'person_id'])
        .doUpdateSet({ status: a.status, method: a.method, reason: a.reason, marked_by: a.by, marked_at: now }),
    )
    .execute();
}

/** The organisation's compliance with the meeting frequencies for a quarter, and what is still owed now. */
export async function compliance(
  ctx: AppContext,
  scope: ResolvedScope,
  partyOrgId: string,
  quarter: string | undefined,
): Promise<ComplianceView> {
  await partyOrgInScope(ctx.db, scope, partyOrgId);
  const on = today(ctx.clock);
  const q = quarter ?? quarterOf(on);
  const months = monthsOfQuarter(q);
  const rules = (await partyRuleOn(ctx, ctx.db, 'meetings', `${months[2]}-01`)).value;
  const held = await ctx.db
    .selectFrom('party_meeting')
    .select(['kind', 'held_on'])
    .where('party_org_id', '=', partyOrgId)
    .where('status', '=', 'held')
    .where('held_on', '>=', `${q.slice(0, 4)}-01-01`)
    .where('held_on', '<=', `${q.slice(0, 4)}-12-31`)
    .execute();
  const heldList = held.map((h) => ({ kind: h.kind, heldOn: h.held_on ?? '' }));
  const c = quarterCompliance(rules, q, heldList, on);
  const due = quarterOf(on) === q ? meetingsDue(rules, heldList, on) : [];
  return { partyOrgId, ...c, due };
}
