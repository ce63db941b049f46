import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DivisionNode } from '@zhenggong/core/dict/admin-division-tree';

interface Props {
  id?: string;
  /** GB/T 2260 six-digit code of the chosen division. */
  value?: string;
  onChange?: (code: string | undefined) => void;
}

// The national table is ~3,000 divisions: load it in its own chunk, only when a form needs it.
const loadTree = async () => {
  const { divisionTree } = await import('@zhenggong/core/dict/admin-division-tree');
  return divisionTree();
};

function pathTo(nodes: readonly DivisionNode[] | undefined, code: string): string[] {
  for (const node of nodes ?? []) {
    if (node.code === code) return [node.code];
    const below = pathTo(node.children, code);
    if (below.length > 0) return [node.code, ...below];
  }
  return [];
}

/** 户籍所在地 as 省/市/区: the applicant picks names, the form keeps the six-digit code. */
export function DivisionCascader({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const tree = useQuery({ queryKey: ['gb2260-tree'], queryFn: loadTree, staleTime: Infinity, gcTime: Infinity });
  return (
    <Cascader<DivisionNode>
      id={id}
      size="large"
      options={tree.data}
      loading={tree.isPending}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={value && tree.data ? pathTo(tree.data, value) : undefined}
      onChange={(path) => onChange?.(path?.at(-1)?.toString())}
      placeholder={t('portal.apply.householdPlaceholder')}
      showSearch={{ filter: (input, path) => path.some((node) => node.name.includes(input.trim())) }}
      expandTrigger="click"
      style={{ width: '100%' }}
    />
  );
}

/** A stored division code shown as 省 / 市 / 区（code）, the code alone until the table has loaded. */
export function DivisionName({ code }: { code: string }) {
  const tree = useQuery({ queryKey: ['gb2260-tree'], queryFn: loadTree, staleTime: Infinity, gcTime: Infinity });
  const names: string[] = [];
  let level: readonly DivisionNode[] | undefined = tree.data;
  for (const step of tree.data ? pathTo(tree.data, code) : []) {
    const node = level?.find((n) => n.code === step);
    if (node) names.push(node.name);
    level = node?.children;
  }
  return <span data-testid="household-region">{names.length > 0 ? `${names.join(' / ')}（${code}）` : code}</span>;
}
