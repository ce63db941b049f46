import { EditOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Descriptions, Empty, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/api-error';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useMyCorrections, useOwnProfile } from '../api';
import { CorrectionDrawer } from '../components/CorrectionDrawer';
import { useCorrectionColumns } from '../components/useCorrectionColumns';
import { useDictLabel } from '../../../shared/dicts/dict-api';
import type { CorrectionRequest, OwnProfileResponse } from '@zhenggong/core';

function ProfileCard({ profile, onCorrect }: { profile: OwnProfileResponse; onCorrect: () => void }) {
  const { t } = useTranslation();
  const label = useDictLabel();
  const empty = t('common.empty');
  const or = (value: string | null | undefined) => value || empty;
  const items = [
    { key: 'formerNames', label: t('selfService.fields.formerNames'), children: or(profile.formerNames.join('、')) },
    { key: 'sex', label: t('selfService.fields.sex'), children: or(label('sex', profile.sex)) },
    {
      key: 'birthDate',
      label: t('selfService.fields.birthDate'),
      children: `${profile.birthDate}（${t('selfService.ageValue', { age: profile.age })}）`,
    },
    { key: 'idNumber', label: t('selfService.fields.idNumber'), children: profile.idNumberMasked },
    { key: 'phone', label: t('selfService.fields.phone'), children: or(profile.phoneMasked) },
    { key: 'ethnicity', label: t('selfService.fields.ethnicity'), children: or(label('ethnicity', profile.ethnicity)) },
    { key: 'nativePlace', label: t('selfService.fields.nativePlace'), children: or(label('admin_division', profile.nativePlace)) },
    { key: 'birthplace', label: t('selfService.fields.birthplace'), children: or(label('admin_division', profile.birthplace)) },
    {
      key: 'politicalStatus',
      label: t('selfService.fields.politicalStatus'),
      children: or(label('political_status', profile.politicalStatus)),
    },
    { key: 'partyJoinDate', label: t('selfService.fields.partyJoinDate'), children: or(profile.partyJoinDate) },
    { key: 'education', label: t('selfService.fields.education'), children: or(label('education', profile.education)) },
    { key: 'degree', label: t('selfService.fields.degree'), children: or(profile.degree) },
    { key: 'workStartDate', label: t('selfService.fields.workStartDate'), children: or(profile.workStartDate) },
    { key: 'policeStartDate', label: t('selfService.fields.policeStartDate'), children: or(profile.policeStartDate) },
    { key: 'policeNumber', label: t('selfService.fields.policeNumber'), children: or(profile.policeNumber) },
    { key: 'rank', label: t('selfService.fields.rank'), children: or(label('police_rank', profile.rank)) },
    { key: 'officerLevel', label: t('selfService.fields.officerLevel'), children: or(label('police_officer_level', profile.officerLevel)) },
  ];
  return (
    <Card
      size="small"
      title={
        <Space>
          <Avatar shape="square" icon={<UserOutlined />} />
          <span>{profile.name}</span>
          <Tag>{t(`selfService.kind.${profile.kind}`)}</Tag>
          <Typography.Text type="secondary">
            {profile.orgName}
            {profile.post ? ` · ${profile.post}` : ''}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button type="primary" icon={<EditOutlined />} onClick={onCorrect}>
          {t('selfService.correction.open')}
        </Button>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}

/** 本人信息: own record (read-only), correction requests and their outcome. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const profile = useOwnProfile();
  const mine = useMyCorrections();
  const columns = useCorrectionColumns<CorrectionRequest>();
  const [correcting, setCorrecting] = useState(false);

  if (profile.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (profile.isError) {
    if (isApiError(profile.error) && profile.error.code === 'PERSON_NOT_LINKED') {
      return (
        <Card title={t('selfService.title')}>
          <Empty
            data-testid="me-not-linked"
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('selfService.notLinkedTitle')}</Typography.Text>
                <Typography.Text type="secondary">{t('selfService.notLinkedHint')}</Typography.Text>
              </Flex>
            }
          />
        </Card>
      );
    }
    return <QueryErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  }

  return (
    <Flex vertical gap={12} data-testid="my-profile">
      <ProfileCard profile={profile.data} onCorrect={() => setCorrecting(true)} />
      <Card size="small" title={t('selfService.mine.title')}>
        {mine.isError && <QueryErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
        <Table<CorrectionRequest>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={mine.data}
          loading={mine.isFetching}
          locale={{ emptyText: t('selfService.mine.empty') }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
        />
      </Card>
      {correcting && <CorrectionDrawer profile={profile.data} onClose={() => setCorrecting(false)} />}
    </Flex>
  );
}
