import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '@zhenggong/core';

const COLORS: Record<CaseStatus, string> = {
  in_progress: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`workflow.status.${status}`)}</Tag>;
}
