import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useTableSettings } from '../../../shared/components/TableSettings';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import {
  fetchAllUsers,
  useConfirmOrgChange,
  useReleaseUser,
  useResetUserMfa,
  useUnlockUser,
  useUsers,
  type User,
  type UserFilter,
} from '../api';
import { AssignRolesModal } from '../components/AssignRolesModal';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { UserCreateModal } from '../components/UserCreateModal';
import { UserEditModal } from '../components/UserEditModal';
import { UserFilters } from '../components/UserFilters';
import { SORTABLE_USER_FIELDS, useUserColumns, type ConfirmAction, type UserAction } from '../components/useUserColumns';
import { exportUsersCsv } from '../export-users-csv';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'resetPassword' | 'assignRoles'; user: User };

const INITIAL_FILTER: UserFilter = { includeSub: true };

/** antd gives the sorted column's dataIndex; the API takes `field` / `-field`. */
function toSort(sorter: Parameters<NonNullable<TableProps<User>['onChange']>>[2]): string | undefined {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = typeof single?.field === 'string' ? single.field : undefined;
  if (!field || !single?.order || !SORTABLE_USER_FIELDS.some((name) => name === field)) return undefined;
  return single.order === 'descend' ? `-${field}` : field;
}

export function UsersPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const canWrite = usePermission('user:write');
  // The home desk opens this page with ?status=disabled; the filter starts from it.
  const [searchParams] = useSearchParams();
  const [filter, setFilter] = useState<UserFilter>(() => {
    const status = searchParams.get('status');
    return status === 'active' || status === 'disabled' ? { ...INITIAL_FILTER, status } : INITIAL_FILTER;
  });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [exporting, setExporting] = useState(false);
  const users = useUsers({ ...filter, page, pageSize, sort });
  const confirmed: Record<ConfirmAction, { mutateAsync: (id: string) => Promise<unknown> }> = {
    unlock: useUnlockUser(),
    confirmOrg: useConfirmOrgChange(),
    release: useReleaseUser(),
    mfaReset: useResetUserMfa(),
  };

  const onAction = (action: UserAction, user: User) => {
    if (action === 'edit' || action === 'resetPassword' || action === 'assignRoles') return setDialog({ kind: action, user });
    modal.confirm({
      title: t(`users.confirm.${action}.title`, { name: user.displayName }),
      content: t(`users.confirm.${action}.content`),
      okText: t(`users.actions.${action}`),
      cancelText: t('common.cancel'),
      onOk: () =>
        confirmed[action].mutateAsync(user.id).then(
          () => void message.success(t('common.success')),
          (error: unknown) => showError(error),
        ),
    });
  };
  const table = useTableSettings('users', useUserColumns(sort, onAction), 'middle');

  const onExport = async () => {
    setExporting(true);
    try {
      const rows = await fetchAllUsers(filter, sort);
      exportUsersCsv(t, rows);
      message.success(t('users.exported', { count: rows.length }));
    } catch (error) {
      showError(error);
    } finally {
      setExporting(false);
    }
  };

  const onTableChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const nextSort = toSort(sorter);
    setSort(nextSort);
    setPageSize(pagination.pageSize ?? pageSize);
    setPage(nextSort !== sort ? 1 : (pagination.current ?? 1));
  };

  return (
    <Card
      title={t('users.title')}
      extra={
        <Space>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('users.actions.create')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void onExport()}>
            {t('users.actions.exportCsv')}
          </Button>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void users.refetch()} />
          {table.button}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <UserFilters
          initial={filter}
          onSearch={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {users.isError && <QueryErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
        <div data-testid="users-table">
          <Table<User>
            rowKey="id"
            size={table.size}
            columns={table.columns}
            dataSource={users.data?.items}
            loading={users.isFetching}
            onChange={onTableChange}
            scroll={{ x: 1370 }}
            pagination={{
              current: page,
              pageSize,
              total: users.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Flex>
      {dialog?.kind === 'create' && <UserCreateModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <UserEditModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'resetPassword' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'assignRoles' && <AssignRolesModal user={dialog.user} onClose={() => setDialog(null)} />}
    </Card>
  );
}
