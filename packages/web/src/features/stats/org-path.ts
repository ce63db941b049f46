import type { Org } from '../../shared/orgs/types';

/** The orgs from a visible root down to `id` (for the drill-down breadcrumb); [] when not visible. */
export function orgPath(orgs: readonly Org[], id: string): Org[] {
  for (const org of orgs) {
    if (org.id === id) return [org];
    const below = orgPath(org.children ?? [], id);
    if (below.length > 0) return [org, ...below];
  }
  return [];
}
