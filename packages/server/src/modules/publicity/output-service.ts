import {
  scoreOutput,
  type MyOutputBody,
  type OutputQuery,
  type OutputView,
  type SubmitOutputBody,
  type VerifyOutputBody,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { establishmentUnitOf, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, assertPeopleInScope, linkedPerson } from '../personnel/people.ts';
import { publicityRuleOn } from './publicity-rules.ts';

/** Outputs joined to their author; scoped through the author's current unit. */
const outputsQuery = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('publicity_output as x')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'x.person_id')
    .innerJoin('org as o', 'o.id', 'x.unit_id')
    .where(scopeWhere(scope, 'p.org_id'));

const columns = [
  'x.id',
  'x.person_id',
  'x.unit_id',
  'x.kind',
  'x.title',
  'x.outlet',
  'x.level',
  'x.published_on',
  'x.url',
  'x.lead',
  'x.status',
  'x.points',
  'x.verified_by_name',
  'x.verified_at',
  'x.reject_reason',
  'p.name',
  'o.name as org_name',
] as const;
type Row = Awaited<ReturnType<typeof outputInScope>>;

const present = (r: Row): OutputView => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  orgId: r.unit_id,
  orgName: r.org_name,
  kind: r.kind,
  title: r.title,
  outlet: r.outlet,
  level: r.level,
  publishedOn: r.published_on,
  url: r.url,
  lead: r.lead === 1,
  status: r.status,
  points: r.points,
  verifiedByName: r.verified_by_name,
  verifiedAt: r.verified_at,
  rejectReason: r.reject_reason,
});

export async function outputInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await outputsQuery(db, scope).select(columns).where('x.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('PUB_OUTPUT_NOT_FOUND');
  return row;
}

export async function listOutputs(ctx: AppContext, scope: ResolvedScope, q: OutputQuery) {
  let base = outputsQuery(ctx.db, scope);
  if (q.status) base = base.where('x.status', '=', q.status);
  if (q.month) base = base.where('x.published_on', '>=', `${q.month}-01`).where('x.published_on', '<=', `${q.month}-31`);
  if (q.orgId) base = base.where('x.unit_id', '=', q.orgId);
  if (q.keyword) base = base.where('x.title', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('x.published_on', 'desc')
      .orderBy('x.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n) };
}

async function insertOutput(ctx: AppContext, actor: AuditActor, person: { id: string; org_id: string }, body: MyOutputBody) {
  if (body.publishedOn > today(ctx.clock)) throw new AppError('PUB_PUBLISHED_FUTURE');
  const unit = (await establishmentUnitOf(ctx.db, person.org_id)) ?? person.org_id;
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('publicity_output')
      .values({
        id,
        person_id: person.id,
        unit_id: unit,
        kind: body.kind,
        title: body.title,
        outlet: body.outlet,
        level: body.level,
        published_on: body.publishedOn,
        url: body.url ?? null,
        lead: body.lead ? 1 : 0,
        status: 'submitted',
        points: null,
        rule_id: null,
        submitted_by: actor.userId,
        verified_by: null,
        verified_by_name: null,
        verified_at: null,
        reject_reason: null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.output.submit',
      objectType: 'publicity_output',
      objectId: id,
      detail: { kind: body.kind, level: body.level },
    });
  });
  return id;
}

/** Staff enter an output for someone in their scope (a reporter without an account, a late report). */
export async function submitOutput(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: SubmitOutputBody) {
  const [person] = await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const { personId: _omit, ...fields } = body;
  const id = await insertOutput(ctx, actor, person!, fields);
  return present(await outputInScope(ctx.db, { all: true }, id));
}

async function activeReporter(db: Executor, personId: string, on: string) {
  return db
    .selectFrom('publicity_reporter')
    .select('id')
    .where('person_id', '=', personId)
    .where('since', '<=', on)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', on)]))
    .executeTakeFirst();
}

/** A registered reporter (专兼职通讯员) submits their own output; others are told to register. */
export async function submitMyOutput(ctx: AppContext, principal: Principal, actor: AuditActor, body: MyOutputBody) {
  const me = await linkedPerson(ctx.db, principal);
  if (!(await activeReporter(ctx.db, me.id, today(ctx.clock)))) throw new AppError('PUB_NOT_A_REPORTER');
  const id = await insertOutput(ctx, actor, me, body);
  return present(await outputInScope(ctx.db, { all: true }, id));
}

export async function myOutputs(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const rows = await outputsQuery(ctx.db, { all: true })
    .select(columns)
    .where('x.person_id', '=', me.id)
    .orderBy('x.published_on', 'desc')
    .limit(200)
    .execute();
  const reporter = await activeReporter(ctx.db, me.id, today(ctx.clock));
  return { items: rows.map(present), total: rows.length, isReporter: reporter !== undefined };
}

/**
 * The publicity department verifies an output (it may correct the level or the lead placement)
 * and the points are fixed by the scoring rule in force on the publication date.
 */
export async function verifyOutput(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  verifierId: string | null,
  id: string,
  body: VerifyOutputBody,
) {
  const row = await outputInScope(ctx.db, scope, id);
  if (row.status !== 'submitted') throw new AppError('PUB_OUTPUT_DECIDED');
  const me = await ctx.db
    .selectFrom('app_user')
    .select(['display_name', 'person_id'])
    .where('id', '=', verifierId ?? '')
    .executeTakeFirst();
  if (me?.person_id === row.person_id) throw new AppError('PUB_SELF_VERIFY');
  const level = body.level ?? row.level;
  const lead = body.lead ?? row.lead === 1;
  const rule = await publicityRuleOn(ctx, ctx.db, 'scoring', row.published_on);
  const points = scoreOutput(rule.value, { kind: row.kind, level, lead });
  await ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('publicity_output')
      .set({
        status: 'verified',
        level,
        lead: lead ? 1 : 0,
        points,
        rule_id: rule.id,
        verified_by: verifierId,
        verified_by_name: me?.display_name ?? null,
        verified_at: ctx.clock.now().toISOString(),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('PUB_OUTPUT_DECIDED');
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.output.verify',
      objectType: 'publicity_output',
      objectId: id,
      detail: { points, level, lead },
    });
  });
  return present(await outputInScope(ctx.db, scope, id));
}

export async function rejectOutput(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  verifierId: string | null,
  id: string,
  reason: string,
) {
  const row = await outputInScope(ctx.db, scope, id);
  if (row.status !== 'submitted') throw new AppError('PUB_OUTPUT_DECIDED');
  const me = await ctx.db
    .selectFrom('app_user')
    .select(['display_name', 'person_id'])
    .where('id', '=', verifierId ?? '')
    .executeTakeFirst();
  if (me?.person_id === row.person_id) throw new AppError('PUB_SELF_VERIFY');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('publicity_output')
      .set({
        status: 'rejected',
        reject_reason: reason,
        verified_by: verifierId,
        verified_by_name: me?.display_name ?? null,
        verified_at: ctx.clock.now().toISOString(),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.output.reject',
      objectType: 'publicity_output',
      objectId: id,
      detail: { reason },
    });
  });
  return present(await outputInScope(ctx.db, scope, id));
}
