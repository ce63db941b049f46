import { Button, Grid, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/useAuth';
import { usePermission } from '../../../shared/auth/usePermission';
import { formatDateTime } from '../../../shared/utils/format';
import type { User } from '../api';

export type UserAction = 'edit' | 'resetPassword' | 'assignRoles' | ConfirmAction;
/** Actions that need only a confirmation: unlock, and the security administrator's 三员 steps (ADR 004). */
export type ConfirmAction = 'unlock' | 'confirmOrg' | 'release' | 'mfaReset';

/** Columns the server can sort by (core `userSortFields`; api-v1.md does not list them). */
export const SORTABLE_USER_FIELDS = ['username', 'displayName', 'status', 'lastLoginAt', 'createdAt'] as const;

function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function useUserColumns(sort: string | undefined, onAction: (action: UserAction, user: User) => void): TableColumnsType<User> {
  const { t } = useTranslation();
  const canWrite = usePermission('user:write');
  const canAssign = usePermission('user:assign-role');
  const canUnlock = usePermission('user:unlock');
  const myId = useAuth().me?.id;
  const wide = Grid.useBreakpoint().md ?? true;

  return [
    {
      title: t('users.columns.username'),
      dataIndex: 'username',
      width: 130,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'username'),
    },
    {
      title: t('users.columns.displayName'),
      dataIndex: 'displayName',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'displayName'),
    },
    { title: t('users.columns.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
    {
      title: t('users.columns.status'),
      dataIndex: 'status',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'status'),
      render: (_value: unknown, user) => (
        <Space size={4} wrap>
          <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`userStatus.${user.status}`)}</Tag>
          {user.locked && (
            <Tooltip title={user.lockedUntil ? t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) }) : undefined}>
              <Tag color="red">{t('users.lockedTag')}</Tag>
            </Tooltip>
          )}
          {user.pendingOrgId && (
            <Tooltip title={t('users.pendingOrgHint')}>
              <Tag color="orange">{t('users.pendingOrgTag')}</Tag>
            </Tooltip>
          )}
          {user.held && (
            <Tooltip title={t('users.heldHint')}>
              <Tag color="volcano">{t('users.heldTag')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('users.columns.roles'),
      dataIndex: 'roles',
      width: 200,
      render: (_value: unknown, user) => (
        <Space size={[2, 2]} wrap>
          {user.adminKind && <Tag color="gold">{t(`adminKind.${user.adminKind}`)}</Tag>}
          {user.roles.map((role) => (
            <Tag key={role.id} color="blue">
              {role.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.columns.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      width: 165,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'lastLoginAt'),
      render: (value: string | null) => formatDateTime(value) || t('common.empty'),
    },
    {
      title: t('users.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 165,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'createdAt'),
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      // Pinned on a wide screen; on a phone a pinned 280 px column would cover the names.
      fixed: wide ? 'right' : undefined,
      width: 280,
      render: (_value: unknown, user) => (
        <Space size={0} wrap>
          {canWrite && (
            <Button type="link" size="small" onClick={() => onAction('edit', user)}>
              {t('users.actions.edit')}
            </Button>
          )}
          {canWrite && (
            <Button type="link" size="small" onClick={() => onAction('resetPassword', user)}>
              {t('users.actions.resetPassword')}
            </Button>
          )}
          {canAssign && (
            <Button type="link" size="small" onClick={() => onAction('assignRoles', user)}>
              {t('users.actions.assignRoles')}
            </Button>
          )}
          {canUnlock && user.locked && (
            <Button type="link" size="small" danger onClick={() => onAction('unlock', user)}>
              {t('users.actions.unlock')}
            </Button>
          )}
          {canAssign && user.pendingOrgId && (
            <Button type="link" size="small" onClick={() => onAction('confirmOrg', user)}>
              {t('users.actions.confirmOrg')}
            </Button>
          )}
          {canUnlock && user.held && (
            <Button type="link" size="small" onClick={() => onAction('release', user)}>
              {t('users.actions.release')}
            </Button>
          )}
          {/* One's own second factor is never reset by oneself (the server answers MFA_SELF_RESET_FORBIDDEN). */}
          {canUnlock && user.mfaEnrolled && user.id !== myId && (
            <Button type="link" size="small" danger onClick={() => onAction('mfaReset', user)}>
              {t('users.actions.mfaReset')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
}
