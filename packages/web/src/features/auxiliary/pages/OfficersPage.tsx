import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { ExportButton } from '../../../shared/components/ExportButton';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { exportOfficers, useOfficers, yuan, type OfficerQuery } from '../api';
import { OfficerDrawer } from '../components/OfficerDrawer';
import type { OfficerListItem } from '../types';
import { beijingToday } from '../../../shared/utils/beijing-today';
import { useTableSettings } from '../../../shared/components/TableSettings';

/** Auxiliary officers from the personnel records (kind 'auxiliary'), in the caller's scope. */
export function OfficersPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<OfficerQuery>({ status: 'serving', page: 1, pageSize: 20 });
  const [keyword, setKeyword] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const officers = useOfficers(query);
  const today = beijingToday();

  const table = useTableSettings<OfficerListItem>('auxiliary-officers', [
    {
      title: t('auxiliary.officers.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button type="link" size="small" onClick={() => setOpen(row.id)}>
          {name}
        </Button>
      ),
    },
    // A phone keeps name, contract, pay grade and status; the rest is one tap away in the drawer.
    { title: t('auxiliary.officers.org'), dataIndex: 'orgName', responsive: ['md'] },
    { title: t('auxiliary.officers.idNumber'), dataIndex: 'idNumberMasked', responsive: ['lg'] },
    { title: t('auxiliary.officers.category'), dataIndex: 'auxCategory', responsive: ['md'] },
    {
      title: t('auxiliary.officers.contractEnd'),
      dataIndex: 'contractEnd',
      render: (end: string | null, row) => {
        if (row.contractKind === 'open_ended') return <Tag color="blue">{t('auxiliary.officers.openEnded')}</Tag>;
        if (!end) return <Tag>{t('auxiliary.officers.noContract')}</Tag>;
        // The server decides "due" with the reminder window in force, so this tag and 到期提醒 agree.
        return <Tag color={end < today ? 'red' : row.contractDue ? 'orange' : 'default'}>{end}</Tag>;
      },
    },
    {
      title: t('auxiliary.officers.payGrade'),
      dataIndex: 'payGrade',
      render: (g: string | null) => g ?? <Tag>{t('auxiliary.officers.noPayGrade')}</Tag>,
    },
    {
      title: t('auxiliary.officers.gross'),
      dataIndex: 'grossFen',
      align: 'right',
      responsive: ['md'],
      render: (v: number | null) => yuan(v),
    },
    {
      title: t('auxiliary.officers.net'),
      dataIndex: 'netBeforeTaxFen',
      align: 'right',
      responsive: ['md'],
      render: (v: number | null) => yuan(v),
    },
    {
      title: t('auxiliary.officers.status'),
      dataIndex: 'status',
      render: (s: string) => (
        <Tag color={s === 'serving' ? 'green' : 'default'}>{t(`auxiliary.officers.personStatus.${s}`, { defaultValue: s })}</Tag>
      ),
    },
  ]);

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <OrgTreeSelect
          allowClear
          value={query.orgId}
          onChange={(orgId) => setQuery({ ...query, orgId, page: 1 })}
          style={{ width: 240 }}
          placeholder={t('auxiliary.officers.org')}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('auxiliary.officers.keyword')}
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          onSearch={(value) => setQuery({ ...query, keyword: value || undefined, page: 1 })}
        />
        <Select
          style={{ width: 120 }}
          value={query.status}
          onChange={(status) => setQuery({ ...query, status, page: 1 })}
          options={(['serving', 'left', 'all'] as const).map((s) => ({ value: s, label: t(`auxiliary.officers.statuses.${s}`) }))}
        />
        <ExportButton onExport={() => exportOfficers(query)} />
        {table.button}
      </Flex>
      {officers.isError && <QueryErrorAlert error={officers.error} onRetry={() => void officers.refetch()} />}
      <Table<OfficerListItem>
        data-testid="aux-officers"
        rowKey="id"
        size={table.size}
        loading={officers.isFetching}
        dataSource={officers.data?.items}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: officers.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
        }}
        columns={table.columns}
      />
      {open && <OfficerDrawer id={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
