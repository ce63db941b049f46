import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../types';

const COLORS: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  shortlisted: 'cyan',
  publicized: 'purple',
  hired: 'green',
  withdrawn: 'default',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="application-status">
      {t(`portal.status.${status}`)}
    </Tag>
  );
}
