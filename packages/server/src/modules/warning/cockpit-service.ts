import { ewMonthIndex, monthOfIndex, type CockpitDrillQuery, type CockpitResponse } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { allPeople } from '../personnel/people.ts';
import { OPEN_STATUSES } from './alert-writer.ts';

/** Open alerts someone has taken up (处置中): every open status but 'new'. */
const HANDLING_STATUSES = OPEN_STATUSES.filter((s) => s !== 'new');

/** The newest month with a snapshot, or the asked one when it has one. */
export async function snapshotDate(db: Executor, ctx: AppContext, asOf: string | undefined): Promise<string> {
  let q = db.selectFrom('ew_run').select('as_of').where('city_code', '=', ctx.config.cityCode);
  if (asOf) q = q.where('as_of', '=', asOf);
  const row = await q.orderBy('as_of', 'desc').limit(1).executeTakeFirst();
  if (!row) throw new AppError('WARN_NO_SNAPSHOT');
  return row.as_of;
}

/** The org the cockpit opens on: the asked one (in scope), else the top of the caller's scope. */
async function cockpitOrg(
  db: Executor,
  scope: ResolvedScope,
  orgId: string | undefined,
  ownOrg: string,
): Promise<{ id: string; name: string }> {
  let id = orgId;
  if (!id) {
    if (scope.all)
      id = (await db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('sort_order').executeTakeFirst())?.id;
    else id = scope.subtreeRoots[0] ?? scope.orgIds[0] ?? ownOrg;
  }
  if (!id) throw new AppError('ORG_NOT_FOUND');
  await assertOrgInScope(db, scope, id);
  const org = await db.selectFrom('org').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!org) throw new AppError('ORG_NOT_FOUND');
  return org;
}

/**
 * One read of pre-aggregated figures for an org's subtree and for each of its direct children:
 * the job summed them over every org's subtree, so both are primary-key reads.
 */
