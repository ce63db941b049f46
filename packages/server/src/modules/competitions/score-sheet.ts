import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { openSheet, type SheetLimits } from '../../platform/files/xlsx-reader.ts';
import { eventOr404 } from './event-service.ts';
import * as q from './event-queries.ts';
import { applyScores, type ScoreProblem } from './score-service.ts';

/**
 * Score sheets (成绩表): a template with one row per entry, and its import. The importer finds
 * its two columns by header (条目编号 / Entry ID and 成绩 / Score), so users may add, hide or
 * reorder the descriptive columns. All-or-nothing: one bad row and nothing is written.
 */
export const scoreSheetLimits: SheetLimits & { readonly maxUploadBytes: number } = {
  maxUploadBytes: 5 * 1_048_576,
  maxEntries: 200,
  maxInflatedBytes: 64 * 1_048_576,
  maxSharedStringsBytes: 16 * 1_048_576,
  maxRows: 5_000,
  maxColumns: 30,
};

const HEADERS = { entry: ['条目编号', 'entry id'], score: ['成绩', 'score'] } as const;

export async function writeScoreTemplate(ctx: AppContext, scope: ResolvedScope, eventId: string, out: Writable): Promise<string> {
  const event = await eventOr404(ctx.db, scope, eventId);
  const [items, entries] = await Promise.all([q.itemsOf(ctx.db, eventId), q.entriesOf(ctx.db, eventId)]);
  const itemName = new Map(items.map((i) => [i.id, `${i.name}${i.unit ? `（${i.unit}）` : ''}${i.direction === 'lower' ? ' ↓' : ''}`]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.columns = [
    { header: '条目编号', key: 'id', width: 38 },
    { header: '项目', key: 'item', width: 24 },
    { header: '单位', key: 'org', width: 20 },
    { header: '参赛者', key: 'people', width: 30 },
    { header: '成绩', key: 'score', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of entries) {
    ws.addRow({
      id: e.id,
      item: itemName.get(e.item_id) ?? '',
      org: e.org_name,
      people: [e.team_name, e.people.map((p) => p.name).join('、')].filter(Boolean).join('：'),
      score: e.score ?? null,
    });
  }
  await wb.xlsx.write(out);
  return event.title;
}

const norm = (v: unknown) => (typeof v === 'string' ? v.normalize('NFKC').trim().toLowerCase() : '');

export async function importScores(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string, file: string) {
  const sheet = await openSheet(file, scoreSheetLimits);
  const rows: { entryId: string; raw: unknown; row: number }[] = [];
  const problems: ScoreProblem[] = [];
  let columns: { entry: number; score: number } | undefined;
  try {
    for await (const row of sheet.rows) {
      if (!columns) {
        const find = (names: readonly string[]) => row.cells.findIndex((c) => names.includes(norm(c)));
        const entry = find(HEADERS.entry);
        const score = find(HEADERS.score);
        if (entry < 1) problems.push({ row: row.number, column: '条目编号', code: 'missing_column' });
        if (score < 1) problems.push({ row: row.number, column: '成绩', code: 'missing_column' });
        if (problems.length > 0) break;
        columns = { entry, score };
        continue;
      }
      const id = row.cells[columns.entry];
      const raw = row.cells[columns.score];
      if ((id === null || id === undefined || id === '') && (raw === null || raw === undefined || raw === '')) continue;
      rows.push({
        entryId: typeof id === 'string' ? id.trim() : String(id ?? ''),
        raw: raw instanceof Date ? raw.toISOString() : raw,
        row: row.number,
      });
    }
  } finally {
    await sheet.close();
  }
  if (problems.length === 0 && rows.length === 0) problems.push({ code: 'no_rows' });
  if (problems.length > 0) throw new AppError('COMPETITION_IMPORT_INVALID', { count: problems.length, problems });
  return ctx.db.transaction().execute((trx) => applyScores(trx, ctx, scope, actor, eventId, rows, 'import', true));
}
