import type { Writable } from 'node:stream';
import type { AuditExportQuery } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { AuditLogTable } from '../../db/database.ts';
import { auditSheetColumns, auditSheetRow } from './audit-presenter.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportSheetInfo {
  readonly filter: AuditExportQuery;
  readonly exportedBy: string;
  readonly exportedAt: string;
  readonly count: number;
  readonly upToSeq: number;
}

/**
 * Writes the xlsx with ExcelJS's streaming writer: each row is committed and flushed as it is
 * added, so memory stays flat however many of the (capped) rows are exported.
 */
export async function writeAuditXlsx(out: Writable, batches: AsyncIterable<AuditLogTable[]>, info: ExportSheetInfo): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Zhenggong 智慧政工';
  workbook.created = new Date(info.exportedAt);

  const sheet = workbook.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = auditSheetColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const row of batch) sheet.addRow(auditSheetRow(row)).commit();
  }
  sheet.commit();

  // The export's own provenance travels with the file: who, when, which filter, how many rows.
  const about = workbook.addWorksheet('导出说明');
  about.columns = [{ width: 18 }, { width: 80 }];
  const lines: [string, string | number][] = [
    ['导出人', info.exportedBy],
    ['导出时间（UTC）', info.exportedAt],
    ['筛选条件', JSON.stringify(info.filter)],
    ['记录数', info.count],
    ['截至序号', info.upToSeq],
  ];
  for (const line of lines) about.addRow(line).commit();
  about.commit();
  await workbook.commit();
}
