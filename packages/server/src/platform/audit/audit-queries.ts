import type { AuditExportQuery } from '@zhenggong/core';
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { AuditLogTable, Database, Executor } from '../../db/database.ts';

type AuditEb = ExpressionBuilder<Database, 'audit_log'>;

/** LIKE treats % and _ as wildcards; a username or event type containing them must match literally. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One WHERE clause for search, count and export, so the three can never disagree. */
export function auditWhere(filter: AuditExportQuery, upToSeq?: number): (eb: AuditEb) => Expression<SqlBool> {
  return (eb) => {
    const and: Expression<SqlBool>[] = [];
    if (filter.actor) {
      // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL.
      const pattern = `%${escapeLike(filter.actor.toLowerCase())}%`;
      and.push(sql<SqlBool>`lower(actor_name) like ${pattern} escape '\\'`);
    }
    if (filter.eventType?.endsWith('.*')) {
      const prefix = `${escapeLike(filter.eventType.slice(0, -1))}%`;
      and.push(sql<SqlBool>`event_type like ${prefix} escape '\\'`);
    } else if (filter.eventType) {
      and.push(eb('event_type', '=', filter.eventType));
    }
    if (filter.outcome) and.push(eb('outcome', '=', filter.outcome));
    // ts is stored as toISOString() text, which sorts like time once the bound has the same shape.
    if (filter.from) and.push(eb('ts', '>=', new Date(filter.from).toISOString()));
    if (filter.to) and.push(eb('ts', '<', new Date(filter.to).toISOString()));
    if (filter.objectId) and.push(eb('object_id', '=', filter.objectId));
    if (upToSeq !== undefined) and.push(eb('seq', '<=', upToSeq));
    return eb.and(and);
  };
}

export async function countAudit(db: Executor, filter: AuditExportQuery, upToSeq?: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(auditWhere(filter, upToSeq))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function pageAudit(
  db: Executor,
  filter: AuditExportQuery,
  page: { offset: number; limit: number; newestFirst: boolean },
): Promise<AuditLogTable[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where(auditWhere(filter))
    .orderBy('seq', page.newestFirst ? 'desc' : 'asc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/** Keyset page for the export: newest first, strictly below `beforeSeq`; no OFFSET scans over 100k rows. */
export function exportBatch(db: Executor, filter: AuditExportQuery, beforeSeq: number, limit: number): Promise<AuditLogTable[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where(auditWhere(filter, beforeSeq - 1))
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

export async function lastAuditSeq(db: Executor): Promise<number> {
  const head = await db.selectFrom('audit_head').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return head.last_seq;
}
