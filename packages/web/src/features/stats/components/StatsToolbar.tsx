import { UnorderedListOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, DatePicker, Flex, Segmented, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useOrgTree } from '../../../shared/orgs/org-tree-api';
import type { PersonKind, StatsQuery } from '../api';
import { orgPath } from '../org-path';

interface StatsToolbarProps {
  query: StatsQuery;
  onChange: (next: StatsQuery) => void;
  onViewList: () => void;
}

type KindChoice = 'all' | PersonKind;

/** Scope (with a breadcrumb back up the drill-down), category and as-of date. */
export function StatsToolbar({ query, onChange, onViewList }: StatsToolbarProps) {
  const { t } = useTranslation();
  const tree = useOrgTree(false);
  const path = useMemo(() => (query.orgId ? orgPath(tree.data ?? [], query.orgId) : []), [tree.data, query.orgId]);

  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap="wrap" align="center">
        <Space size={4}>
          <label htmlFor="statsOrg">{t('stats.org')}</label>
          <OrgTreeSelect
            id="statsOrg"
            allowClear
            placeholder={t('stats.allUnits')}
            value={query.orgId}
            onChange={(orgId) => onChange({ ...query, orgId })}
            style={{ width: 240 }}
          />
        </Space>
        <Segmented<KindChoice>
          aria-label={t('stats.kindLabel')}
          value={query.kind ?? 'all'}
          onChange={(kind) => onChange({ ...query, kind: kind === 'all' ? undefined : kind })}
          options={(['all', 'officer', 'auxiliary'] as const).map((value) => ({ value, label: t(`stats.kinds.${value}`) }))}
        />
        <Space size={4}>
          <Tooltip title={t('stats.asOfHelp')}>
            <label htmlFor="statsAsOf">{t('stats.asOf')}</label>
          </Tooltip>
          <DatePicker
            id="statsAsOf"
            allowClear
            placeholder={t('stats.asOfPlaceholder')}
            value={query.asOf ? dayjs(query.asOf) : null}
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
            onChange={(date) => onChange({ ...query, asOf: date ? date.format('YYYY-MM-DD') : undefined })}
          />
        </Space>
        <Button icon={<UnorderedListOutlined />} onClick={onViewList} style={{ marginLeft: 'auto' }}>
          {t('stats.viewList')}
        </Button>
      </Flex>
      <Breadcrumb
        items={[
          {
            key: 'all',
            title: query.orgId ? (
              <Typography.Link onClick={() => onChange({ ...query, orgId: undefined })}>{t('stats.allUnits')}</Typography.Link>
            ) : (
              t('stats.allUnits')
            ),
          },
          ...path.map((org, index) => ({
            key: org.id,
            title:
              index < path.length - 1 ? (
                <Typography.Link onClick={() => onChange({ ...query, orgId: org.id })}>{org.name}</Typography.Link>
              ) : (
                org.name
              ),
          })),
        ]}
      />
    </Flex>
  );
}
