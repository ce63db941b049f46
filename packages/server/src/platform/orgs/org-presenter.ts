import type { OrgNode, OrgView } from '@zhenggong/core';
import type { OrgTable } from '../../db/database.ts';

export const presentOrg = (row: OrgTable): OrgView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  type: row.type,
  isUnit: row.is_unit === 1,
  parentId: row.parent_id,
  status: row.status,
  sortOrder: row.sort_order,
});

/**
 * Builds the visible forest: a node whose parent is not visible becomes a root, so a branch
 * user sees their own subtree as the top of the tree. Rows arrive in display order.
 */
export function presentForest(rows: readonly OrgTable[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(rows.map((r) => [r.id, { ...presentOrg(r), children: [] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
