import type { Org } from './types';

export interface OrgTreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeSelectNode[];
}

/**
 * Only flat facts about the org, not the Org object itself: an Org holds its children, so keeping it
 * here would make every child reachable twice, which antd's deep compare reports as a cycle.
 */
export interface OrgTreeNode {
  key: string;
  title: string;
  closed: boolean;
  isUnit: boolean;
  disabled?: boolean;
  children?: OrgTreeNode[];
}

export function toTreeSelectData(
  orgs: readonly Org[],
  options: { disabledIds?: ReadonlySet<string>; closedSuffix?: string } = {},
): OrgTreeSelectNode[] {
  return orgs.map((org) => ({
    value: org.id,
    title: org.status === 'closed' && options.closedSuffix ? `${org.name}${options.closedSuffix}` : org.name,
    disabled: org.status === 'closed' || options.disabledIds?.has(org.id),
    children: org.children?.length ? toTreeSelectData(org.children, options) : undefined,
  }));
}

export function toTreeData(orgs: readonly Org[]): OrgTreeNode[] {
  return orgs.map((org) => ({
    key: org.id,
    title: org.name,
    closed: org.status === 'closed',
    isUnit: org.isUnit,
    children: org.children?.length ? toTreeData(org.children) : undefined,
  }));
}

export function findOrg(orgs: readonly Org[], id: string): Org | undefined {
  for (const org of orgs) {
    if (org.id === id) return org;
    const found = org.children ? findOrg(org.children, id) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The org and all its descendants (a move target inside them would be a cycle). */
export function subtreeIds(org: Org): Set<string> {
  const ids = new Set<string>([org.id]);
  for (const child of org.children ?? []) for (const id of subtreeIds(child)) ids.add(id);
  return ids;
}
