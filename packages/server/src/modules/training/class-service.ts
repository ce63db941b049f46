import type { ClassListQuery, CreateClassBody, NormalizedPersonSet, UpdateClassBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { TrainingClassTable } from './tables.ts';
import { checkedTarget, parseTarget } from './target-people.ts';

/** Attendance share that makes a trainee eligible for completion unless the organiser says otherwise. */
export const DEFAULT_THRESHOLD = 80;

export const presentClass = (c: TrainingClassTable & { org_name: string }) => ({
  id: c.id,
  title: c.title,
  kind: c.kind,
  orgId: c.org_id,
  orgName: c.org_name,
  startDate: c.start_date,
  endDate: c.end_date,
  place: c.place,
  plannedHours: c.planned_hours,
  capacity: c.capacity,
  description: c.description,
  threshold: c.threshold,
  target: parseTarget(c.target) as NormalizedPersonSet,
});

/** A class the caller may see (by its organiser org), or 404 — never a hint that it exists elsewhere. */
export async function classInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('training_class as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .where('c.id', '=', id)
    .where(scopeWhere(scope, 'c.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('TRAINING_CLASS_NOT_FOUND');
  return row;
}

export async function listClasses(ctx: AppContext, scope: ResolvedScope, q: ClassListQuery) {
  let base = ctx.db.selectFrom('training_class as c').innerJoin('org as o', 'o.id', 'c.org_id').where(scopeWhere(scope, 'c.org_id'));
  if (q.kind) base = base.where('c.kind', '=', q.kind);
  if (q.keyword) base = base.where('c.title', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  if (q.year) base = base.where('c.start_date', '>=', `${q.year}-01-01`).where('c.start_date', '<=', `${q.year}-12-31`);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, count] = await Promise.all([
    base
      .selectAll('c')
      .select('o.name as org_name')
      .select((eb) => [
        eb
          .selectFrom('training_enrollment as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.class_id', '=', 'c.id')
          .as('enrolled'),
        eb
          .selectFrom('training_enrollment as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.class_id', '=', 'c.id')
          .where('e.status', '=', 'completed')
          .as('completed'),
      ])
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...presentClass(r), enrolled: Number(r.enrolled ?? 0), completed: Number(r.completed ?? 0) })),
    total: Number(count.n),
  };
}

function checkDates(start: string, end: string) {
  if (end < start) throw new AppError('TRAINING_DATES_INVALID');
}

export async function createClass(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateClassBody) {
  checkDates(body.startDate, body.endDate);
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const target = await checkedTarget(ctx.db, scope, body.target);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('training_class')
      .values({
        id,
        title: body.title.trim(),
        kind: body.kind,
        org_id: body.orgId,
        start_date: body.startDate,
        end_date: body.endDate,
        place: body.place ?? null,
        planned_hours: body.plannedHours,
        capacity: body.capacity ?? null,
        description: body.description ?? null,
        threshold: body.threshold ?? DEFAULT_THRESHOLD,
        target: JSON.stringify(target),
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.class.create',
      objectType: 'training_class',
      objectId: id,
      detail: { title: body.title, kind: body.kind, orgId: body.orgId },
    });
  });
  return getClass(ctx, scope, id);
}

export async function updateClass(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdateClassBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await classInScope(trx, scope, id);
    checkDates(body.startDate ?? current.start_date, body.endDate ?? current.end_date);
    const target = body.target ? await checkedTarget(trx, scope, body.target) : undefined;
    await trx
      .updateTable('training_class')
      .set({
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.kind !== undefined && { kind: body.kind }),
        ...(body.startDate !== undefined && { start_date: body.startDate }),
        ...(body.endDate !== undefined && { end_date: body.endDate }),
        ...(body.place !== undefined && { place: body.place }),
        ...(body.plannedHours !== undefined && { planned_hours: body.plannedHours }),
        ...(body.capacity !== undefined && { capacity: body.capacity }),
        ...(body.description !== undefined && { description: body.description }),
        ...(body.threshold !== undefined && { threshold: body.threshold }),
        ...(target !== undefined && { target: JSON.stringify(target) }),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.class.update',
      objectType: 'training_class',
      objectId: id,
      detail: { fields: Object.keys(body) },
    });
  });
  return getClass(ctx, scope, id);
}

export async function getClass(ctx: AppContext, scope: ResolvedScope, id: string) {
  const row = await classInScope(ctx.db, scope, id);
  const sessions = await ctx.db
    .selectFrom('training_session')
    .select(['id', 'date', 'title', 'hours', 'code_closes_at'])
    .where('class_id', '=', id)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const counts = await ctx.db
    .selectFrom('training_enrollment')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('class_id', '=', id)
    .groupBy('status')
    .execute();
  const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
  return {
    ...presentClass(row),
    enrolled: n('enrolled') + n('completed'),
    completed: n('completed'),
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, title: s.title, hours: s.hours, signInOpenUntil: s.code_closes_at })),
  };
}
