import type { CoverageQuery } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { coverageStatus } from './coverage-service.ts';

const labels = {
  'zh-CN': {
    summary: '汇总',
    people: '人员名单',
    branch: '单位',
    total: '应训人数',
    covered: '已完成',
    missing: '未完成',
    rate: '完成率(%)',
    name: '姓名',
    org: '所在单位',
    post: '职务',
    done: '已完成',
    required: '要求',
    status: '状态',
    yes: '已完成',
    no: '未完成',
  },
  'en-US': {
    summary: 'Summary',
    people: 'People',
    branch: 'Branch',
    total: 'Target',
    covered: 'Covered',
    missing: 'Missing',
    rate: 'Rate (%)',
    name: 'Name',
    org: 'Unit',
    post: 'Post',
    done: 'Done',
    required: 'Required',
    status: 'Status',
    yes: 'Covered',
    no: 'Missing',
  },
} as const;

/** The coverage table and the (filtered) list of names as xlsx; the export is audited before it is built. */
export async function coverageXlsx(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  q: CoverageQuery,
  locale: 'zh-CN' | 'en-US',
) {
  const status = await coverageStatus(ctx, scope, id, q);
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'training.coverage.export',
    objectType: 'training_coverage',
    objectId: id,
    detail: { filter: q, count: status.people.length },
  });
  const l = labels[locale];
  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet(l.summary);
  summary.addRow([status.requirement.title, `${status.requirement.periodStart} ~ ${status.requirement.periodEnd}`]).font = { bold: true };
  summary.addRow([l.branch, l.total, l.covered, l.missing, l.rate]).font = { bold: true };
  for (const b of status.branches) summary.addRow([b.branchName, b.total, b.covered, b.missing, b.rate]);
  summary.getColumn(1).width = 28;
  const people = wb.addWorksheet(l.people);
  people.addRow([l.branch, l.org, l.name, l.post, l.done, l.required, l.status]).font = { bold: true };
  for (const p of status.people)
    people.addRow([p.branchName, p.orgName, p.name, p.post ?? '', p.done, p.required, p.covered ? l.yes : l.no]);
  people.columns.forEach((c) => (c.width = 18));
  return { title: status.requirement.title, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
