import { Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAnnouncement, usePublishAnnouncement } from '../api';
import { AnnouncementFormModal } from '../components/AnnouncementFormModal';
import { HiringTab } from '../components/HiringTab';
import { PostsTab } from '../components/PostsTab';
import { ReviewTab } from '../components/ReviewTab';
import { ScoresTab } from '../components/ScoresTab';

const TABS = ['posts', 'review', 'scores', 'hiring'] as const;
type TabKey = (typeof TABS)[number];

/** One announcement: posts and live counts, review queue, scores, shortlist → publicity → hire. */
export function AnnouncementAdminPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useAnnouncement(id);
  const publish = usePublishAnnouncement(id);
  const canWrite = usePermission('recruitment:write');
  const showError = useErrorMessage();
  const [editing, setEditing] = useState(false);
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'posts';

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="announcement-admin">
      <Card
        title={
          <Space>
            <Link to="/recruitment">{t('recruitment.title')}</Link>
            <span>/</span>
            <span>{a.title}</span>
            <Tag color={a.status === 'published' ? 'green' : 'default'}>{t(`recruitment.announcement.${a.status}`)}</Tag>
          </Space>
        }
        extra={
          canWrite ? (
            <Space>
              <Button onClick={() => setEditing(true)}>{t('recruitment.announcement.edit')}</Button>
              {a.status === 'draft' ? (
                <Popconfirm
                  title={t('recruitment.announcement.publishConfirm')}
                  onConfirm={() => publish.mutate(undefined, { onError: showError })}
                >
                  <Button type="primary" loading={publish.isPending}>
                    {t('recruitment.announcement.publish')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('recruitment.announcement.org')}>{a.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('recruitment.announcement.period')}>
            {a.applyFrom} ~ {a.applyUntil}
          </Descriptions.Item>
          <Descriptions.Item label={t('recruitment.announcement.examAt')}>
            {[a.examAt, a.examPlace].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
        </Descriptions>
        {a.summary ? <Typography.Paragraph type="secondary">{a.summary}</Typography.Paragraph> : null}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'posts', label: t('recruitment.tabs.posts'), children: <PostsTab announcement={a} /> },
            { key: 'review', label: t('recruitment.tabs.review'), children: <ReviewTab announcement={a} /> },
            { key: 'scores', label: t('recruitment.tabs.scores'), children: <ScoresTab announcement={a} /> },
            { key: 'hiring', label: t('recruitment.tabs.hiring'), children: <HiringTab announcement={a} /> },
          ]}
        />
      </Card>
      <AnnouncementFormModal open={editing} announcement={a} onClose={() => setEditing(false)} />
    </Space>
  );
}
