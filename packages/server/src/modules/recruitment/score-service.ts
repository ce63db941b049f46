import ExcelJS from 'exceljs';
import { rankApplicants, scoreItems, weightsValid, GATE_PASS, type RecruitScoresBody, type ScoreItem, type Weights } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { openSheet, type SheetCell, type SheetLimits } from '../../platform/files/xlsx-reader.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findAnnouncementInScope } from './announcement-service.ts';
import { event } from './portal/portal-applications.ts';
import { findApplicationInScope } from './review-service.ts';
import { SCORED_STATUSES as SCORED, scoresOf } from './score-rows.ts';

// Scores (笔试, 面试, 体能, 政审), weights and the ranked list. Ranking is advice; staff choose the shortlist.

export async function setWeights(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, announcementId: string, w: Weights) {
  if (!weightsValid(w)) throw new AppError('RECRUIT_WEIGHTS_INVALID');
  await ctx.db.transaction().execute(async (trx) => {
    const a = await findAnnouncementInScope(trx, scope, announcementId);
    await trx
      .updateTable('recruit_announcement')
      .set({ weights: JSON.stringify(w), updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', announcementId)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.weights.set',
      objectType: 'recruit_announcement',
      objectId: announcementId,
      detail: { before: JSON.parse(a.weights) as unknown, after: w },
    });
  });
  return w;
}

export async function putScores(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: RecruitScoresBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findApplicationInScope(trx, scope, id);
    if (!(SCORED as readonly string[]).includes(row.status)) throw new AppError('RECRUIT_STATUS_CONFLICT', { status: row.status });
    const set = Object.fromEntries(scoreItems.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])) as Partial<
      Record<ScoreItem, number | null>
    >;
    await trx
      .updateTable('recruit_application')
      .set({ ...set, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, 'scores', actor.username ?? 'staff', set))
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.scores.set',
      objectType: 'recruit_application',
      objectId: id,
      detail: { before: scoresOf(row), after: set },
    });
    return { ...scoresOf(row), ...set };
  });
}

const COLUMNS: { header: string; key: 'ticket' | 'name' | 'post' | ScoreItem }[] = [
  { header: '准考证号', key: 'ticket' },
  { header: '姓名', key: 'name' },
  { header: '岗位', key: 'post' },
  { header: '笔试', key: 'written' },
  { header: '面试', key: 'interview' },
  { header: '体能', key: 'physical' },
  { header: '政审', key: 'background' },
];

/** The score sheet to fill in: one row per applicant holding a ticket, scores already entered included. */
export async function scoreTemplate(ctx: AppContext, scope: ResolvedScope, announcementId: string): Promise<Buffer> {
  await findAnnouncementInScope(ctx.db, scope, announcementId);
  const rows = await ctx.db
    .selectFrom('recruit_application as r')
    .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
    .select(['r.ticket_number', 'r.name', 'p.name as post_name', 'r.written', 'r.interview', 'r.physical', 'r.background'])
    .where('r.announcement_id', '=', announcementId)
    .where('r.ticket_number', 'is not', null)
    .where('r.status', 'in', SCORED)
    .orderBy('r.ticket_number')
    .execute();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'ticket' ? 18 : 12 }));
  for (const r of rows)
    ws.addRow({
      ticket: r.ticket_number,
      name: r.name,
      post: r.post_name,
      written: r.written,
      interview: r.interview,
      physical: r.physical,
      background: r.background,
    });
  ws.getColumn(1).numFmt = '@';
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ScoreProblem {
  row: number;
  column: string | null;
  code:
    | 'not_xlsx'
    | 'missing_column'
    | 'unknown_ticket'
    | 'name_mismatch'
    | 'duplicate_ticket'
    | 'not_a_score'
    | 'out_of_range'
    | 'not_scorable'
    | 'empty';
  value?: string;
}

