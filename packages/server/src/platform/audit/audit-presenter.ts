import type { AuditEntry } from '@zhenggong/core';
import type { AuditLogTable } from '../../db/database.ts';

/** Detail is stored as JSON text; a row that somehow holds invalid JSON is shown as the raw text, never dropped. */
function parseDetail(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Audit rows carry no secrets (appendAudit's contract), so nothing is masked here; hashes stay internal. */
export function presentAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    seq: row.seq,
    ts: row.ts,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    srcIp: row.src_ip,
    requestId: row.request_id,
    eventType: row.event_type,
    objectType: row.object_type,
    objectId: row.object_id,
    outcome: row.outcome,
    detail: parseDetail(row.detail),
  };
}

/** Excel refuses cells longer than this many characters. */
const MAX_CELL = 32_767;

/**
 * Columns of the xlsx export. Every stored field is included, hashes too, so an exported
 * unfiltered range can be re-verified outside the system (SM3 chain, SECURITY.md L3-CES1-14).
 */
export const auditSheetColumns: readonly { header: string; key: keyof AuditLogTable; width: number }[] = [
  { header: '序号', key: 'seq', width: 10 },
  { header: '时间（UTC）', key: 'ts', width: 26 },
  { header: '操作人', key: 'actor_name', width: 16 },
  { header: '操作人ID', key: 'actor_id', width: 38 },
  { header: '角色', key: 'actor_role', width: 14 },
  { header: '来源IP', key: 'src_ip', width: 16 },
  { header: '事件类型', key: 'event_type', width: 20 },
  { header: '对象类型', key: 'object_type', width: 12 },
  { header: '对象ID', key: 'object_id', width: 38 },
  { header: '结果', key: 'outcome', width: 8 },
  { header: '详情', key: 'detail', width: 60 },
  { header: '请求ID', key: 'request_id', width: 38 },
  { header: '记录ID', key: 'id', width: 38 },
  { header: '前序哈希', key: 'prev_hash', width: 66 },
  { header: '本条哈希', key: 'hash', width: 66 },
];

const outcomeLabel: Record<AuditLogTable['outcome'], string> = { success: '成功', failure: '失败' };

/**
 * One sheet row. Values are written as plain strings and numbers: ExcelJS stores a string
 * beginning with "=" as text, not as a formula, so a crafted username cannot inject one.
 */
export function auditSheetRow(row: AuditLogTable): (string | number | null)[] {
  return auditSheetColumns.map(({ key }) => {
    if (key === 'outcome') return outcomeLabel[row.outcome];
    const value = row[key];
    return typeof value === 'string' && value.length > MAX_CELL ? `${value.slice(0, MAX_CELL - 1)}…` : value;
  });
}
