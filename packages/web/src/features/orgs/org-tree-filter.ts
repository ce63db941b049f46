import type { Org } from '../../shared/orgs/types';

/** Keeps nodes whose name/short name contains the keyword, plus their ancestors (so context stays visible). */
export function filterOrgTree(orgs: readonly Org[], keyword: string): Org[] {
  const needle = keyword.trim().toLowerCase();
  if (!needle) return [...orgs];
  const result: Org[] = [];
  for (const org of orgs) {
    const children = filterOrgTree(org.children ?? [], needle);
    const matches = org.name.toLowerCase().includes(needle) || (org.shortName ?? '').toLowerCase().includes(needle);
    if (matches || children.length > 0) result.push({ ...org, children: matches && children.length === 0 ? org.children : children });
  }
  return result;
}

/** Ids of every node that has children (to expand the whole filtered result). */
export function parentIds(orgs: readonly Org[]): string[] {
  return orgs.flatMap((org) => (org.children?.length ? [org.id, ...parentIds(org.children)] : []));
}

/** Ids of the ancestors of `id`, root first (empty when the node is a root or not found). */
export function ancestorIds(orgs: readonly Org[], id: string): string[] {
  for (const org of orgs) {
    if (org.id === id) return [];
    const below = ancestorIds(org.children ?? [], id);
    if (below.length > 0 || (org.children ?? []).some((child) => child.id === id)) return [org.id, ...below];
  }
  return [];
}