function cellText(v: SheetCell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** A score sheet is one row per candidate: small caps, and the ratio cap of the platform reader. */
export const scoreImportLimits: SheetLimits & { readonly maxUploadBytes: number } = {
  maxUploadBytes: 2 * 1_048_576,
  maxEntries: 200,
  maxInflatedBytes: 64 * 1_048_576,
  maxSharedStringsBytes: 16 * 1_048_576,
  maxRows: 20_000,
  maxColumns: 30,
};

function parseScore(text: string, gate: boolean): number | null | 'bad' {
  if (text === '') return null;
  if (gate && ['合格', '通过', 'pass', '是'].includes(text.toLowerCase())) return 100;
  if (gate && ['不合格', '未通过', 'fail', '否'].includes(text.toLowerCase())) return 0;
  const n = Number(text);
  return Number.isFinite(n) ? n : 'bad';
}

/**
 * Imports scores from the filled-in sheet, all or nothing: any problem (with its row and column)
 * refuses the whole file. Blank cells leave the stored score as it is. `dryRun` checks only.
 */
export async function importScores(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  announcementId: string,
  file: string,
  dryRun: boolean,
) {
  const a = await findAnnouncementInScope(ctx.db, scope, announcementId);
  const weights = JSON.parse(a.weights) as Weights;
  // Streamed through the platform's guarded reader: never the whole workbook in memory.
  const rows: { number: number; cells: readonly SheetCell[] }[] = [];
  try {
    const sheet = await openSheet(file, scoreImportLimits);
    try {
      for await (const row of sheet.rows) rows.push(row);
    } finally {
      await sheet.close();
    }
  } catch (error) {
    if (error instanceof AppError && error.code === 'IMPORT_NOT_XLSX')
      throw new AppError('RECRUIT_SCORES_IMPORT_INVALID', { count: 1, problems: [{ row: 0, column: null, code: 'not_xlsx' }] });
    throw error;
  }
  const problems: ScoreProblem[] = [];
  const header = rows[0]?.number === 1 ? rows[0] : undefined;
  if (!header) throw new AppError('RECRUIT_SCORES_IMPORT_INVALID', { count: 1, problems: [{ row: 0, column: null, code: 'empty' }] });
  const colOf = new Map<string, number>();
  header.cells.forEach((cell, col) => {
    if (col > 0 && !colOf.has(cellText(cell))) colOf.set(cellText(cell), col);
  });
  for (const c of COLUMNS)
    if (c.key !== 'post' && !colOf.has(c.header)) problems.push({ row: 1, column: c.header, code: 'missing_column' });
  if (problems.length > 0) throw new AppError('RECRUIT_SCORES_IMPORT_INVALID', { count: problems.length, problems });

  const apps = await ctx.db
    .selectFrom('recruit_application')
    .select(['id', 'ticket_number', 'name', 'status', 'written', 'interview', 'physical', 'background'])
    .where('announcement_id', '=', announcementId)
    .where('ticket_number', 'is not', null)
    .execute();
  const byTicket = new Map(apps.map((x) => [x.ticket_number as string, x]));
  const seen = new Set<string>();
  const updates: { id: string; set: Partial<Record<ScoreItem, number>> }[] = [];
  for (const row of rows.slice(1)) {
    const i = row.number;
    const text = (h: string) => cellText(row.cells[colOf.get(h) ?? -1] ?? null);
    const ticket = text('准考证号');
    const blank = COLUMNS.every((c) => c.key === 'post' || text(c.header) === '');
    if (blank) continue;
    const app = byTicket.get(ticket);
    if (!app) {
      problems.push({ row: i, column: '准考证号', code: 'unknown_ticket', value: ticket });
      continue;
    }
    if (seen.has(ticket)) problems.push({ row: i, column: '准考证号', code: 'duplicate_ticket', value: ticket });
    seen.add(ticket);
    if (text('姓名') !== app.name) problems.push({ row: i, column: '姓名', code: 'name_mismatch', value: text('姓名') });
    if (!(SCORED as readonly string[]).includes(app.status))
      problems.push({ row: i, column: '准考证号', code: 'not_scorable', value: app.status });
    const set: Partial<Record<ScoreItem, number>> = {};
    for (const c of COLUMNS) {
      if (c.key === 'ticket' || c.key === 'name' || c.key === 'post') continue;
      const item = c.key;
      const gate = (item === 'physical' && weights.physicalGate) || (item === 'background' && weights.backgroundGate);
      const value = parseScore(text(c.header), gate);
      if (value === 'bad') problems.push({ row: i, column: c.header, code: 'not_a_score', value: text(c.header) });
      else if (value !== null && (value < 0 || value > 100))
        problems.push({ row: i, column: c.header, code: 'out_of_range', value: text(c.header) });
      else if (value !== null) set[item] = value;
    }
    updates.push({ id: app.id, set });
  }
  if (problems.length > 0)
    throw new AppError('RECRUIT_SCORES_IMPORT_INVALID', { count: problems.length, problems: problems.slice(0, 500) });
  if (!dryRun) {
    await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now().toISOString();
      for (const u of updates) {
        if (Object.keys(u.set).length === 0) continue;
        await trx
          .updateTable('recruit_application')
          .set({ ...u.set, updated_at: now })
          .where('id', '=', u.id)
          .where('announcement_id', '=', announcementId)
          .execute();
      }
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'recruit.scores.import',
        objectType: 'recruit_announcement',
        objectId: announcementId,
        detail: { rows: updates.length },
      });
    });
  }
  return { imported: updates.length, dryRun };
}

export async function publishScores(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, announcementId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await findAnnouncementInScope(trx, scope, announcementId);
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('recruit_announcement')
      .set({ scores_published_at: now, updated_at: now })
      .where('id', '=', announcementId)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.scores.publish',
      objectType: 'recruit_announcement',
      objectId: announcementId,
    });
  });
  return { scoresPublishedAt: ctx.clock.now().toISOString() };
}

/** The ranked list per post (advice): weighted totals, shared ranks for ties, ineligible last. */
export async function ranking(ctx: AppContext, scope: ResolvedScope, announcementId: string, postId?: string) {
  const a = await findAnnouncementInScope(ctx.db, scope, announcementId);
  const weights = JSON.parse(a.weights) as Weights;
  let q = ctx.db.selectFrom('recruit_post').select(['id', 'name', 'code', 'headcount']).where('announcement_id', '=', announcementId);
  if (postId) q = q.where('id', '=', postId);
  const posts = await q.orderBy('code').execute();
  const apps = await ctx.db
    .selectFrom('recruit_application')
    .select(['id', 'post_id', 'name', 'ticket_number', 'status', 'written', 'interview', 'physical', 'background'])
    .where('announcement_id', '=', announcementId)
    .where('status', 'in', SCORED)
    .execute();
  return {
    weights,
    gatePass: GATE_PASS,
    posts: posts.map((p) => ({
      postId: p.id,
      postCode: p.code,
      postName: p.name,
      headcount: p.headcount,
      entries: rankApplicants(
        apps.filter((x) => x.post_id === p.id).map((x) => ({ ...x, ticketNumber: x.ticket_number, scores: scoresOf(x) })),
        weights,
      ).map((r) => ({
        rank: r.rank,
        applicationId: r.entry.id,
        name: r.entry.name,
        ticketNumber: r.entry.ticket_number,
        ...r.entry.scores,
        total: r.total,
        eligible: r.eligible,
        status: r.entry.status,
      })),
    })),
  };
}
