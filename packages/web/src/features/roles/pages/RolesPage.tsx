import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useDeleteRole, useRoles, type Role } from '../api';
import { RoleFormModal, type RoleFormMode } from '../components/RoleFormModal';
import { useRoleColumns, type RoleAction } from '../components/useRoleColumns';

export function RolesPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const canWrite = usePermission('role:write');
  const roles = useRoles();
  const deleteRole = useDeleteRole();
  const [formMode, setFormMode] = useState<RoleFormMode | null>(null);

  const onAction = (action: RoleAction, role: Role) => {
    if (action === 'edit') return setFormMode({ kind: 'edit', role });
    if (action === 'view') return setFormMode({ kind: 'view', role });
    modal.confirm({
      title: t('roles.deleteTitle', { name: role.name }),
      content: t('roles.deleteContent'),
      okText: t('roles.actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        deleteRole.mutateAsync(role.id).then(
          () => void message.success(t('common.success')),
          (error: unknown) => showError(error),
        ),
    });
  };
  const columns = useRoleColumns(onAction);

  return (
    <Card
      title={t('roles.title')}
      extra={
        <Space>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormMode({ kind: 'create' })}>
              {t('roles.actions.create')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void roles.refetch()} />
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {roles.isError && <QueryErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />}
        <div data-testid="roles-table">
          <Table<Role>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={roles.data}
            loading={roles.isFetching}
            scroll={{ x: 1020 }}
            pagination={{
              defaultPageSize: 20,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Flex>
      {formMode && <RoleFormModal mode={formMode} onClose={() => setFormMode(null)} />}
    </Card>
  );
}
