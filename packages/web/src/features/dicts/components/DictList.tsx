import { Card, Empty, Flex, Input, Menu, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useDicts } from '../api';

interface DictListProps {
  selected: string | null;
  onSelect: (code: string) => void;
}

export function DictList({ selected, onSelect }: DictListProps) {
  const { t, i18n } = useTranslation();
  const dicts = useDicts();
  const [keyword, setKeyword] = useState('');
  const english = i18n.language === 'en-US';

  const items = useMemo(() => {
    const needle = keyword.trim().toLowerCase();
    return (dicts.data ?? [])
      .filter((dict) => !needle || [dict.code, dict.name, dict.nameEn].some((text) => text?.toLowerCase().includes(needle)))
      .map((dict) => ({
        key: dict.code,
        title: dict.name,
        label: (
          <Flex justify="space-between" gap={8}>
            <Typography.Text ellipsis>{english ? dict.nameEn || dict.name : dict.name}</Typography.Text>
            <Typography.Text type="secondary">{dict.count}</Typography.Text>
          </Flex>
        ),
      }));
  }, [dicts.data, keyword, english]);

  return (
    <Card title={t('dicts.listTitle')} size="small" styles={{ body: { padding: 8 } }}>
      <Input.Search
        allowClear
        aria-label={t('dicts.listSearch')}
        placeholder={t('dicts.listSearch')}
        onChange={(event) => setKeyword(event.target.value)}
        style={{ marginBottom: 8 }}
      />
      {dicts.isError ? (
        <QueryErrorAlert error={dicts.error} onRetry={() => void dicts.refetch()} />
      ) : dicts.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty />
      ) : (
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 0, maxHeight: 'calc(100vh - 250px)', overflowY: 'auto' }}
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={({ key }) => onSelect(key)}
        />
      )}
    </Card>
  );
}
