import type { Writable } from 'node:stream';
import { maskIdNumber, parseIdNumber } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import { orgInScope, type ResolvedScope } from '../../../platform/access/data-scope.ts';
import type { Principal } from '../../../platform/access/principal.ts';
import { auditAlone, type AuditActor } from '../../../platform/audit/audit-service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { searchPeople, searchPeopleIds } from '../person-search.ts';
import { today } from '../person-rows.ts';
import { columnByKey, defaultColumnKeys, type ExportColumn, type ExportRowView } from './export-columns.ts';
import { personRowsByIds } from './export-queries.ts';
import type { PersonExportQuery } from './export-schemas.ts';
import type { Watermark } from './watermark.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** One export at most this many rows: a city bureau's whole force fits, a province must filter. */
export const EXPORT_MAX_ROWS = 200_000;
const BATCH = 5000;

type Filter = Omit<PersonExportQuery, 'columns' | 'page' | 'pageSize'>;

export interface ListExportRequest {
  readonly principal: Principal;
  readonly actor: AuditActor;
  /** Scope of `personnel:export`: which people may be exported at all. */
  readonly scope: ResolvedScope;
  /** Scope of `personnel:reveal` (only consulted when a reveal column is chosen). */
  readonly revealScope: () => Promise<ResolvedScope>;
  readonly query: PersonExportQuery;
  readonly mark: Watermark;
  readonly maxRows?: number;
}

export interface ListExportPlan {
  readonly columns: readonly ExportColumn[];
  readonly filter: Filter;
  readonly total: number;
  readonly rows: AsyncIterable<ExportRowView[]>;
}

/** The filter as recorded (audit row, 导出信息 sheet): a keyword that is an ID number is kept masked. */
function recordedFilter(filter: Filter): Filter {
  const id = filter.keyword ? parseIdNumber(filter.keyword.normalize('NFKC').trim()) : undefined;
  return id?.ok ? { ...filter, keyword: maskIdNumber(id.info.value) } : filter;
}

function chooseColumns(raw: string | undefined): ExportColumn[] {
  const keys = raw ? [...new Set(raw.split(','))] : [...defaultColumnKeys];
  return keys.map((key) => {
    const c = columnByKey(key);
    if (!c) throw new AppError('PERSON_EXPORT_COLUMN_UNKNOWN', { column: key });
    return c;
  });
}

/**
 * Checks and audits a list export before a byte leaves: columns known, reveal columns only with
 * `personnel:reveal`, no more than `maxRows` people. The audit row (person.export) holds the
 * filter, columns and count — never the data — and is written first, so an export that could not
 * be audited does not happen (fail closed, L3-CES1-15).
 */
export async function planListExport(ctx: AppContext, req: ListExportRequest): Promise<ListExportPlan> {
  const columns = chooseColumns(req.query.columns);
  const { columns: _c, page: _p, pageSize: _s, ...filter } = req.query;
  const revealed = columns.filter((c) => c.reveal).map((c) => c.key);
  const base = { kind: 'list.xlsx', filter: recordedFilter(filter), columns: columns.map((c) => c.key) };
  if (revealed.length > 0 && !req.principal.permissions.has('personnel:reveal')) {
    await auditAlone(ctx.db, ctx.clock, req.actor, {
      eventType: 'access.denied',
      outcome: 'failure',
      detail: { reason: 'reveal', permission: 'personnel:reveal', ...base },
    });
    throw new AppError('PERSON_EXPORT_REVEAL_FORBIDDEN');
  }
  const { total } = await searchPeople(ctx, req.scope, { ...filter, page: 1, pageSize: 1 });
  const max = req.maxRows ?? EXPORT_MAX_ROWS;
  if (total > max) {
    await auditAlone(ctx.db, ctx.clock, req.actor, {
      eventType: 'person.export',
      outcome: 'failure',
      detail: { ...base, count: total, reason: 'too_large' },
    });
    throw new AppError('PERSON_EXPORT_TOO_LARGE', { total, max });
  }
  await auditAlone(ctx.db, ctx.clock, req.actor, {
    eventType: 'person.export',
    objectType: 'person',
    detail: { ...base, count: total, revealed },
  });
  const revealScope = revealed.length > 0 ? await req.revealScope() : null;
  return { columns, filter, total, rows: exportRows(ctx, req.scope, revealScope, filter, total) };
}

