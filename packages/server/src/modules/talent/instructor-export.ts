import ExcelJS from 'exceljs';
import type { InstructorQuery } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listInstructors } from './instructor-service.ts';

const MAX_ROWS = 5000;
const grades = { junior: '初级', intermediate: '中级', senior: '高级' } as const;
const statuses = { active: '在聘', suspended: '暂停', dismissed: '解聘', expired: '聘期届满' } as const;

/** The instructor list as filtered, as xlsx; audited like every export of personnel data. */
export async function exportInstructors(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, query: InstructorQuery): Promise<Buffer> {
  const { items, total } = await listInstructors(ctx, scope, query, MAX_ROWS);
  if (total > MAX_ROWS) throw new AppError('PERSON_EXPORT_TOO_LARGE', { total, max: MAX_ROWS });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教官库');
  ws.columns = [
    { header: '姓名', key: 'name', width: 12 },
    { header: '警号', key: 'policeNumber', width: 10 },
    { header: '单位', key: 'orgName', width: 22 },
    { header: '等级', key: 'grade', width: 8 },
    { header: '专业科目', key: 'subjects', width: 30 },
    { header: '聘任日期', key: 'appointedOn', width: 12 },
    { header: '聘期截止', key: 'expiresOn', width: 12 },
    { header: '状态', key: 'status', width: 10 },
    { header: '授课次数', key: 'lectures', width: 10 },
    { header: '评价平均分', key: 'averageScore', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const i of items) ws.addRow({ ...i, grade: grades[i.grade], subjects: i.subjects.join('、'), status: statuses[i.status] });
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.instructor.export',
      objectType: 'instructor',
      detail: { rows: items.length, query },
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
