import type { AccountList, AccountView, CreateAccountBody, CreateReporterBody, ReporterView, UpdateAccountBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, assertPeopleInScope, personBriefs } from '../personnel/people.ts';

/** The publicity team (宣传队伍): full-time and part-time reporters, scoped through their current unit. */
const reportersQuery = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('publicity_reporter as r')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'r.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(scopeWhere(scope, 'p.org_id'));

export async function listReporters(ctx: AppContext, scope: ResolvedScope): Promise<{ items: ReporterView[] }> {
  const rows = await reportersQuery(ctx.db, scope)
    .select(['r.id', 'r.person_id', 'r.role', 'r.since', 'r.until', 'r.note', 'p.name', 'p.org_id', 'o.name as org_name', 'p.name_pinyin'])
    .select((eb) =>
      eb
        .selectFrom('publicity_output as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.person_id', '=', 'r.person_id')
        .where('x.status', '=', 'verified')
        .as('verified'),
    )
    .orderBy('o.name')
    .orderBy('p.name_pinyin')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      orgId: r.org_id,
      orgName: r.org_name,
      role: r.role,
      since: r.since,
      until: r.until,
      note: r.note,
      verifiedOutputs: Number(r.verified ?? 0),
    })),
  };
}

export async function addReporter(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateReporterBody) {
  await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const active = await ctx.db
    .selectFrom('publicity_reporter')
    .select('id')
    .where('person_id', '=', body.personId)
    .where('until', 'is', null)
    .executeTakeFirst();
  if (active) throw new AppError('PUB_REPORTER_EXISTS');
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('publicity_reporter')
      .values({
        id,
        person_id: body.personId,
        role: body.role,
        since: body.since,
        until: null,
        note: body.note ?? null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.reporter.create',
      objectType: 'publicity_reporter',
      objectId: id,
      detail: { role: body.role },
    });
  });
  return (await listReporters(ctx, scope)).items.find((r) => r.id === id)!;
}

export async function endReporter(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, until: string) {
  const row = await reportersQuery(ctx.db, scope).select(['r.id', 'r.since']).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('PUB_REPORTER_NOT_FOUND');
  if (until < row.since) throw new AppError('PARTY_TERM_DATES');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('publicity_reporter').set({ until, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.reporter.end',
      objectType: 'publicity_reporter',
      objectId: id,
      detail: { until },
    });
  });
  return (await listReporters(ctx, scope)).items.find((r) => r.id === id)!;
}

/** The bureau's own official accounts (政务新媒体) per unit; and the branches in scope that have none. */
export async function listAccounts(ctx: AppContext, scope: ResolvedScope): Promise<AccountList> {
  const rows = await ctx.db
    .selectFrom('official_account as a')
    .innerJoin('org as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select('o.name as org_name')
    .where(scopeWhere(scope, 'a.org_id'))
    .orderBy('o.name')
    .orderBy('a.name')
    .execute();
  const people = await personBriefs(
    ctx.db,
    rows.flatMap((r) => [r.operator_person_id, r.reviewer_person_id]).filter((x): x is string => x !== null),
  );
  const items: AccountView[] = rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    platform: r.platform as AccountView['platform'],
    name: r.name,
    operatorPersonId: r.operator_person_id,
    operatorName: r.operator_person_id ? (people.get(r.operator_person_id)?.name ?? null) : null,
    reviewerPersonId: r.reviewer_person_id,
    reviewerName: r.reviewer_person_id ? (people.get(r.reviewer_person_id)?.name ?? null) : null,
    verified: r.verified === 1,
    active: r.active === 1,
  }));
  // Branches: the establishment units right under the root (分局), the level the rule names.
  const branches = await ctx.db
    .selectFrom('org as o')
    .innerJoin('org as parent', 'parent.id', 'o.parent_id')
    .select(['o.id', 'o.name'])
    .where('parent.parent_id', 'is', null)
    .where('o.is_unit', '=', 1)
    .where('o.status', '=', 'active')
    .where(scopeWhere(scope, 'o.id'))
    .orderBy('o.name')
    .execute();
  const covered = await ctx.db
    .selectFrom('official_account as a')
    .innerJoin('org_closure as c', 'c.descendant_id', 'a.org_id')
    .select('c.ancestor_id')
    .where('a.active', '=', 1)
    .where('c.ancestor_id', 'in', branches.length ? branches.map((b) => b.id) : [''])
    .execute();
  const has = new Set(covered.map((c) => c.ancestor_id));
  return { items, branchesWithout: branches.filter((b) => !has.has(b.id)).map((b) => ({ orgId: b.id, orgName: b.name })) };
}

async function accountInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('official_account')
    .selectAll()
    .where('id', '=', id)
    .where(scopeWhere(scope, 'org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('PUB_ACCOUNT_NOT_FOUND');
  return row;
}

export async function createAccount(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateAccountBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const named = [body.operatorPersonId, body.reviewerPersonId].filter((x): x is string => typeof x === 'string');
  if (named.length) await assertPeopleInScope(ctx.db, scope, named);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('official_account')
      .values({
        id,
        org_id: body.orgId,
        platform: body.platform,
        name: body.name,
        operator_person_id: body.operatorPersonId ?? null,
        reviewer_person_id: body.reviewerPersonId ?? null,
        verified: body.verified ? 1 : 0,
        active: 1,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.account.create',
      objectType: 'official_account',
      objectId: id,
      detail: { platform: body.platform, name: body.name },
    });
  });
  return (await listAccounts(ctx, scope)).items.find((a) => a.id === id)!;
}

export async function updateAccount(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdateAccountBody) {
  const row = await accountInScope(ctx.db, scope, id);
  const named = [body.operatorPersonId, body.reviewerPersonId].filter((x): x is string => typeof x === 'string');
  if (named.length) await assertPeopleInScope(ctx.db, scope, named);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('official_account')
      .set({
        name: body.name ?? row.name,
        operator_person_id: body.operatorPersonId === undefined ? row.operator_person_id : body.operatorPersonId,
        reviewer_person_id: body.reviewerPersonId === undefined ? row.reviewer_person_id : body.reviewerPersonId,
        verified: body.verified === undefined ? row.verified : body.verified ? 1 : 0,
        active: body.active === undefined ? row.active : body.active ? 1 : 0,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.account.update',
      objectType: 'official_account',
      objectId: id,
      detail: { ...body },
    });
  });
  return (await listAccounts(ctx, scope)).items.find((a) => a.id === id)!;
}
