import { checkSync, type CreateIncidentBody, type IncidentView, type ReleaseBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { publicityRuleOn } from './publicity-rules.ts';

/** Major incidents and their releases (首发, 续发, 终结), checked against the release-timing rule (三同步). */
export async function listIncidents(ctx: AppContext, scope: ResolvedScope, only?: string): Promise<{ items: IncidentView[] }> {
  let q = ctx.db
    .selectFrom('publicity_incident as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select('o.name as org_name')
    .where(scopeWhere(scope, 'i.org_id'));
  if (only) q = q.where('i.id', '=', only);
  const rows = await q.orderBy('i.occurred_at', 'desc').limit(200).execute();
  const releases = rows.length
    ? await ctx.db
        .selectFrom('publicity_release as r')
        .leftJoin('official_account as a', 'a.id', 'r.account_id')
        .select(['r.id', 'r.incident_id', 'r.kind', 'r.at', 'r.account_id', 'r.summary', 'a.name as account_name'])
        .where(
          'r.incident_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('r.at')
        .execute()
    : [];
  const items: IncidentView[] = [];
  for (const r of rows) {
    const mine = releases.filter((x) => x.incident_id === r.id);
    const rule = (await publicityRuleOn(ctx, ctx.db, 'sync', r.occurred_at.slice(0, 10))).value;
    items.push({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      title: r.title,
      occurredAt: r.occurred_at,
      releases: mine.map((x) => ({
        id: x.id,
        kind: x.kind,
        at: x.at,
        accountId: x.account_id,
        accountName: x.account_name,
        summary: x.summary,
      })),
      check: checkSync(rule, r.occurred_at, mine),
    });
  }
  return { items };
}

async function incidentInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('publicity_incident')
    .selectAll()
    .where('id', '=', id)
    .where(scopeWhere(scope, 'org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('PUB_INCIDENT_NOT_FOUND');
  return row;
}

export async function createIncident(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateIncidentBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const id = newId();
  const at = new Date(body.occurredAt).toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('publicity_incident')
      .values({
        id,
        org_id: body.orgId,
        title: body.title,
        occurred_at: at,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.incident.create',
      objectType: 'publicity_incident',
      objectId: id,
      detail: { title: body.title },
    });
  });
  return (await listIncidents(ctx, scope, id)).items[0]!;
}

/** One release: a single first release before any other, nothing after the closure; the account must be the bureau's own, in scope. */
export async function addRelease(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: ReleaseBody) {
  await incidentInScope(ctx.db, scope, id);
  if (body.accountId) {
    const acc = await ctx.db
      .selectFrom('official_account')
      .select('id')
      .where('id', '=', body.accountId)
      .where(scopeWhere(scope, 'org_id'))
      .executeTakeFirst();
    if (!acc) throw new AppError('PUB_ACCOUNT_NOT_FOUND');
  }
  const at = new Date(body.at).toISOString();
  const existing = await ctx.db.selectFrom('publicity_release').select(['kind', 'at']).where('incident_id', '=', id).execute();
  const first = existing.find((r) => r.kind === 'first');
  const closure = existing.find((r) => r.kind === 'closure');
  const bad =
    (body.kind === 'first' && (first !== undefined || existing.some((r) => r.at < at))) ||
    (body.kind !== 'first' && (first === undefined || at < first.at)) ||
    (closure !== undefined && at >= closure.at) ||
    (body.kind === 'closure' && existing.some((r) => r.at > at));
  if (bad) throw new AppError('PUB_RELEASE_ORDER');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('publicity_release')
      .values({
        id: newId(),
        incident_id: id,
        kind: body.kind,
        at,
        account_id: body.accountId ?? null,
        summary: body.summary,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'publicity.incident.release',
      objectType: 'publicity_incident',
      objectId: id,
      detail: { kind: body.kind, at },
    });
  });
  return (await listIncidents(ctx, scope, id)).items[0]!;
}
