import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/utils/format';
import type { CorrectionRequest, CorrectionStatus } from '@zhenggong/core';
import { ChangesList } from './ChangesList';

export const CORRECTION_STATUS_COLORS: Record<CorrectionStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** Columns shared by "my requests" and the approver's list (which masks phones unless the approver may reveal). */
export function useCorrectionColumns<T extends CorrectionRequest>(maskPhone = false): TableColumnsType<T> {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return [
    { title: t('selfService.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: (value: string) => formatDateTime(value) },
    {
      title: t('selfService.columns.changes'),
      dataIndex: 'changes',
      render: (changes: Record<string, string>) => <ChangesList changes={changes} maskPhone={maskPhone} />,
    },
    {
      title: t('selfService.columns.reason'),
      dataIndex: 'reason',
      width: 200,
      ellipsis: true,
      render: (value: string | null) => value || empty,
    },
    {
      title: t('selfService.columns.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: CorrectionStatus) => <Tag color={CORRECTION_STATUS_COLORS[status]}>{t(`selfService.status.${status}`)}</Tag>,
    },
    {
      title: t('selfService.columns.decidedAt'),
      dataIndex: 'decidedAt',
      width: 160,
      render: (value: string | null) => formatDateTime(value) || empty,
    },
    {
      title: t('selfService.columns.note'),
      dataIndex: 'decisionNote',
      width: 180,
      ellipsis: true,
      render: (value: string | null) => value || empty,
    },
  ];
}
