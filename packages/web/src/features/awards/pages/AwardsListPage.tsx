import { Button, Grid, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { AwardRow } from '@zhenggong/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useTableSettings } from '../../../shared/components/TableSettings';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadRegister, useAwards, type AwardQuery } from '../api';
import { AwardDrawer } from '../components/AwardDrawer';

const LEVELS = ['嘉奖', '三等功', '二等功', '一等功', '荣誉称号'];
const STATUSES = ['in_review', 'approved', 'decided', 'rejected', 'withdrawn'] as const;
const statusColor: Record<string, string> = {
  in_review: 'processing',
  approved: 'warning',
  decided: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** 奖励事项: every nomination in scope with its stage; a row opens the case. */
export function AwardsListPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<AwardQuery>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const list = useAwards(q);
  const showError = useErrorMessage();
  const year = new Date().getFullYear();
  // On a phone: who, the title with its level, and the status fit the screen; unit, organ and 文号 are in the drawer.
  const narrow = Grid.useBreakpoint().md === false;
  const onPhone = new Set(['recipients', 'title', 'status']);
  const columns: ColumnType<AwardRow>[] = [
    { title: t('awards.list.recipients'), dataIndex: 'recipients', fixed: narrow ? undefined : 'left', width: narrow ? 88 : 160 },
    { title: t('awards.list.level'), dataIndex: 'level', width: 90, render: (l: string) => <Tag color="gold">{l}</Tag> },
    {
      title: t('awards.list.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Space size={4} wrap>
          {narrow && <Tag color="gold">{r.level}</Tag>}
          {title}
          {r.fastTrack && <Tag color="red">{t('awards.list.fast')}</Tag>}
          {r.batch && <Tag>{t('awards.list.batch')}</Tag>}
        </Space>
      ),
    },
    { title: t('awards.list.org'), dataIndex: 'orgName', width: 140 },
    {
      title: t('awards.list.approver'),
      dataIndex: 'approverLevel',
      width: 90,
      render: (a: string) => t(`awards.approver.${a as 'city'}`),
    },
    {
      title: t('awards.list.status'),
      dataIndex: 'status',
      width: narrow ? undefined : 110,
      render: (s: AwardRow['status']) => <Tag color={statusColor[s]}>{t(`awards.status.${s}`)}</Tag>,
    },
    { title: t('awards.list.decision'), dataIndex: 'decisionNo', width: 170, render: (d: string | null) => d ?? '—' },
  ];
  const table = useTableSettings<AwardRow>(
    'awards',
    columns.filter((c) => !narrow || onPhone.has(String(c.dataIndex))),
    'middle',
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('awards.list.keyword')}
          onSearch={(keyword) => setQ({ ...q, keyword: keyword || undefined, page: 1 })}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('awards.list.level')}
          style={{ width: 120 }}
          options={LEVELS.map((l) => ({ value: l, label: l }))}
          onChange={(level?: string) => setQ({ ...q, level, page: 1 })}
        />
        <Select
          allowClear
          placeholder={t('awards.list.status')}
          style={{ width: 140 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`awards.status.${s}`) }))}
          onChange={(status?: string) => setQ({ ...q, status, page: 1 })}
        />
        <Select
          allowClear
          placeholder={t('awards.list.year')}
          style={{ width: 110 }}
          options={[year, year - 1, year - 2].map((y) => ({ value: y, label: y }))}
          onChange={(y?: number) => setQ({ ...q, year: y, page: 1 })}
        />
        <Button onClick={() => void downloadRegister(q.year).catch(showError)}>{t('awards.list.export')}</Button>
        {table.button}
      </Space>
      {list.error ? <QueryErrorAlert error={list.error} /> : null}
      <Table<AwardRow>
        rowKey="id"
        size={table.size}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={narrow ? undefined : { x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={table.columns}
      />
      <AwardDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
