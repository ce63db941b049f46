import ExcelJS from 'exceljs';
import type { AuditActor } from '../audit/audit-service.ts';
import { appendAudit } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';

/** One export holds at most this many rows: more means the filters were too wide to be useful. */
export const LIST_EXPORT_MAX_ROWS = 5000;

export interface SheetColumn<T> {
  readonly header: string;
  readonly width?: number;
  readonly value: (row: T) => string | number | null | undefined;
}

export interface ListExport<T> {
  /** Sheet name, also the list's name in Chinese (e.g. 辅警名单). */
  readonly sheet: string;
  readonly columns: readonly SheetColumn<T>[];
  /** Fetches the list as filtered on screen, up to `limit` rows, with the total that matched. */
  readonly fetch: (limit: number) => Promise<{ items: readonly T[]; total: number }>;
  /** Audit event (e.g. `auxiliary.officers.export`) and what it records besides the row count. */
  readonly audit: { readonly eventType: string; readonly objectType: string; readonly detail: Record<string, unknown> };
}

/**
 * A list exactly as filtered on screen, as one xlsx sheet (bold, frozen header with filters), and
 * audited like every export of the force's data. Refused, with nothing audited, when more rows
 * match than one export holds.
 */
export async function exportList<T>(ctx: AppContext, actor: AuditActor, spec: ListExport<T>): Promise<Buffer> {
  const { items, total } = await spec.fetch(LIST_EXPORT_MAX_ROWS);
  if (total > LIST_EXPORT_MAX_ROWS) throw new AppError('LIST_EXPORT_TOO_LARGE', { total, max: LIST_EXPORT_MAX_ROWS });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  // An absent value is an empty cell, not an empty string, so Excel's blanks filter and COUNTA see it as empty.
  for (const item of items) sheet.addRow(spec.columns.map((c) => c.value(item) ?? null));
  if (items.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: spec.audit.eventType,
      objectType: spec.audit.objectType,
      detail: { rows: items.length, ...spec.audit.detail },
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
