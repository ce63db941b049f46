import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { ExportButton } from '../../../shared/components/ExportButton';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { exportClasses, useClasses } from '../api';
import type { TrainingClass } from '@zhenggong/core';
import { trainingKinds } from '../training-kinds';
import { ClassCreateDrawer } from './ClassCreateDrawer';
import { useTableSettings } from '../../../shared/components/TableSettings';

/** 培训班 list: server paging, filter by kind and title, a click opens the class. */
export function ClassList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = usePermission('training:write');
  const [query, setQuery] = useState<{ page: number; pageSize: number; keyword?: string; kind?: string }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const classes = useClasses(query);
  const table = useTableSettings<TrainingClass>(
    'training-classes',
    [
      { key: 'title', title: t('training.cls.title'), dataIndex: 'title' },
      { key: 'kind', title: t('training.cls.kind'), render: (_, r) => <Tag color="blue">{t(`training.kind.${r.kind}`)}</Tag> },
      { key: 'org', title: t('training.cls.org'), dataIndex: 'orgName' },
      { key: 'dates', title: t('training.cls.dates'), render: (_, r) => `${r.startDate} ~ ${r.endDate}` },
      { key: 'hours', title: t('training.cls.plannedHours'), dataIndex: 'plannedHours', align: 'right' },
      {
        key: 'enrolled',
        title: t('training.cls.enrolled'),
        align: 'right',
        render: (_, r) => (r.capacity ? `${r.enrolled}/${r.capacity}` : r.enrolled),
      },
      { key: 'completed', title: t('training.cls.completed'), dataIndex: 'completed', align: 'right' },
    ],
    'middle',
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('training.cls.keyword')}
            onSearch={(keyword) => setQuery({ ...query, page: 1, keyword: keyword || undefined })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder={t('training.cls.allKinds')}
            style={{ width: 160 }}
            options={trainingKinds.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
            onChange={(kind?: string) => setQuery({ ...query, page: 1, kind })}
          />
          <ExportButton onExport={() => exportClasses(query)} />
          {table.button}
        </Space>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('training.cls.create')}
          </Button>
        )}
      </Flex>
      {classes.isError && <QueryErrorAlert error={classes.error} onRetry={() => void classes.refetch()} />}
      <Table<TrainingClass>
        rowKey="id"
        size={table.size}
        loading={classes.isPending}
        dataSource={classes.data?.items}
        onRow={(row) => ({ onClick: () => navigate(`/training/classes/${row.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: classes.data?.total,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setQuery({ ...query, page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        columns={table.columns}
      />
      <ClassCreateDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          navigate(`/training/classes/${c.id}`);
        }}
      />
    </Flex>
  );
}
