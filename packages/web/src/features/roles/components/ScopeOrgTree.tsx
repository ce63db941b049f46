import { Skeleton, Tree } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useOrgTree } from '../../../shared/orgs/org-tree-api';
import { toTreeData } from '../../../shared/orgs/org-tree-data';

interface ScopeOrgTreeProps {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/**
 * Checkable org tree for a custom data scope. `checkStrictly` stores exactly the ticked orgs;
 * whether the server widens each to its subtree is its rule, not the picker's.
 */
export function ScopeOrgTree({ id, value = [], onChange, disabled }: ScopeOrgTreeProps) {
  const { t } = useTranslation();
  const tree = useOrgTree(false);
  const treeData = useMemo(() => toTreeData(tree.data ?? []), [tree.data]);

  if (tree.isError) return <QueryErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  if (tree.isPending) return <Skeleton active />;

  return (
    <div id={id} role="group" aria-label={t('roles.form.scopeOrgs')} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
      <Tree
        checkable
        checkStrictly
        selectable={false}
        disabled={disabled}
        height={240}
        defaultExpandedKeys={treeData.map((node) => node.key)}
        treeData={treeData}
        checkedKeys={{ checked: value, halfChecked: [] }}
        onCheck={(checked) => onChange?.((Array.isArray(checked) ? checked : checked.checked).map(String))}
      />
    </div>
  );
}
