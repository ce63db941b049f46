import { ApartmentOutlined, BankOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Input, Skeleton, Space, Switch, Tag, Tree, Typography } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { toTreeData, type OrgTreeNode } from '../../../shared/orgs/org-tree-data';
import type { Org } from '../../../shared/orgs/types';
import { ancestorIds, filterOrgTree, parentIds } from '../org-tree-filter';

interface OrgTreePanelProps {
  orgs: Org[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  includeClosed: boolean;
  onIncludeClosedChange: (value: boolean) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** Tall enough to use a 768px-high screen, virtualised so a city's few thousand nodes stay fast. */
const TREE_HEIGHT = Math.max(320, window.innerHeight - 280);

export function OrgTreePanel(props: OrgTreePanelProps) {
  const { orgs, loading, error, onRetry, includeClosed, onIncludeClosedChange, selectedId, onSelect } = props;
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const filtered = useMemo(() => filterOrgTree(orgs ?? [], keyword), [orgs, keyword]);
  const treeData = useMemo(() => toTreeData(filtered), [filtered]);
  // Until the user expands/collapses by hand: roots open; while searching: everything that matched open.
  // A node selected from outside (just created or moved) is revealed by opening its ancestors.
  useEffect(() => {
    if (!selectedId || !orgs) return;
    const ancestors = ancestorIds(orgs, selectedId);
    if (ancestors.length === 0) return;
    setExpanded((previous) => {
      const current = previous ?? orgs.map((org) => org.id);
      const missing = ancestors.filter((id) => !current.includes(id));
      return missing.length > 0 ? [...current, ...missing] : previous;
    });
  }, [selectedId, orgs]);

  const expandedKeys = keyword.trim() ? parentIds(filtered) : (expanded ?? filtered.map((org) => org.id));

  const renderTitle = (node: OrgTreeNode) => {
    const { closed } = node;
    return (
      <Space size={4}>
        {node.isUnit ? <BankOutlined aria-hidden /> : <ApartmentOutlined aria-hidden />}
        <Typography.Text type={closed ? 'secondary' : undefined} delete={closed}>
          {node.title}
        </Typography.Text>
        {closed && <Tag>{t('orgs.closedTag')}</Tag>}
      </Space>
    );
  };

  return (
    <Card
      title={t('orgs.treeTitle')}
      size="small"
      extra={
        <Space size={6}>
          <Switch id="org-show-closed" size="small" checked={includeClosed} onChange={onIncludeClosedChange} />
          <label htmlFor="org-show-closed">{t('orgs.showClosed')}</label>
        </Space>
      }
    >
      <Input.Search
        allowClear
        aria-label={t('orgs.searchPlaceholder')}
        placeholder={t('orgs.searchPlaceholder')}
        onChange={(event) => setKeyword(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      {error ? (
        <QueryErrorAlert error={error} onRetry={onRetry} />
      ) : loading ? (
        <Skeleton active />
      ) : treeData.length === 0 ? (
        <Empty description={t('orgs.empty')} />
      ) : (
        <Flex vertical data-testid="org-tree">
          <Tree<OrgTreeNode>
            blockNode
            showLine
            height={TREE_HEIGHT}
            treeData={treeData}
            titleRender={renderTitle}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys)}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => {
              // Clicking the selected node again keeps it selected (the detail card stays).
              if (keys.length > 0) onSelect(String(keys[0]));
            }}
          />
        </Flex>
      )}
    </Card>
  );
}
