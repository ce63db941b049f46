import { isWorkingDay, nextDay, type LeaveCalendarResponse } from '@zhenggong/core';
import { sql } from 'kysely';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadCalendar } from '../../platform/workflow/calendar.ts';
import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { ON_FORCE_STATUSES, scopedPeople, scopedPeopleOnForce, today } from '../personnel/people.ts';
import { annualEntitlement } from '@zhenggong/core';
import { applyLeaveOutcome, kindsInForce, LEAVE_KIND, LEAVE_LEADER_KIND, listLeave, yearFacts } from './leave-service.ts';
import { ruleValue } from './welfare-rules.ts';

/**
 * Leave applications (请休假) are decided through the platform workflow by a holder of
 * `leave:approve`: officers by their own unit, leaders (posts listed in rule `leaveApproval`) by the
 * branch above. The applicant never decides their own.
 */
for (const [kind, orgLevel] of [
  [LEAVE_KIND, 'subject_unit'],
  [LEAVE_LEADER_KIND, 'subject_branch'],
] as const) {
  registerCaseKind({
    kind,
    module: 'welfare',
    defaultSteps: [{ name: '请假审批', type: 'approval', permission: 'leave:approve', orgLevel, mode: 'any', deadlineWorkingDays: 2 }],
    onDecided: (h) => applyLeaveOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome, h.note),
  });
}

const subtree = (ctx: AppContext, orgId: string) =>
  ctx.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId);

/** Who is away each day of a month in a unit (and below), against the unit's strength and its minimum-strength share. */
export async function leaveCalendar(ctx: AppContext, scope: ResolvedScope, orgId: string, month: string): Promise<LeaveCalendarResponse> {
  await assertOrgInScope(ctx.db, scope, orgId);
  const org = await ctx.db.selectFrom('org').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw new AppError('ORG_NOT_FOUND');
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const strengthRow = await ctx.db
    .selectFrom(scopedPeopleOnForce(ctx.db, scope).as('p'))
    .select(sql<number>`count(*)`.as('n'))
    .where('p.org_id', 'in', subtree(ctx, orgId))
    .executeTakeFirstOrThrow();
  const strength = Number(strengthRow.n);
  const all = await listLeave(ctx, scope, { orgId, status: 'approved', pageSize: 200, page: 1 });
  const leaves = all.items.filter((l) => l.startDate <= last && l.endDate >= first);
  const pending = (await listLeave(ctx, scope, { orgId, status: 'pending', pageSize: 200, page: 1 })).items.filter(
    (l) => l.startDate <= last && l.endDate >= first,
  );
  const { calendar } = await loadCalendar(ctx.db, ctx.config.cityCode, [y]);
  const rule = await ruleValue(ctx, ctx.db, 'leaveApproval', first);
  const days = [];
  for (let d = first; d <= last; d = nextDay(d)) {
    const away = new Set(leaves.filter((l) => l.startDate <= d && l.endDate >= d).map((l) => l.personId)).size;
    const present = strength - away;
    const working = isWorkingDay(calendar, d);
    days.push({ date: d, working, away, present, belowMinimum: working && strength > 0 && present / strength < rule.minPresentShare });
  }
  return { orgId, orgName: org.name, month, strength, minPresentShare: rule.minPresentShare, days, leaves: [...leaves, ...pending] };
}

/** Leave taken by unit in a year: annual-leave entitlement against days taken, and days by kind. */
export async function leaveStats(ctx: AppContext, scope: ResolvedScope, year: number) {
  const people = await scopedPeople(ctx.db, scope)
    .where('status', 'in', ON_FORCE_STATUSES)
    .select(['id', 'org_id', 'work_start_date'])
    .execute();
  const orgs = new Map((await ctx.db.selectFrom('org').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
  const rows = await ctx.db
    .selectFrom('leave_application as l')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'l.person_id')
    .select(['p.org_id', 'l.kind', sql<number>`sum(l.days)`.as('d')])
    .where('l.year', '=', year)
    .where('l.status', '=', 'approved')
    .groupBy(['p.org_id', 'l.kind'])
    .execute();
  const kinds = await kindsInForce(ctx, `${year}-12-31`);
  const annualCodes = new Set(kinds.filter((k) => k.annual).map((k) => k.code));
  const asOf = Number(today(ctx).slice(0, 4)) === year ? today(ctx) : `${year}-12-31`;
  const rule = await ruleValue(ctx, ctx.db, 'annualLeave', asOf);
  const units = new Map<
    string,
    { orgId: string; orgName: string; people: number; annualEntitled: number; annualTaken: number; byKind: Record<string, number> }
  >();
  const unit = (orgId: string) => {
    let u = units.get(orgId);
    if (!u) {
      u = { orgId, orgName: orgs.get(orgId) ?? orgId, people: 0, annualEntitled: 0, annualTaken: 0, byKind: {} };
      units.set(orgId, u);
    }
    return u;
  };
  for (const p of people) {
    const u = unit(p.org_id);
    u.people += 1;
    // Statistics read the band only; exclusions are per-person ledger detail.
    if (p.work_start_date)
      u.annualEntitled += annualEntitlement(rule, p.work_start_date, asOf, {
        sickDays: 0,
        personalDaysUnpaidNotDeducted: 0,
        annualTaken: 0,
      }).days;
  }
  for (const r of rows) {
    const u = unit(r.org_id);
    u.byKind[r.kind] = (u.byKind[r.kind] ?? 0) + Number(r.d);
    if (annualCodes.has(r.kind)) u.annualTaken += Number(r.d);
  }
  return {
    year,
    units: [...units.values()]
      .map((u) => ({ ...u, takenShare: u.annualEntitled > 0 ? Math.round((u.annualTaken / u.annualEntitled) * 1000) / 1000 : 0 }))
      .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN')),
  };
}

export { yearFacts };
