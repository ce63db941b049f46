import { Card, Empty, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useDict, type DictItem } from '../api';

export function DictItemsTable({ code }: { code: string | null }) {
  const { t, i18n } = useTranslation();
  const dict = useDict(code);
  const [keyword, setKeyword] = useState('');
  const english = i18n.language === 'en-US';

  const rows = useMemo(() => {
    const needle = keyword.trim().toLowerCase();
    const items = dict.data?.items ?? [];
    if (!needle) return items;
    return items.filter((item) => [item.code, item.name, item.nameEn].some((text) => text?.toLowerCase().includes(needle)));
  }, [dict.data, keyword]);

  const hasParents = (dict.data?.items ?? []).some((item) => item.parentCode);
  const columns: TableColumnsType<DictItem> = [
    {
      title: t('dicts.columns.code'),
      dataIndex: 'code',
      width: 140,
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    { title: t('dicts.columns.name'), dataIndex: 'name' },
    {
      title: t('dicts.columns.nameEn'),
      dataIndex: 'nameEn',
      render: (value: string | undefined) => value || t('common.empty'),
    },
    ...(hasParents ? [{ title: t('dicts.columns.parentCode'), dataIndex: 'parentCode', width: 140 }] : []),
  ];

  if (!code) {
    return (
      <Card size="small">
        <Empty description={t('dicts.noSelection')} />
      </Card>
    );
  }

  const title = dict.data ? (english ? dict.data.nameEn || dict.data.name : dict.data.name) : code;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <span>{title}</span>
          {dict.data?.standard && <Tag>{t('dicts.standard', { standard: dict.data.standard })}</Tag>}
        </Flex>
      }
      extra={dict.data && <Typography.Text type="secondary">{t('dicts.count', { count: dict.data.items.length })}</Typography.Text>}
    >
      <Input.Search
        key={code}
        allowClear
        aria-label={t('dicts.itemSearch')}
        placeholder={t('dicts.itemSearch')}
        onChange={(event) => setKeyword(event.target.value)}
        style={{ marginBottom: 8, maxWidth: 320 }}
      />
      {dict.isError ? (
        <QueryErrorAlert error={dict.error} onRetry={() => void dict.refetch()} />
      ) : (
        <Table<DictItem>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={dict.isFetching}
          pagination={{
            defaultPageSize: 50,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      )}
    </Card>
  );
}
