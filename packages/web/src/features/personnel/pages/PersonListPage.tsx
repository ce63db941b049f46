import { DownloadOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Table, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { useTableSettings } from '../../../shared/components/TableSettings';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { usePeople } from '../api';
import { ExportModal } from '../components/ExportModal';
import { PersonCreateDrawer } from '../components/PersonCreateDrawer';
import { PersonFilterBar } from '../components/PersonFilterBar';
import { SavedFiltersButton } from '../components/SavedFiltersButton';
import { usePersonColumns } from '../components/usePersonColumns';
import { useDictLabel } from '../../../shared/dicts/dict-api';
import { PAGE_SIZES, parseListState, SORTABLE_FIELDS, toSearchParams, type ListState } from '../person-filter-url';
import type { PersonFilter, PersonListItem } from '../types';

/** antd gives the sorted column's key; the API takes `field` / `-field`. */
function toSort(sorter: Parameters<NonNullable<TableProps<PersonListItem>['onChange']>>[2]): string | undefined {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = typeof single?.columnKey === 'string' ? single.columnKey : undefined;
  if (!field || !single?.order || !SORTABLE_FIELDS.some((name) => name === field)) return undefined;
  return single.order === 'descend' ? `-${field}` : field;
}

/** 人员信息: the filtered, paged, sortable list; every bit of state is in the URL. */
export function PersonListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const canWrite = usePermission('personnel:write');
  const canExport = usePermission('personnel:export');
  const canImport = usePermission('personnel:import');
  const [dialog, setDialog] = useState<'create' | 'export' | null>(null);
  const search = searchParams.toString();
  // Parsed once per URL so the filter object (and the form refill it drives) is stable between renders.
  const state = useMemo(() => parseListState(new URLSearchParams(search)), [search]);
  const people = usePeople({ ...state.filter, page: state.page, pageSize: state.pageSize, sort: state.sort });
  const label = useDictLabel();
  const table = useTableSettings('personnel', usePersonColumns(state.sort, label));

  const go = (next: Partial<ListState>) => setSearchParams(toSearchParams({ ...state, ...next }));
  const onSearch = (filter: PersonFilter) => go({ filter, page: 1 });

  const onTableChange: TableProps<PersonListItem>['onChange'] = (pagination, _filters, sorter) => {
    const sort = toSort(sorter);
    const pageSize = pagination.pageSize ?? state.pageSize;
    go({ sort, pageSize, page: sort !== state.sort || pageSize !== state.pageSize ? 1 : (pagination.current ?? 1) });
  };

  return (
    <Card
      title={t('personnel.title')}
      extra={
        <Space wrap>
          <SavedFiltersButton current={state.filter} onApply={onSearch} />
          {canExport && (
            <Button icon={<DownloadOutlined />} onClick={() => setDialog('export')} disabled={!people.data?.total}>
              {t('personnel.actions.export')}
            </Button>
          )}
          {canImport && (
            <Button icon={<UploadOutlined />} onClick={() => navigate('/personnel/import')}>
              {t('personnel.actions.import')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
              {t('personnel.actions.create')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void people.refetch()} />
          {table.button}
        </Space>
      }
      styles={{ body: { paddingBottom: 8 } }}
    >
      <Flex vertical gap={4}>
        <PersonFilterBar filter={state.filter} onSearch={onSearch} />
        {people.isError && <QueryErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
        <div data-testid="personnel-table">
          <Table<PersonListItem>
            rowKey="id"
            size={table.size}
            columns={table.columns}
            dataSource={people.data?.items}
            loading={people.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1700 }}
            onRow={(person) => ({ onClick: () => navigate(`/personnel/${person.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: people.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [...PAGE_SIZES],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Flex>
      {dialog === 'create' && <PersonCreateDrawer onClose={() => setDialog(null)} defaultOrgId={state.filter.orgId} />}
      {dialog === 'export' && (
        <ExportModal filter={state.filter} sort={state.sort} total={people.data?.total ?? 0} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
