import { adminDivisionDict } from './admin-division.ts';

/** One GB/T 2260 division with the divisions directly under it (province → prefecture → county). */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

/**
 * GB/T 2260 as a 省/市/区 tree, for pickers. Divisions without subdivisions in the table (香港,
 * 澳门, 台湾; cities without counties such as 东莞市) are leaves, so they can be chosen themselves.
 */
export function divisionTree(): DivisionNode[] {
  const nodes = new Map<string, DivisionNode>();
  for (const item of adminDivisionDict.items) nodes.set(item.code, { code: item.code, name: item.name });
  const roots: DivisionNode[] = [];
  for (const item of adminDivisionDict.items) {
    // The items are keyed by their own codes just above, so the lookup cannot miss.
    const node = nodes.get(item.code) as DivisionNode;
    const parent = item.parentCode ? nodes.get(item.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** Codes from the province down to this division ('330102' → 330000, 330100, 330102). */
export function divisionPath(code: string): string[] {
  const byCode = new Map(adminDivisionDict.items.map((item) => [item.code, item]));
  const path: string[] = [];
  for (let item = byCode.get(code); item; item = item.parentCode ? byCode.get(item.parentCode) : undefined) path.unshift(item.code);
  return path;
}
