import { useQuery } from '@tanstack/react-query';
import type { DivisionNode } from '@zhenggong/core/dict/admin-division-tree';

// The national table is ~3,000 divisions: load it in its own chunk, only when a page needs it.
const loadTree = async () => {
  const { divisionTree } = await import('@zhenggong/core/dict/admin-division-tree');
  return divisionTree();
};

/** GB/T 2260 as a 省/市/区 tree, loaded once per visit. */
export const useDivisionTree = () => useQuery({ queryKey: ['gb2260-tree'], queryFn: loadTree, staleTime: Infinity, gcTime: Infinity });

/** The divisions from the province down to this code ([] when the table has no such code). */
export function divisionPath(nodes: readonly DivisionNode[] | undefined, code: string): DivisionNode[] {
  for (const node of nodes ?? []) {
    if (node.code === code) return [node];
    const below = divisionPath(node.children, code);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}

/**
 * Names for a stored division code or the 2/4-digit prefix a post's requirement uses
 * ('33' → 浙江省, '3301' → 浙江省 / 杭州市); the code itself until the table has loaded.
 */
export function divisionLabel(nodes: readonly DivisionNode[] | undefined, code: string, separator = ' / '): string {
  const path = divisionPath(nodes, /^\d{2}$|^\d{4}$/.test(code) ? code.padEnd(6, '0') : code);
  return path.length > 0 ? path.map((n) => n.name).join(separator) : code;
}
