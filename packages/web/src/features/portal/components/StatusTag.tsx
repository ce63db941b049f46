import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { asApplicationStatus, type ApplicationStatus } from '../types';

const COLORS: Record<ApplicationStatus, string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  shortlisted: 'cyan',
  publicized: 'purple',
  hired: 'green',
  withdrawn: 'default',
  medical_passed: 'geekblue',
  dropped: 'default',
};

/** A status the portal does not know shows as sent. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = asApplicationStatus(status);
  return (
    <Tag color={known ? COLORS[known] : undefined} data-testid="application-status">
      {known ? t(`portal.status.${known}`) : status}
    </Tag>
  );
}
