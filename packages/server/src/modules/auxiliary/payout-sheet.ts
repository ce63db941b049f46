import { beijingDate } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { confirmedMonth } from './assessment.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Column headers of the payout sheet (发放表); the test reads the sheet back by these. */
export const payoutColumns = ['序号', '单位', '姓名', '身份证号', '考核等次', '奖惩金（元）', '本人签名'] as const;

/**
 * The payout sheet of a confirmed month: a title with the month and unit, one row per person
 * (ID numbers masked), a total row, and a signature column each person signs on receipt.
 */
export async function payoutSheet(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const grid = await confirmedMonth(ctx, scope, id);
  const labels = new Map(grid.gradeTable.value.grades.map((g) => [g.code, g.label]));
  const [y, m] = grid.month.split('-');
  const title = `${grid.orgName} ${y}年${Number(m)}月 辅警月度考核奖惩金发放表`;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhenggong';
  const ws = wb.addWorksheet('发放表', {
    pageSetup: { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 6 }, { width: 22 }, { width: 12 }, { width: 22 }, { width: 12 }, { width: 14 }, { width: 16 }];
  ws.mergeCells(1, 1, 1, payoutColumns.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, payoutColumns.length);
  ws.getCell(2, 1).value = [
    `考核月份：${grid.month}`,
    `奖惩金额度：${(grid.fundFen / 100).toFixed(2)} 元`,
    `确认人：${grid.confirmedByName ?? ''}`,
    `确认时间：${grid.confirmedAt ? beijingDate(new Date(grid.confirmedAt)) : ''}`,
  ].join('    ');
  const header = ws.getRow(3);
  header.values = [...payoutColumns];
  header.font = { bold: true };
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  grid.rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = [
      i + 1,
      r.orgName,
      r.name,
      r.idNumberMasked,
      r.grade ? (labels.get(r.grade) ?? r.grade) : '',
      (r.amountFen ?? 0) / 100,
      '',
    ];
    row.getCell(6).numFmt = '0.00';
    row.height = 24;
  });
  const totalRow = ws.getRow(4 + grid.rows.length);
  const totalFen = grid.rows.reduce((s, r) => s + (r.amountFen ?? 0), 0);
  totalRow.values = ['合计', '', `${grid.rows.length} 人`, '', '', totalFen / 100, ''];
  totalRow.getCell(6).numFmt = '0.00';
  totalRow.font = { bold: true };
  for (let rowNo = 3; rowNo <= 4 + grid.rows.length; rowNo++)
    for (let c = 1; c <= payoutColumns.length; c++) ws.getCell(rowNo, c).border = border;
  const foot = ws.getRow(6 + grid.rows.length);
  foot.values = ['', '制表人：', '', '审核人：', '', '单位负责人：'];
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'auxiliary.payout.export',
    objectType: 'aux_assessment_month',
    objectId: id,
    detail: { month: grid.month, orgId: grid.orgId, people: grid.rows.length, totalFen },
  });
  return { body, month: grid.month, orgName: grid.orgName };
}
