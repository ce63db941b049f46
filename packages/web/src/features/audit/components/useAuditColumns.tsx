import { Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/utils/format';
import type { AuditEntry } from '../api';
import { auditEventName, isKnownRole } from '../audit-names';

/** `sort` is the API's `-seq` (newest first, the default) or `seq`. */
export function useAuditColumns(sort: '-seq' | 'seq'): TableColumnsType<AuditEntry> {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const dash = t('common.empty');
  return [
    {
      title: t('audit.columns.seq'),
      dataIndex: 'seq',
      width: 80,
      sorter: true,
      sortDirections: ['descend', 'ascend', 'descend'],
      sortOrder: sort === 'seq' ? 'ascend' : 'descend',
    },
    { title: t('audit.columns.ts'), dataIndex: 'ts', width: 165, render: (value: string) => formatDateTime(value) },
    {
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      width: 120,
      ellipsis: true,
      render: (value: string | null) => value ?? dash,
    },
    {
      title: t('audit.columns.role'),
      dataIndex: 'actorRole',
      width: 120,
      ellipsis: true,
      render: (value: string | null) =>
        value
          ? value
              .split(',')
              .map((code) => (isKnownRole(code) ? t(`audit.roles.${code}`) : code))
              .join(english ? ', ' : '、')
          : dash,
    },
    { title: t('audit.columns.ip'), dataIndex: 'srcIp', width: 130, render: (value: string | null) => value ?? dash },
    {
      title: t('audit.columns.event'),
      dataIndex: 'eventType',
      width: 170,
      // The name reads as words; the code stays in the tooltip for whoever searches the raw log.
      render: (value: string) => <span title={value}>{auditEventName(value, english)}</span>,
    },
    {
      title: t('audit.columns.object'),
      key: 'object',
      ellipsis: true,
      render: (_value: unknown, entry) =>
        entry.objectType || entry.objectId ? (
          <span title={entry.objectId ?? undefined}>
            {entry.objectType ?? ''} {entry.objectId ? <Typography.Text type="secondary">{entry.objectId}</Typography.Text> : null}
          </span>
        ) : (
          dash
        ),
    },
    {
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (_value: unknown, entry) => (
        <Tag color={entry.outcome === 'success' ? 'green' : 'red'}>{t(`audit.outcome.${entry.outcome}`)}</Tag>
      ),
    },
  ];
}
