import { addMonthEnds, ewQuarterOf, type ReportSections, type ReportView } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { submitCase, type Actor } from '../../platform/workflow/engine.ts';
import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { cockpit } from './cockpit-service.ts';

/**
 * Quarterly team-condition reports (季度队伍质态分析报告): each branch drafts one from the data —
 * the figures of the cockpit snapshot at the quarter's end and the warnings handled in the
 * quarter — edits the text, and submits it on the workflow to the city political department;
 * the city sees a summary across branches.
 */
export const REPORT_KIND = 'warning.quarterly';

const quarterEnd = (quarter: string) =>
  addMonthEnds(`${quarter.slice(0, 4)}-${String(Number(quarter.slice(5)) * 3).padStart(2, '0')}-01`, 0);
const quarterStart = (quarter: string) => `${quarter.slice(0, 4)}-${String(Number(quarter.slice(5)) * 3 - 2).padStart(2, '0')}-01`;

async function figuresFor(ctx: AppContext, scope: ResolvedScope, orgId: string, quarter: string): Promise<Record<string, number>> {
  const end = quarterEnd(quarter);
  const run = await ctx.db
    .selectFrom('ew_run')
    .select('as_of')
    .where('as_of', '<=', end)
    .orderBy('as_of', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!run) throw new AppError('WARN_NO_SNAPSHOT');
  const c = await cockpit(ctx, scope, orgId, { asOf: run.as_of, orgId });
  const start = quarterStart(quarter);
  const inOrg = (db: Executor) =>
    db
      .selectFrom('ew_alert as a')
      .innerJoin('ew_cockpit_member as m', (j) => j.onRef('m.person_id', '=', 'a.person_id').on('m.as_of', '=', run.as_of))
      .innerJoin('org_closure as cl', 'cl.descendant_id', 'm.org_id')
      .where('cl.ancestor_id', '=', orgId);
  const opened = await inOrg(ctx.db).select('a.id').where('a.first_as_of', '>=', start).where('a.first_as_of', '<=', end).execute();
  const closed = await inOrg(ctx.db)
    .select('a.id')
    .where('a.closed_on', '>=', start)
    .where('a.closed_on', '<=', `${end}`)
    .where('a.status', '=', 'closed')
    .execute();
  return {
    people: c.totals.people,
    officers: c.totals.officers,
    auxiliaries: c.totals.auxiliaries,
    trainingCoveragePct: Math.round(c.trainingCoverage * 1000) / 10,
    examAverage: c.examAverage ?? 0,
    awards: c.awardsTrend.slice(-3).reduce((s, m) => s + m.awards, 0),
    discipline: c.awardsTrend.slice(-3).reduce((s, m) => s + m.discipline, 0),
    alertsOpened: opened.length,
    alertsClosed: closed.length,
    alertsOpen: c.totals.openAlerts,
  };
}

const draftSections = (orgName: string, quarter: string, f: Record<string, number>): ReportSections => ({
  overview: `${quarter.slice(0, 4)}年第${quarter.slice(5)}季度，${orgName}共有在岗人员 ${f.people ?? 0} 人（民警 ${f.officers ?? 0} 人、辅警 ${f.auxiliaries ?? 0} 人）。近 12 个月培训覆盖率 ${f.trainingCoveragePct ?? 0}%，近 3 个月考试均分 ${f.examAverage ?? 0} 分；本季度奖励 ${f.awards ?? 0} 人次，处分 ${f.discipline ?? 0} 人次。`,
  warnings: `本季度新生成队伍质态预警 ${f.alertsOpened ?? 0} 条，处置结案 ${f.alertsClosed ?? 0} 条，季末仍在处置 ${f.alertsOpen ?? 0} 条。`,
  problems: '（请结合研判会情况填写本季度发现的苗头性、倾向性问题。）',
  measures: '（请填写已采取和下一步拟采取的措施。）',
});

const present = (r: {
  id: string;
  org_id: string;
  org_name: string;
  quarter: string;
  status: string;
  figures: string;
  sections: string;
  case_id: string | null;
  updated_at: string;
}): ReportView => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  quarter: r.quarter,
  status: r.status,
  figures: JSON.parse(r.figures) as Record<string, number>, // written here
  sections: JSON.parse(r.sections) as ReportSections, // written here from a checked body
  caseId: r.case_id,
  updatedAt: r.updated_at,
});