/**
 * The filtered list in the list's own order, through the list's own search (so the export can
 * never differ from the list in what it includes), never more rows than were counted and
 * audited: the matching ids once, then the full rows by id, a batch at a time, so the time grows
 * with the rows and memory holds one batch of rows (plus the ids).
 */
async function* exportRows(
  ctx: AppContext,
  scope: ResolvedScope,
  revealScope: ResolvedScope | null,
  filter: Filter,
  total: number,
): AsyncGenerator<ExportRowView[]> {
  const day = today(ctx);
  const revealable = new Map<string, boolean>();
  const mayReveal = async (orgId: string): Promise<boolean> => {
    if (!revealScope) return false;
    let ok = revealable.get(orgId);
    if (ok === undefined) revealable.set(orgId, (ok = await orgInScope(ctx.db, revealScope, orgId)));
    return ok;
  };
  const ids = await searchPeopleIds(ctx, scope, filter, total);
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const rows = new Map((await personRowsByIds(ctx.db, scope, batch)).map((r) => [r.id, r]));
    const views: ExportRowView[] = [];
    for (const id of batch) {
      const row = rows.get(id);
      if (!row) continue;
      const revealed = (await mayReveal(row.org_id))
        ? { idNumber: ctx.fieldCrypto.decrypt(row.id_number_enc), phone: row.phone_enc ? ctx.fieldCrypto.decrypt(row.phone_enc) : null }
        : undefined;
      views.push({ row, today: day, ...(revealed ? { revealed } : {}) });
    }
    yield views;
  }
}

/** ExcelJS header/footer codes start with '&'; a literal ampersand is written '&&'. */
const hf = (s: string): string => s.replace(/&/g, '&&');

/**
 * Streams the sheet with ExcelJS's WorkbookWriter: rows are committed as they come, so memory
 * stays flat, and nothing is written to disk (no temp files to clean up, L3-CES1-33). The
 * watermark is in three places: every printed page's header, the document properties, and a
 * sheet "导出信息" that also records the filter and the count.
 */
export async function writeListXlsx(out: Writable, plan: ListExportPlan, mark: Watermark): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = mark.username;
  workbook.lastModifiedBy = mark.username;
  workbook.created = new Date(mark.at);
  workbook.description = mark.line;
  const sheet = workbook.addWorksheet('人员名单', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: `&L${hf(mark.line)}`, oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.columns = plan.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const batch of plan.rows) {
    for (const view of batch) {
      sheet.addRow(plan.columns.map((c) => c.value(view))).commit();
      count++;
    }
  }
  sheet.commit();

  const about = workbook.addWorksheet('导出信息');
  about.columns = [{ width: 20 }, { width: 90 }];
  const lines: [string, string | number][] = [
    ['导出人', `${mark.displayName}（${mark.username}）`],
    ['导出时间（北京时间）', mark.localTime],
    ['导出时间（UTC）', mark.at],
    ['筛选条件', JSON.stringify(recordedFilter(plan.filter))],
    ['导出列', plan.columns.map((c) => c.header).join('、')],
    ['记录数', count],
    ['含完整敏感信息', plan.columns.some((c) => c.reveal) ? '是（身份证号/手机号按权限显示完整值）' : '否（已脱敏）'],
    ['说明', '本文件含个人信息，仅限工作使用，不得外传；导出行为已记入审计日志。'],
  ];
  for (const line of lines) about.addRow(line).commit();
  about.commit();
  await workbook.commit();
  return count;
}
