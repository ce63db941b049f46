import {
  EditOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  FileWordOutlined,
  PrinterOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Card, Flex, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import type { DictLabel } from '../../../shared/dicts/dict-api';
import type { PersonProfile } from '../types';
import { RankBandWarning } from './RankBandWarning';
import { STATUS_COLORS } from './usePersonColumns';

interface ProfileHeaderProps {
  person: PersonProfile;
  label: DictLabel;
  revealed: boolean;
  revealing: boolean;
  onReveal: () => void;
  onHide: () => void;
  onEdit: () => void;
  onTransfer: () => void;
  onAppointmentForm: () => void;
  onPrint: () => void;
  /** Shown when present: the chosen image goes to the server as is. */
  onPhoto?: (file: File) => void;
  photoSrc?: string;
}

/** Name, photo placeholder, category, unit, post, rank, grade and status — and what can be done. */
export function ProfileHeader({
  person,
  label,
  revealed,
  revealing,
  onReveal,
  onHide,
  onEdit,
  onTransfer,
  onAppointmentForm,
  onPrint,
  onPhoto,
  photoSrc,
}: ProfileHeaderProps) {
  const { t } = useTranslation();
  const canWrite = usePermission('personnel:write');
  const canReveal = usePermission('personnel:reveal');
  const canExport = usePermission('personnel:export');
  const empty = t('common.empty');
  const level = person.officerLevel
    ? label('police_officer_level', person.officerLevel)
    : person.techLevel
      ? label('police_tech_level', person.techLevel)
      : '';

  return (
    <Card size="small">
      <Flex gap={16} align="flex-start" wrap="wrap">
        <Flex vertical align="center" gap={4}>
          <Avatar shape="square" size={88} src={photoSrc} icon={<UserOutlined />} aria-label={t('personnel.profile.photo')} />
          {canWrite && onPhoto && (
            <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={(file) => (onPhoto(file), false)}>
              <Button size="small" type="link">
                {t('personnel.profile.uploadPhoto')}
              </Button>
            </Upload>
          )}
        </Flex>
        <Flex vertical gap={4} style={{ flex: '1 1 360px', minWidth: 0 }}>
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {person.name}
            </Typography.Title>
            <Tag color={person.kind === 'officer' ? 'geekblue' : 'cyan'}>{t(`personnel.kind.${person.kind}`)}</Tag>
            <Tag color={STATUS_COLORS[person.status]}>{t(`personnel.status.${person.status}`)}</Tag>
          </Space>
          <Typography.Text>
            {person.orgName}
            {person.post ? ` · ${person.post}` : ''}
          </Typography.Text>
          <Flex gap={16} wrap="wrap">
            {(
              [
                [
                  t('personnel.fields.rank'),
                  <>
                    {label('police_rank', person.rank) || empty}
                    <RankBandWarning person={person} label={label} />
                  </>,
                ],
                [t('personnel.fields.officerLevel'), level || empty],
                [t('personnel.fields.policeNumber'), person.policeNumber ?? empty],
              ] as [string, ReactNode][]
            ).map(([name, value]) => (
              <span key={name} style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text type="secondary">
                  {name}
                  {t('personnel.colon')}
                </Typography.Text>
                {value}
              </span>
            ))}
          </Flex>
        </Flex>
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          {canReveal &&
            (revealed ? (
              <Button icon={<EyeInvisibleOutlined />} onClick={onHide}>
                {t('personnel.actions.hide')}
              </Button>
            ) : (
              <Popconfirm
                title={t('personnel.profile.revealTitle')}
                description={t('personnel.profile.revealAudited')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={onReveal}
              >
                <Button icon={<EyeOutlined />} loading={revealing}>
                  {t('personnel.actions.reveal')}
                </Button>
              </Popconfirm>
            ))}
          {canExport && (
            <Button icon={<FileWordOutlined />} onClick={onAppointmentForm}>
              {t('personnel.actions.appointmentForm')}
            </Button>
          )}
          {canExport && (
            <Button icon={<PrinterOutlined />} onClick={onPrint}>
              {t('personnel.actions.print')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<SwapOutlined />} onClick={onTransfer}>
              {t('personnel.actions.transfer')}
            </Button>
          )}
          {canWrite && (
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
              {t('personnel.actions.edit')}
            </Button>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
