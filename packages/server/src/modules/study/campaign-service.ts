import { roundHours, tallyByBranch, type CreateCampaignBody, type PersonSet } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { branchesOf } from '../../platform/orgs/branches.ts';
import { checkedPersonSet, normalizePersonSet, peopleInSet } from '../personnel/people.ts';
import type { StudyCampaignTable } from './tables.ts';

/** A campaign's participants (参学范围) are a person set, stored normalised. */
const parseTarget = (json: string) => normalizePersonSet(JSON.parse(json) as PersonSet);

const present = (c: StudyCampaignTable & { org_name: string }) => ({
  id: c.id,
  title: c.title,
  orgId: c.org_id,
  orgName: c.org_name,
  startDate: c.start_date,
  endDate: c.end_date,
  requiredHours: c.required_hours,
  description: c.description,
  target: parseTarget(c.target),
});

const campaigns = (db: Executor) =>
  db.selectFrom('study_campaign as c').innerJoin('org as o', 'o.id', 'c.org_id').selectAll('c').select('o.name as org_name');

async function campaignInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await campaigns(db).where('c.id', '=', id).where(scopeWhere(scope, 'c.org_id')).executeTakeFirst();
  if (!row) throw new AppError('STUDY_CAMPAIGN_NOT_FOUND');
  return row;
}

export async function listCampaigns(ctx: AppContext, scope: ResolvedScope) {
  return (
    await campaigns(ctx.db).where(scopeWhere(scope, 'c.org_id')).orderBy('c.start_date', 'desc').orderBy('c.id', 'desc').execute()
  ).map(present);
}

export async function createCampaign(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateCampaignBody) {
  if (body.endDate < body.startDate) throw new AppError('TRAINING_DATES_INVALID');
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const target = await checkedPersonSet(ctx.db, scope, body.target, 'TRAINING_TARGET_EMPTY');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('study_campaign')
      .values({
        id,
        title: body.title.trim(),
        org_id: body.orgId,
        start_date: body.startDate,
        end_date: body.endDate,
        required_hours: body.requiredHours,
        description: body.description ?? null,
        target: JSON.stringify(target),
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'study.campaign.create',
      objectType: 'study_campaign',
      objectId: id,
      detail: { title: body.title },
    });
  });
  return present(await campaignInScope(ctx.db, scope, id));
}

/** Approved hours per person credited to the campaign within its dates. */
async function campaignHours(db: Executor, c: StudyCampaignTable, personIds: readonly string[]) {
  const hours = new Map<string, number>();
  for (let i = 0; i < personIds.length; i += 500) {
    const chunk = personIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('study_record')
      .select(['person_id', sql<number>`sum(hours)`.as('h')])
      .where('campaign_id', '=', c.id)
      .where('status', '=', 'approved')
      .where('date', '>=', c.start_date)
      .where('date', '<=', c.end_date)
      .where('person_id', 'in', chunk)
      .groupBy('person_id')
      .execute();
    for (const r of rows) hours.set(r.person_id, roundHours(Number(r.h)));
  }
  return hours;
}

/** Per-unit completion rate and per-person progress among participants in the caller's scope. */
export async function campaignProgress(ctx: AppContext, scope: ResolvedScope, id: string) {
  const c = await campaignInScope(ctx.db, scope, id);
  const people = await peopleInSet(ctx, ctx.db, scope, parseTarget(c.target));
  const hours = await campaignHours(
    ctx.db,
    c,
    people.map((p) => p.id),
  );
  const branches = await branchesOf(
    ctx.db,
    c.org_id,
    people.map((p) => p.org_id),
  );
  const rows = people.map((p) => {
    const h = hours.get(p.id) ?? 0;
    const b = branches.get(p.org_id) ?? { id: c.org_id, name: c.org_name };
    return {
      personId: p.id,
      name: p.name,
      orgName: p.org_name,
      branchId: b.id,
      branchName: b.name,
      hours: h,
      covered: h >= c.required_hours,
    };
  });
  const names = new Map(rows.map((r) => [r.branchId, r.branchName]));
  return {
    campaign: present(c),
    total: rows.length,
    completed: rows.filter((r) => r.covered).length,
    units: tallyByBranch(rows)
      .map((b) => ({
        branchId: b.branchId,
        branchName: names.get(b.branchId) ?? '',
        total: b.total,
        completed: b.covered,
        rate: Math.floor((b.covered * 100) / b.total),
      }))
      .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN')),
    people: rows.map(({ covered, ...r }) => ({ ...r, completed: covered })),
  };
}

/** Campaigns the person takes part in (their target groups include them), with their progress. */
export async function campaignsOf(ctx: AppContext, me: { id: string; org_id: string }) {
  const all = await campaigns(ctx.db)
    .where('c.org_id', 'in', ctx.db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', me.org_id))
    .orderBy('c.start_date', 'desc')
    .execute();
  const result = [];
  for (const c of all) {
    const inIt = await peopleInSet(ctx, ctx.db, { all: true }, parseTarget(c.target), [me.id]);
    if (inIt.length === 0) continue;
    const h = (await campaignHours(ctx.db, c, [me.id])).get(me.id) ?? 0;
    result.push({ ...present(c), myHours: h, completed: h >= c.required_hours });
  }
  return result;
}
