import type { TFunction } from 'i18next';
import { downloadCsv } from '../../shared/utils/csv';
import { formatDateTime } from '../../shared/utils/format';
import type { User } from './api';
import { beijingToday } from '../../shared/utils/beijing-today';

/** Client-side CSV of the rows as filtered (localised headers, local times). */
export function exportUsersCsv(t: TFunction, users: readonly User[]): void {
  const header = [
    t('users.columns.username'),
    t('users.columns.displayName'),
    t('users.columns.org'),
    t('users.columns.status'),
    t('users.columns.locked'),
    t('users.columns.roles'),
    t('users.columns.lastLoginAt'),
    t('users.columns.createdAt'),
  ];
  const rows = users.map((user) => [
    user.username,
    user.displayName,
    user.orgName,
    t(`userStatus.${user.status}`),
    user.locked ? t('common.yes') : t('common.no'),
    user.roles.map((role) => role.name).join(t('common.listSeparator')),
    formatDateTime(user.lastLoginAt),
    formatDateTime(user.createdAt),
  ]);
  const stamp = beijingToday();
  downloadCsv(`${t('users.csvName')}-${stamp}.csv`, header, rows);
}
