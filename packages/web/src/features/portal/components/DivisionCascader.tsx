import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DivisionNode } from '@zhenggong/core/dict/admin-division-tree';
import { divisionLabel, divisionPath, useDivisionTree } from '../division-tree';

interface Props {
  id?: string;
  /** GB/T 2260 six-digit code of the chosen division. */
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/** 户籍所在地 as 省/市/区: the applicant picks names, the form keeps the six-digit code. */
export function DivisionCascader({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const tree = useDivisionTree();
  return (
    <Cascader<DivisionNode>
      id={id}
      size="large"
      options={tree.data}
      loading={tree.isPending}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={value && tree.data ? divisionPath(tree.data, value).map((n) => n.code) : undefined}
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
  const tree = useDivisionTree();
  const label = divisionLabel(tree.data, code);
  return <span data-testid="household-region">{label === code ? code : `${label}（${code}）`}</span>;
}
