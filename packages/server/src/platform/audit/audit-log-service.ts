import type { AuditExportQuery, AuditPage, AuditQuery, AuditVerifyResult } from '@zhenggong/core';
import type { AuditLogTable, Executor } from '../../db/database.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { countAudit, exportBatch, lastAuditSeq, pageAudit } from './audit-queries.ts';
import { presentAuditEntry } from './audit-presenter.ts';
import { auditAlone, verifyAuditChain, type AuditActor } from './audit-service.ts';

/** Bounded so one request cannot pin the server; larger ranges are exported in several date ranges. */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 2_000;

/**
 * The auditor's reads are themselves audited (GB/T 22239 8.1.5.3: 审计管理员的操作应进行审计), in
 * the same log: who audits the auditor is anyone with audit:read, including the auditor, who
 * cannot remove the trace. The row is written after the read and before anything is returned,
 * so a failed audit insert means no data leaves (fail closed, L3-CES1-15).
 */
export async function searchAuditLog(ctx: AppContext, actor: AuditActor, query: AuditQuery): Promise<AuditPage> {
  const { page = 1, pageSize = 20, sort = '-seq', ...filter } = query;
  const total = await countAudit(ctx.db, filter);
  const rows = await pageAudit(ctx.db, filter, { offset: (page - 1) * pageSize, limit: pageSize, newestFirst: sort === '-seq' });
  await auditAlone(ctx.db, ctx.clock, actor, { eventType: 'audit.query', detail: { filter, page, pageSize, sort, total } });
  return { items: rows.map(presentAuditEntry), total };
}

export interface ExportPlan {
  readonly count: number;
  /** Rows are append-only, so everything at or below this seq is fixed: the count stays exact while the file streams. */
  readonly upToSeq: number;
}

/**
 * Counts, refuses oversized exports, and records the export before a single row is sent. An
 * oversized export is refused rather than cut short: a truncated audit export could be taken
 * for a complete one.
 */
export async function planAuditExport(
  ctx: AppContext,
  actor: AuditActor,
  filter: AuditExportQuery,
  maxRows = EXPORT_MAX_ROWS,
): Promise<ExportPlan> {
  const upToSeq = await lastAuditSeq(ctx.db);
  const count = await countAudit(ctx.db, filter, upToSeq);
  if (count > maxRows) {
    await auditAlone(ctx.db, ctx.clock, actor, {
      eventType: 'audit.export',
      outcome: 'failure',
      detail: { filter, count, reason: 'too_large' },
    });
    throw new AppError('AUDIT_EXPORT_TOO_LARGE', { total: count, max: maxRows });
  }
  await auditAlone(ctx.db, ctx.clock, actor, { eventType: 'audit.export', detail: { filter, count, upToSeq, format: 'xlsx' } });
  return { count, upToSeq };
}

/** The planned rows, newest first, in keyset batches. */
export async function* auditExportRows(db: Executor, filter: AuditExportQuery, plan: ExportPlan): AsyncGenerator<AuditLogTable[]> {
  let before = plan.upToSeq + 1;
  for (;;) {
    const batch = await exportBatch(db, filter, before, EXPORT_BATCH);
    if (batch.length === 0) return;
    yield batch;
    before = (batch[batch.length - 1] as AuditLogTable).seq; // non-empty: checked above
    if (batch.length < EXPORT_BATCH) return;
  }
}

/** Chain verification from the audit console; recorded like every other auditor action. */
export async function verifyAuditLog(ctx: AppContext, actor: AuditActor): Promise<AuditVerifyResult> {
  const result = await verifyAuditChain(ctx.db);
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'audit.verify',
    outcome: result.ok ? 'success' : 'failure',
    detail: { ...result },
  });
  return result;
}
