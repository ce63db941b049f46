import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '../orgs/org-tree-api';
import { toTreeSelectData } from '../orgs/org-tree-data';

interface OrgTreeSelectProps {
  /** Set by Form.Item so the label's htmlFor points at the input. */
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  /** Orgs that cannot be chosen (e.g. a node's own subtree when moving it). */
  disabledIds?: ReadonlySet<string>;
  style?: CSSProperties;
}

/** Picker over the caller's visible org tree; closed orgs are never selectable. */
export function OrgTreeSelect({ id, value, onChange, allowClear, placeholder, disabledIds, style }: OrgTreeSelectProps) {
  const { t } = useTranslation();
  const tree = useOrgTree(false);
  const treeData = useMemo(() => toTreeSelectData(tree.data ?? [], { disabledIds }), [tree.data, disabledIds]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      loading={tree.isPending}
      status={tree.isError ? 'error' : undefined}
      notFoundContent={tree.isError ? t('orgPicker.loadFailed') : undefined}
      placeholder={placeholder ?? t('orgPicker.placeholder')}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandedKeys={treeData.map((node) => node.value)}
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      listHeight={320}
    />
  );
}
