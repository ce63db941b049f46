import type { CreateEventBody, EntryBody, ItemBody, UpdateEventBody } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import * as q from './event-queries.ts';
import { scopedPeople } from '../personnel/people.ts';

const DEFAULT_MAX_TEAM = 10;
const now = (ctx: AppContext) => ctx.clock.now().toISOString();

/** The event in scope, or 404 — a row outside the caller's scope is never admitted to exist. */
export async function eventOr404(db: Parameters<typeof q.findEventInScope>[0], scope: ResolvedScope, id: string) {
  const event = await q.findEventInScope(db, scope, id);
  if (!event) throw new AppError('COMPETITION_NOT_FOUND');
  return event;
}

/** An event whose results can still change (not yet published). */
async function openEvent(trx: Trx, scope: ResolvedScope, id: string) {
  const event = await eventOr404(trx, scope, id);
  if (event.status === 'published') throw new AppError('COMPETITION_PUBLISHED');
  return event;
}

export async function createEvent(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateEventBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  if (body.endDate < body.startDate) throw new AppError('COMPETITION_DATES');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const row = {
      id,
      title: body.title,
      level: body.level,
      org_id: body.orgId,
      start_date: body.startDate,
      end_date: body.endDate,
      description: body.description ?? null,
      counted_per_unit: body.countedPerUnit ?? null,
      status: 'open' as const,
      published_at: null,
      published_by: null,
      city_code: ctx.config.cityCode,
      created_at: now(ctx),
      updated_at: now(ctx),
    };
    await trx.insertInto('competition_event').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.create',
      objectType: 'competition_event',
      objectId: id,
      detail: { after: row },
    });
  });
  return getEvent(ctx, scope, id);
}

export async function updateEvent(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdateEventBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await openEvent(trx, scope, id);
    const changes = {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.level !== undefined ? { level: body.level } : {}),
      ...(body.startDate !== undefined ? { start_date: body.startDate } : {}),
      ...(body.endDate !== undefined ? { end_date: body.endDate } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.countedPerUnit !== undefined ? { counted_per_unit: body.countedPerUnit } : {}),
    };
    if ((changes.end_date ?? before.end_date) < (changes.start_date ?? before.start_date)) throw new AppError('COMPETITION_DATES');
    await trx
      .updateTable('competition_event')
      .set({ ...changes, updated_at: now(ctx) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.update',
      objectType: 'competition_event',
      objectId: id,
      detail: { changes },
    });
  });
  return getEvent(ctx, scope, id);
}

export async function getEvent(ctx: AppContext, scope: ResolvedScope, id: string) {
  const e = await eventOr404(ctx.db, scope, id);
  const [items, entries] = await Promise.all([q.itemsOf(ctx.db, id), q.entriesOf(ctx.db, id)]);
  return {
    ...presentEvent(e),
    items: items.map(presentItem),
    entries: entries.map((en) => ({
      id: en.id,
      itemId: en.item_id,
      orgId: en.org_id,
      orgName: en.org_name,
      teamName: en.team_name,
      score: en.score,
      people: en.people,
    })),
  };
}

export async function listEvents(
  ctx: AppContext,
  scope: ResolvedScope,
  f: { q?: string; status?: string; year?: number; page?: number; pageSize?: number },
) {
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const base = q.listEvents(ctx.db, scope, f);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .selectAll('e')
      .select('o.name as org_name')
      .orderBy('e.start_date', 'desc')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { items: rows.map(presentEvent), total: Number(total) };
}

type EventRow = NonNullable<Awaited<ReturnType<typeof q.findEventInScope>>>;
export const presentEvent = (e: EventRow) => ({
  id: e.id,
  title: e.title,
  level: e.level,
  orgId: e.org_id,
  orgName: e.org_name,
  startDate: e.start_date,
  endDate: e.end_date,
  description: e.description,
  status: e.status,
  publishedAt: e.published_at,
});
type ItemRow = Awaited<ReturnType<typeof q.itemsOf>>[number];
export const presentItem = (i: ItemRow) => ({
  id: i.id,
  name: i.name,
  kind: i.kind,
  direction: i.direction,
  unit: i.unit,
  maxTeamSize: i.max_team_size,
});