const reportQuery = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('ew_report as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.org_id', 'o.name as org_name', 'r.quarter', 'r.status', 'r.figures', 'r.sections', 'r.case_id', 'r.updated_at'])
    .where(scopeWhere(scope, 'r.org_id'));

export async function loadReport(db: Executor, scope: ResolvedScope, id: string): Promise<ReportView> {
  const r = await reportQuery(db, scope).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('WARN_REPORT_NOT_FOUND');
  return present(r);
}

export async function listReports(ctx: AppContext, scope: ResolvedScope, quarter: string | undefined) {
  let q = reportQuery(ctx.db, scope);
  if (quarter) q = q.where('r.quarter', '=', quarter);
  return { items: (await q.orderBy('r.quarter', 'desc').orderBy('o.sort_order').execute()).map(present) };
}

export async function createReport(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: { orgId: string; quarter: string }) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const org = await ctx.db.selectFrom('org').select(['name', 'type']).where('id', '=', body.orgId).executeTakeFirstOrThrow();
  if (org.type !== 'branch') throw new AppError('WARN_REPORT_ORG');
  const exists = await ctx.db
    .selectFrom('ew_report')
    .select('id')
    .where('org_id', '=', body.orgId)
    .where('quarter', '=', body.quarter)
    .executeTakeFirst();
  if (exists) throw new AppError('WARN_REPORT_EXISTS');
  const figures = await figuresFor(ctx, scope, body.orgId, body.quarter);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('ew_report')
      .values({
        id,
        org_id: body.orgId,
        quarter: body.quarter,
        status: 'draft',
        figures: JSON.stringify(figures),
        sections: JSON.stringify(draftSections(org.name, body.quarter, figures)),
        case_id: null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'warning.report.create', objectType: 'ew_report', objectId: id, detail: body });
  });
  return loadReport(ctx.db, scope, id);
}

export async function updateReport(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, sections: ReportSections) {
  const r = await loadReport(ctx.db, scope, id);
  if (r.status !== 'draft' && r.status !== 'returned') throw new AppError('WARN_REPORT_LOCKED');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('ew_report')
      .set({ sections: JSON.stringify(sections), updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'warning.report.update', objectType: 'ew_report', objectId: id });
  });
  return loadReport(ctx.db, scope, id);
}

export async function submitReport(ctx: AppContext, scope: ResolvedScope, actor: Actor, id: string) {
  const r = await loadReport(ctx.db, scope, id);
  if (r.status !== 'draft' && r.status !== 'returned') throw new AppError('WARN_REPORT_LOCKED');
  await ctx.db.transaction().execute(async (trx) => {
    const caseId = await submitCase(trx, ctx, actor, {
      kind: REPORT_KIND,
      refId: id,
      title: `${r.orgName}${r.quarter}队伍质态分析报告`,
      subjectPersonId: null,
      subjectName: r.orgName,
      subjectOrgId: r.orgId,
    });
    await trx
      .updateTable('ew_report')
      .set({ status: 'submitted', case_id: caseId, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.report.submit',
      objectType: 'ew_report',
      objectId: id,
      detail: { caseId },
    });
  });
  return loadReport(ctx.db, scope, id);
}

/** Every branch in scope for the quarter, with or without a report. */
export async function reportSummary(ctx: AppContext, scope: ResolvedScope, quarter: string) {
  const branches = await ctx.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('type', '=', 'branch')
    .where('status', '=', 'active')
    .where(scopeWhere(scope, 'id'))
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  const reports = new Map((await listReports(ctx, scope, quarter)).items.map((r) => [r.orgId, r]));
  return {
    quarter,
    rows: branches.map((b) => ({
      orgId: b.id,
      orgName: b.name,
      status: reports.get(b.id)?.status ?? 'missing',
      figures: reports.get(b.id)?.figures ?? {},
    })),
  };
}

export const currentQuarter = (ctx: AppContext) => ewQuarterOf(ctx.clock.now().toISOString().slice(0, 10));

registerCaseKind({
  kind: REPORT_KIND,
  module: 'warning',
  defaultSteps: [
    { name: '市局政治部审阅', type: 'approval', permission: 'warning:report', orgLevel: 'city', mode: 'any', deadlineWorkingDays: 10 },
  ],
  onDecided: async (h) => {
    await h.trx
      .updateTable('ew_report')
      .set({ status: h.outcome === 'approved' ? 'accepted' : 'returned', updated_at: h.ctx.clock.now().toISOString() })
      .where('id', '=', h.caseRow.ref_id)
      .execute();
  },
});
