import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '../../../shared/orgs/org-tree-api';
import { toTreeSelectData } from '../../../shared/orgs/org-tree-data';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/** Several org subtrees at once (the shared picker takes one). */
export function OrgTreeSelectMulti({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const tree = useOrgTree(false);
  const treeData = useMemo(() => toTreeSelectData(tree.data ?? [], {}), [tree.data]);
  return (
    <TreeSelect
      id={id}
      multiple
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(next)}
      treeData={treeData}
      loading={tree.isPending}
      placeholder={t('orgPicker.placeholder')}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={treeData.map((node) => node.value)}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