export async function addItem(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string, body: ItemBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await openEvent(trx, scope, eventId);
    const count = await trx
      .selectFrom('competition_item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
    const row = {
      id,
      event_id: eventId,
      name: body.name,
      kind: body.kind,
      direction: body.direction,
      unit: body.unit ?? null,
      max_team_size: body.kind === 'team' ? (body.maxTeamSize ?? DEFAULT_MAX_TEAM) : null,
      sort_order: Number(count.n),
      city_code: ctx.config.cityCode,
      created_at: now(ctx),
    };
    await trx.insertInto('competition_item').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.item.add',
      objectType: 'competition_event',
      objectId: eventId,
      detail: { after: row },
    });
  });
  return { id };
}

export async function removeItem(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string, itemId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await openEvent(trx, scope, eventId);
    const item = await q.findItem(trx, eventId, itemId);
    if (!item) throw new AppError('COMPETITION_ITEM_NOT_FOUND');
    const entries = await trx.selectFrom('competition_entry').select('id').where('item_id', '=', itemId).execute();
    if (entries.length > 0) {
      await trx.deleteFrom('competition_entry_member').where('item_id', '=', itemId).execute();
      await trx.deleteFrom('competition_entry').where('item_id', '=', itemId).execute();
    }
    await trx.deleteFrom('competition_item').where('id', '=', itemId).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.item.remove',
      objectType: 'competition_event',
      objectId: eventId,
      detail: { before: item, entriesRemoved: entries.length },
    });
  });
}

/**
 * Enters one person (individual item) or a team (team item) for a unit. The unit and every
 * person must be inside the caller's scope, and each person must belong to that unit or below.
 */
export async function addEntry(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string, body: EntryBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await openEvent(trx, scope, eventId);
    const item = await q.findItem(trx, eventId, body.itemId);
    if (!item) throw new AppError('COMPETITION_ITEM_NOT_FOUND');
    await assertOrgInScope(trx, scope, body.orgId);
    const max = item.max_team_size ?? DEFAULT_MAX_TEAM;
    if (item.kind === 'individual' ? body.personIds.length !== 1 : body.personIds.length < 2 || body.personIds.length > max) {
      throw new AppError('COMPETITION_TEAM_SIZE', { max });
    }
    const people = await trx
      .selectFrom(scopedPeople(trx, scope).as('p'))
      .select(['p.id', 'p.org_id'])
      .where('p.id', 'in', body.personIds)
      .execute();
    if (people.length !== body.personIds.length) throw new AppError('TALENT_PERSON_NOT_FOUND');
    for (const p of people)
      if (!(await q.isWithin(trx, body.orgId, p.org_id)))
        throw new AppError('VALIDATION_FAILED', { personId: p.id, reason: 'person is not in the entered unit' });
    const taken = await trx
      .selectFrom('competition_entry_member')
      .select('person_id')
      .where('item_id', '=', item.id)
      .where('person_id', 'in', body.personIds)
      .executeTakeFirst();
    if (taken) throw new AppError('COMPETITION_PERSON_ENTERED', { personId: taken.person_id });
    const row = {
      id,
      event_id: eventId,
      item_id: item.id,
      org_id: body.orgId,
      team_name: item.kind === 'team' ? (body.teamName ?? null) : null,
      score: null,
      city_code: ctx.config.cityCode,
      created_at: now(ctx),
      updated_at: now(ctx),
    };
    await trx.insertInto('competition_entry').values(row).execute();
    await trx
      .insertInto('competition_entry_member')
      .values(body.personIds.map((personId) => ({ entry_id: id, person_id: personId, item_id: item.id, city_code: ctx.config.cityCode })))
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.entry.add',
      objectType: 'competition_event',
      objectId: eventId,
      detail: { after: { ...row, personIds: body.personIds } },
    });
  });
  return { id };
}

export async function removeEntry(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string, entryId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await openEvent(trx, scope, eventId);
    const entry = await q.findEntry(trx, eventId, entryId);
    if (!entry) throw new AppError('COMPETITION_ENTRY_NOT_FOUND');
    await trx.deleteFrom('competition_entry_member').where('entry_id', '=', entryId).execute();
    await trx.deleteFrom('competition_entry').where('id', '=', entryId).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.entry.remove',
      objectType: 'competition_event',
      objectId: eventId,
      detail: { before: entry },
    });
  });
}

export { openEvent };
