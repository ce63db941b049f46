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

/** The server sends the status as a plain string; one the web does not know shows as is. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = asApplicationStatus(status);
  return known ? <Tag color={COLORS[known]}>{t(`recruitment.status.${known}`)}</Tag> : <Tag>{status}</Tag>;
}
