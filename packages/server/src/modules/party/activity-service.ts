import type { ActivityDetail, ActivityQuery, ActivityView, CreateActivityBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { addTrainingRecord, checkedPersonSet, peopleInSet, personBriefs, today } from '../personnel/people.ts';
import { partyOrgInScope } from './org-service.ts';
import type { PartyActivityTable } from './tables.ts';

/**
 * Party activities as records (党建活动): red-education visits (红色教育 / 参观学习) and base-level
 * cadre classes (基层党组织书记、党务干部培训班). Participants are a person set resolved within the
 * caller's scope when the record is made; completing the record writes each participant's class
 * hours onto the 学时 ledger (the same ledger training completions write, through personnel's
 * face), linked by the participant row so the line can be found again. Scoped by the party
 * organisation's unit, like meetings.
 */
const activities = (db: Executor, scope: ResolvedScope) =>
  db.selectFrom('party_activity as a').innerJoin('party_org as g', 'g.id', 'a.party_org_id').where(scopeWhere(scope, 'g.org_id'));

async function activityInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await activities(db, scope).selectAll('a').select('g.name as party_org_name').where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('PARTY_ACTIVITY_NOT_FOUND');
  return row;
}

async function present(db: Executor, rows: (PartyActivityTable & { party_org_name: string })[]): Promise<ActivityView[]> {
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .selectFrom('party_activity_person')
        .select(['activity_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('activity_id', 'in', ids)
        .groupBy('activity_id')
        .execute()
    : [];
  const n = new Map(counts.map((c) => [c.activity_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    partyOrgId: r.party_org_id,
    partyOrgName: r.party_org_name,
    kind: r.kind,
    title: r.title,
    date: r.date,
    endDate: r.end_date,
    place: r.place,
    description: r.description,
    hours: r.hours_tenths / 10,
    status: r.status,
    participants: n.get(r.id) ?? 0,
  }));
}

export async function listActivities(ctx: AppContext, scope: ResolvedScope, q: ActivityQuery) {
  let base = activities(ctx.db, scope);
  if (q.partyOrgId) base = base.where('a.party_org_id', '=', q.partyOrgId);
  if (q.kind) base = base.where('a.kind', '=', q.kind);
  if (q.keyword) base = base.where('a.title', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([
    base
      .selectAll('a')
      .select('g.name as party_org_name')
      .orderBy('a.date', 'desc')
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await present(ctx.db, rows), total: Number(total.n) };
}

export async function getActivity(ctx: AppContext, scope: ResolvedScope, id: string): Promise<ActivityDetail> {
  const row = await activityInScope(ctx.db, scope, id);
  const [view] = await present(ctx.db, [row]);
  const people = await ctx.db.selectFrom('party_activity_person').selectAll().where('activity_id', '=', id).execute();
  const briefs = await personBriefs(
    ctx.db,
    people.map((p) => p.person_id),
  );
  return {
    ...view!,
    people: people
      .map((p) => ({
        personId: p.person_id,
        name: briefs.get(p.person_id)?.name ?? '',
        orgName: briefs.get(p.person_id)?.org_name ?? '',
        hoursCredited: p.training_id !== null,
        pinyin: briefs.get(p.person_id)?.name_pinyin ?? '',
      }))
      .sort((a, b) => a.pinyin.localeCompare(b.pinyin))
      .map(({ pinyin: _pinyin, ...p }) => p),
  };
}

export async function createActivity(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateActivityBody) {
  const g = await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  if (body.endDate && body.endDate < body.date) throw new AppError('PARTY_ACTIVITY_DATES');
  const set = await checkedPersonSet(ctx.db, scope, body.participants, 'PARTY_ACTIVITY_EMPTY');
  const people = await peopleInSet(ctx, ctx.db, scope, set);
  if (people.length === 0) throw new AppError('PARTY_ACTIVITY_EMPTY');
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_activity')
      .values({
        id,
        party_org_id: g.id,
        kind: body.kind,
        title: body.title.trim(),
        date: body.date,
        end_date: body.endDate ?? null,
        place: body.place ?? null,
        description: body.description ?? null,
        hours_tenths: Math.round(body.hours * 10),
        status: 'planned',
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let i = 0; i < people.length; i += 200)
      await trx
        .insertInto('party_activity_person')
        .values(
          people.slice(i, i + 200).map((p) => ({
            id: newId(),
            activity_id: id,
            person_id: p.id,
            training_id: null,
            city_code: ctx.config.cityCode,
            created_at: now,
          })),
        )
        .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.activity.create',
      objectType: 'party_activity',
      objectId: id,
      detail: { kind: body.kind, title: body.title, participants: people.length },
    });
  });
  return getActivity(ctx, scope, id);
}

/**
 * Completes an activity once it has taken place: each participant's hours go onto their 学时
 * ledger (none for an activity of 0 hours). Done once; a second call is refused.
 */
export async function completeActivity(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const row = await activityInScope(ctx.db, scope, id);
  if (row.status === 'completed') throw new AppError('PARTY_ACTIVITY_DONE');
  if ((row.end_date ?? row.date) > today(ctx)) throw new AppError('PARTY_STEP_DATE');
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('party_activity')
      .set({ status: 'completed', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'planned')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('PARTY_ACTIVITY_DONE');
    const people = await trx.selectFrom('party_activity_person').select(['id', 'person_id']).where('activity_id', '=', id).execute();
    if (row.hours_tenths > 0)
      for (const p of people) {
        const trainingId = await addTrainingRecord(trx, ctx, {
          personId: p.person_id,
          date: row.end_date ?? row.date,
          course: row.title,
          hours: row.hours_tenths / 10,
          organizer: row.party_org_name,
          source: 'training',
          refId: p.id,
        });
        await trx.updateTable('party_activity_person').set({ training_id: trainingId }).where('id', '=', p.id).execute();
      }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.activity.complete',
      objectType: 'party_activity',
      objectId: id,
      detail: { participants: people.length, hours: row.hours_tenths / 10 },
    });
  });
  return getActivity(ctx, scope, id);
}
