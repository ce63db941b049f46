import type { MyMeetingList } from '@zhenggong/core';
import { addDays } from '@zhenggong/core';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { linkedPerson } from '../personnel/people.ts';
import { SignInMisses } from '../training/sign-in-code-service.ts';
import { writeAttendance } from './meeting-service.ts';

/** Ten wrong codes lock a member out of one meeting's self sign-in (the training mechanism). */
const misses = new SignInMisses('party-signin');

async function myMembership(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const member = await ctx.db
    .selectFrom('party_member')
    .select(['id', 'party_org_id', 'stage'])
    .where('person_id', '=', me.id)
    .executeTakeFirst();
  return { me, member };
}

/** The caller's own organisation's meetings: planned ones and those of the last 30 days. */
export async function myMeetings(ctx: AppContext, principal: Principal): Promise<MyMeetingList> {
  const { me, member } = await myMembership(ctx, principal);
  if (!member || (member.stage !== 'probationary' && member.stage !== 'full')) return { items: [] };
  const since = addDays(today(ctx.clock), -30);
  const rows = await ctx.db
    .selectFrom('party_meeting as t')
    .innerJoin('party_org as g', 'g.id', 't.party_org_id')
    .leftJoin('party_attendance as a', (j) => j.onRef('a.meeting_id', '=', 't.id').on('a.person_id', '=', me.id))
    .select([
      't.id',
      't.kind',
      't.title',
      't.planned_date',
      't.place',
      't.status',
      't.code_closes_at',
      'g.name as party_org_name',
      'a.status as my_status',
    ])
    .where('t.party_org_id', '=', member.party_org_id)
    .where('t.status', '!=', 'cancelled')
    .where('t.planned_date', '>=', since)
    .orderBy('t.planned_date')
    .execute();
  const now = ctx.clock.now().toISOString();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      plannedDate: r.planned_date,
      place: r.place,
      partyOrgName: r.party_org_name,
      status: r.status,
      signInOpen: r.code_closes_at !== null && r.code_closes_at > now,
      myStatus: r.my_status,
    })),
  };
}

/** Sign-in on a phone with the code shown in the room; only members of the meeting's organisation. */
export async function signInToMeeting(ctx: AppContext, principal: Principal, actor: AuditActor, meetingId: string, code: string) {
  const { me, member } = await myMembership(ctx, principal);
  const meeting = await ctx.db.selectFrom('party_meeting').selectAll().where('id', '=', meetingId).executeTakeFirst();
  // Someone else's meeting answers like a missing one.
  if (!meeting || !member || member.party_org_id !== meeting.party_org_id || (member.stage !== 'probationary' && member.stage !== 'full')) {
    throw new AppError('PARTY_MEETING_NOT_FOUND');
  }
  const key = `${me.id}:${meetingId}`;
  if (await misses.blocked(ctx, key)) throw new AppError('PARTY_CODE_TOO_MANY_TRIES');
  const now = ctx.clock.now().toISOString();
  const valid =
    meeting.status !== 'cancelled' &&
    meeting.code === code &&
    meeting.code_opens_at !== null &&
    meeting.code_opens_at <= now &&
    (meeting.code_closes_at ?? '') > now;
  if (!valid) {
    await misses.miss(ctx, key);
    throw new AppError('PARTY_CODE_INVALID');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await writeAttendance(trx, ctx, { meetingId, personId: me.id, status: 'present', method: 'code', reason: null, by: principal.userId });
    await appendAudit(trx, ctx.clock, actor, { eventType: 'party.signin', objectType: 'party_meeting', objectId: meetingId, detail: {} });
  });
  return { meetingId, title: meeting.title };
}

/** The caller's own dues payments, newest first. */
export async function myDues(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const rows = await ctx.db
    .selectFrom('party_dues')
    .selectAll()
    .where('person_id', '=', me.id)
    .orderBy('month', 'desc')
    .limit(60)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      month: r.month,
      payFen: r.pay_fen,
      ratePermille: r.rate_permille,
      dueFen: r.due_fen,
      paidFen: r.paid_fen,
      paidOn: r.paid_on,
    })),
  };
}