export async function cockpit(
  ctx: AppContext,
  scope: ResolvedScope,
  ownOrg: string,
  q: { asOf?: string | undefined; orgId?: string | undefined },
): Promise<CockpitResponse> {
  const db = ctx.db;
  const newest = await snapshotDate(db, ctx, undefined);
  const asOf = q.asOf && q.asOf !== newest ? await snapshotDate(db, ctx, q.asOf) : newest;
  const org = await cockpitOrg(db, scope, q.orgId, ownOrg);
  const totals = await db
    .selectFrom('ew_cockpit_total')
    .select(['figure', 'bucket', 'value as v'])
    .where('as_of', '=', asOf)
    .where('org_id', '=', org.id)
    .execute();
  const byChild = await db
    .selectFrom('ew_cockpit_total as t')
    .innerJoin('org as o', 'o.id', 't.org_id')
    .select(['o.id', 'o.name', 'o.sort_order', 't.figure', 't.bucket', 't.value as v'])
    .where('o.parent_id', '=', org.id)
    .where('t.as_of', '=', asOf)
    .where('t.figure', 'in', ['strength', 'alerts'])
    .execute();
  // The month-end run opens alerts as 'new', so its snapshot counts none being handled: on the
  // newest month the figure is the live count; an earlier month keeps what its snapshot recorded.
  const handling = asOf === newest ? await handlingNow(db, org.id) : undefined;
  const get = (figure: string, bucket?: string) =>
    totals.filter((t) => t.figure === figure && (bucket === undefined || t.bucket === bucket)).reduce((s, t) => s + Number(t.v), 0);
  const list = (figure: string) =>
    totals
      .filter((t) => t.figure === figure)
      .map((t) => ({ key: t.bucket, label: t.bucket, value: Number(t.v), orgId: org.id }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  const units = new Map<
    string,
    { orgId: string; orgName: string; sort: number; officers: number; auxiliaries: number; openAlerts: number }
  >();
  for (const r of byChild) {
    const u = units.get(r.id) ?? { orgId: r.id, orgName: r.name, sort: Number(r.sort_order), officers: 0, auxiliaries: 0, openAlerts: 0 };
    if (r.figure === 'strength' && r.bucket === 'officer') u.officers += Number(r.v);
    if (r.figure === 'strength' && r.bucket === 'auxiliary') u.auxiliaries += Number(r.v);
    if (r.figure === 'alerts') u.openAlerts += Number(r.v);
    units.set(r.id, u);
  }
  const months = Array.from({ length: 12 }, (_, i) => monthOfIndex(ewMonthIndex(asOf) - 11 + i));
  const levelZh: Record<string, string> = { attention: '关注', warning: '预警', critical: '严重' };
  const examN = get('exam', 'n');
  const trainingTotal = get('training', 'total');
  return {
    asOf,
    orgId: org.id,
    orgName: org.name,
    totals: {
      people: get('strength'),
      officers: get('strength', 'officer'),
      auxiliaries: get('strength', 'auxiliary'),
      openAlerts: get('alerts'),
    },
    strengthByUnit: [...units.values()].sort((a, b) => a.sort - b.sort).map(({ sort: _sort, ...u }) => u),
    ageBands: list('age'),
    ranks: list('rank'),
    trainingCoverage: trainingTotal ? get('training', 'covered') / trainingTotal : 0,
    examAverage: examN ? Math.round((get('exam', 'sum') / examN) * 10) / 10 : null,
    awardsTrend: months.map((m) => ({ month: m, awards: get('awards', m), discipline: get('discipline', m) })),
    alertsByLevel: list('alerts').map((f) => ({ ...f, label: levelZh[f.key] ?? f.key })),
    interventionsOpen: handling ?? get('interventions', 'open'),
  };
}

/** Alerts being handled now about people of an org's subtree: per unit of the subtree, an index range on the alert's unit and status. */
async function handlingNow(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org_closure as c')
    .innerJoin('ew_alert as a', 'a.org_id', 'c.descendant_id')
    .select(sql<number>`count(*)`.as('n'))
    // No city filter: the closure's ancestor already names one city's units, and leaving it out
    // keeps the count inside the (org_id, status) index instead of reading every alert row.
    .where('a.status', 'in', HANDLING_STATUSES)
    .where('c.ancestor_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The people behind a figure, as of the snapshot's date, inside the caller's scope. */
export async function cockpitDrill(ctx: AppContext, scope: ResolvedScope, q: CockpitDrillQuery) {
  const db = ctx.db;
  const asOf = await snapshotDate(db, ctx, q.asOf);
  await assertOrgInScope(db, scope, q.orgId);
  let base = db
    .selectFrom('ew_cockpit_member as m')
    .innerJoin('org_closure as c', 'c.descendant_id', 'm.org_id')
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'm.person_id')
    .where('c.ancestor_id', '=', q.orgId)
    .where('m.as_of', '=', asOf)
    .where(scopeWhere(scope, 'm.org_id'));
  if (q.figure === 'officers') base = base.where('m.kind', '=', 'officer');
  if (q.figure === 'auxiliaries') base = base.where('m.kind', '=', 'auxiliary');
  if (q.figure === 'ageBand' && q.key) base = base.where('m.age_band', '=', q.key);
  if (q.figure === 'rank' && q.key)
    base = base.where('m.kind', '=', 'officer').where('m.rank', q.key === '未授衔' ? 'is' : '=', q.key === '未授衔' ? null : q.key);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const [items, total] = await Promise.all([
    base
      .select(['m.person_id', 'p.name', 'p.name_pinyin', 'o.name as org_name', 'm.kind', 'm.age_band', 'm.rank'])
      .orderBy('p.name_pinyin')
      .orderBy('m.person_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: items.map((r) => ({
      personId: r.person_id,
      name: r.name,
      orgName: r.org_name,
      kind: r.kind === 'auxiliary' ? '辅警' : '民警',
      ageBand: r.age_band,
      rank: r.rank,
    })),
  };
}
