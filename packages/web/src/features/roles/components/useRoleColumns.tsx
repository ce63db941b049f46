import { Button, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { permLabel } from '../../../shared/i18n/labels';
import type { Role } from '../api';

export type RoleAction = 'edit' | 'view' | 'delete';

export function useRoleColumns(onAction: (action: RoleAction, role: Role) => void): TableColumnsType<Role> {
  const { t } = useTranslation();
  const canWrite = usePermission('role:write');

  return [
    { title: t('roles.columns.code'), dataIndex: 'code', width: 160 },
    { title: t('roles.columns.name'), dataIndex: 'name', width: 160 },
    {
      title: t('roles.columns.type'),
      dataIndex: 'builtin',
      width: 90,
      render: (builtin: boolean) => (builtin ? <Tag color="purple">{t('roles.builtin')}</Tag> : <Tag>{t('roles.custom')}</Tag>),
    },
    {
      title: t('roles.columns.adminKind'),
      dataIndex: 'adminKind',
      width: 140,
      render: (_value: unknown, role) => (role.adminKind ? <Tag color="gold">{t(`adminKind.${role.adminKind}`)}</Tag> : t('common.empty')),
    },
    {
      title: t('roles.columns.dataScope'),
      dataIndex: 'dataScope',
      width: 160,
      render: (_value: unknown, role) => t(`dataScope.${role.dataScope}`),
    },
    {
      title: t('roles.columns.permissions'),
      dataIndex: 'permissions',
      width: 90,
      render: (_value: unknown, role) => (
        <Tooltip title={role.permissions.map((code) => permLabel(t, code)).join(t('common.listSeparator'))}>
          <span>{role.permissions.length}</span>
        </Tooltip>
      ),
    },
    { title: t('roles.columns.userCount'), dataIndex: 'userCount', width: 80 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_value: unknown, role) => {
        const editable = canWrite && !role.builtin;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => onAction(editable ? 'edit' : 'view', role)}>
              {editable ? t('roles.actions.edit') : t('roles.actions.view')}
            </Button>
            {editable && (
              <Button type="link" size="small" danger onClick={() => onAction('delete', role)}>
                {t('roles.actions.delete')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];
}
