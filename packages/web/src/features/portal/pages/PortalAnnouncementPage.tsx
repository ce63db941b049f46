import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useAnnouncement, useMyApplications, usePortalMe } from '../api';
import { RequirementList } from '../components/RequirementList';
import { applyWindow, showDate, showTime } from '../format';
import { asApplicationStatus } from '../types';

export function PortalAnnouncementPage() {
  const { t } = useTranslation();
  const statusLabel = (status: string) => {
    const known = asApplicationStatus(status);
    return known ? t(`portal.status.${known}`) : status;
  };
  const { id = '' } = useParams();
  const announcement = useAnnouncement(id);
  const me = usePortalMe();
  const signedIn = Boolean(me.data);
  const mine = useMyApplications(signedIn);

  if (announcement.isPending) return <Skeleton active />;
  if (announcement.isError) return <QueryErrorAlert error={announcement.error} onRetry={() => void announcement.refetch()} />;
  const a = announcement.data;
  const window = applyWindow(a.applyFrom, a.applyUntil);
  const existing = mine.data?.find((app) => app.announcementId === a.id && app.status !== 'withdrawn');

  return (
    <div data-testid="portal-announcement">
      <Link to="/portal">‹ {t('portal.announcement.back')}</Link>
      <h1 className="portal-page-title" style={{ marginTop: 8 }}>
        {a.title}
      </h1>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color={window === 'open' ? 'green' : 'default'}>{t(`portal.list.${window}`)}</Tag>
        <Typography.Text type="secondary">
          {t('portal.list.period', { from: showDate(a.applyFrom), until: showDate(a.applyUntil) })}
        </Typography.Text>
      </Space>
      {a.examAt || a.examPlace ? (
        <Typography.Paragraph type="secondary">
          {t('portal.announcement.exam', { at: showTime(a.examAt), place: a.examPlace ?? '' })}
        </Typography.Paragraph>
      ) : null}
      {a.body ? (
        <Card size="small">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.body}</Typography.Paragraph>
        </Card>
      ) : null}
      {existing ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('portal.announcement.applied')}
          description={`${existing.postName} · ${statusLabel(existing.status)}`}
          action={
            <Link to={`/portal/applications/${existing.id}`}>
              <Button size="small">{t('portal.mine.detail')}</Button>
            </Link>
          }
        />
      ) : null}
      <h2 className="portal-page-title" style={{ fontSize: 16 }}>
        {t('portal.announcement.posts')}
      </h2>
      {a.posts.map((post) => (
        <Card
          key={post.id}
          size="small"
          title={post.name}
          extra={<Tag>{t('portal.announcement.headcount', { count: post.headcount })}</Tag>}
          data-testid="portal-post"
        >
          <Descriptions size="small" column={1} colon>
            <Descriptions.Item label={t('portal.announcement.unit')}>{post.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('portal.announcement.code')}>{post.code}</Descriptions.Item>
          </Descriptions>
          <Typography.Text strong>{t('portal.announcement.requirements')}</Typography.Text>
          <RequirementList requirements={post.requirements} applyUntil={a.applyUntil} />
          {window === 'open' && !existing ? (
            <Link
              to={
                signedIn
                  ? `/portal/apply/${post.id}?announcement=${a.id}`
                  : `/portal/login?next=${encodeURIComponent(`/portal/apply/${post.id}?announcement=${a.id}`)}`
              }
            >
              <Button type="primary" size="large" block>
                {signedIn ? t('portal.announcement.apply') : t('portal.announcement.loginToApply')}
              </Button>
            </Link>
          ) : null}
        </Card>
      ))}
      <Link to={`/portal/announcements/${a.id}/publicity`}>{t('portal.announcement.publicity')} ›</Link>
    </div>
  );
}
