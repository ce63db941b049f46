import { evaluateCoverage, tallyByBranch, type CoverageQuery, type CoverageRule, type CreateCoverageBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { branchesOf } from '../../platform/orgs/branches.ts';
import { trainingHoursOf } from '../personnel/people.ts';
import { checkedTarget, parseTarget, peopleInTarget } from './target-people.ts';
import type { TrainingCoverageTable } from './tables.ts';

const present = (r: TrainingCoverageTable & { org_name: string }) => ({
  id: r.id,
  title: r.title,
  orgId: r.org_id,
  orgName: r.org_name,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  target: parseTarget(r.target),
  rule: JSON.parse(r.rule) as CoverageRule,
});

async function coverageInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('training_coverage as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .selectAll('v')
    .select('o.name as org_name')
    .where('v.id', '=', id)
    .where(scopeWhere(scope, 'v.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('TRAINING_COVERAGE_NOT_FOUND');
  return row;
}

export async function listCoverage(ctx: AppContext, scope: ResolvedScope) {
  const rows = await ctx.db
    .selectFrom('training_coverage as v')
    .innerJoin('org as o', 'o.id', 'v.org_id')
    .selectAll('v')
    .select('o.name as org_name')
    .where(scopeWhere(scope, 'v.org_id'))
    .orderBy('v.period_end', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  return rows.map(present);
}

export async function createCoverage(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateCoverageBody) {
  if (body.periodEnd < body.periodStart) throw new AppError('TRAINING_DATES_INVALID');
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const target = await checkedTarget(ctx.db, scope, body.target);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('training_coverage')
      .values({
        id,
        title: body.title.trim(),
        org_id: body.orgId,
        period_start: body.periodStart,
        period_end: body.periodEnd,
        target: JSON.stringify(target),
        rule: JSON.stringify(body.rule),
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.coverage.create',
      objectType: 'training_coverage',
      objectId: id,
      detail: { title: body.title, rule: body.rule },
    });
  });
  return present(await coverageInScope(ctx.db, scope, id));
}

export interface CoveragePerson {
  personId: string;
  name: string;
  orgName: string;
  post: string | null;
  branchId: string;
  branchName: string;
  covered: boolean;
  done: number;
  required: number;
}

/**
 * Computes the live status: everyone of the target group in the caller's scope, what each has
 * done in the period (completed classes dated by the class's end, or 学时 ledger lines of every
 * source — training, study, other — dated in the
 * period — the same rows the profile shows), grouped per branch under the requirement's org.
 */
export async function coverageStatus(ctx: AppContext, scope: ResolvedScope, id: string, q: CoverageQuery) {
  const req = await coverageInScope(ctx.db, scope, id);
  const rule = JSON.parse(req.rule) as CoverageRule;
  const people = await peopleInTarget(ctx, ctx.db, scope, parseTarget(req.target));
  const ids = people.map((p) => p.id);
  const kinds = new Map<string, string[]>();
  const hours = rule.kind === 'classes' ? new Map<string, number>() : await trainingHoursOf(ctx.db, ids, req.period_start, req.period_end);
  for (let i = 0; i < ids.length && rule.kind === 'classes'; i += 500) {
    const rows = await ctx.db
      .selectFrom('training_enrollment as e')
      .innerJoin('training_class as c', 'c.id', 'e.class_id')
      .select(['e.person_id', 'c.kind'])
      .where('e.status', '=', 'completed')
      .where('e.person_id', 'in', ids.slice(i, i + 500))
      .where('c.end_date', '>=', req.period_start)
      .where('c.end_date', '<=', req.period_end)
      .execute();
    for (const r of rows) kinds.set(r.person_id, [...(kinds.get(r.person_id) ?? []), r.kind]);
  }
  const branches = await branchesOf(
    ctx.db,
    req.org_id,
    people.map((p) => p.org_id),
  );
  let evaluated: CoveragePerson[] = people.map((p) => {
    const branch = branches.get(p.org_id) ?? { id: req.org_id, name: req.org_name };
    const progress = evaluateCoverage(rule, { completedClassKinds: kinds.get(p.id) ?? [], hours: hours.get(p.id) ?? 0 });
    return { personId: p.id, name: p.name, orgName: p.org_name, post: p.post, branchId: branch.id, branchName: branch.name, ...progress };
  });
  // The per-branch table always counts everyone; the filters narrow the lists of names shown.
  const tally = tallyByBranch(evaluated).sort((a, b) => a.branchId.localeCompare(b.branchId));
  const branchNames = new Map(evaluated.map((p) => [p.branchId, p.branchName]));
  if (q.branchId) evaluated = evaluated.filter((p) => p.branchId === q.branchId);
  if (q.keyword) evaluated = evaluated.filter((p) => p.name.includes(q.keyword as string));
  const status = q.status ?? 'missing';
  if (status !== 'all') evaluated = evaluated.filter((p) => p.covered === (status === 'covered'));
  // Grouped per branch for reading and export; within a branch the pinyin order of the query stays (stable sort).
  evaluated.sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN'));
  return {
    requirement: present(req),
    total: people.length,
    covered: tally.reduce((s, b) => s + b.covered, 0),
    branches: tally
      .map((b) => ({
        branchId: b.branchId,
        branchName: branchNames.get(b.branchId) ?? '',
        total: b.total,
        covered: b.covered,
        missing: b.missing.length,
        rate: Math.floor((b.covered * 100) / b.total),
      }))
      .sort((a, b) => a.branchName.localeCompare(b.branchName, 'zh-CN')),
    people: evaluated,
  };
}
