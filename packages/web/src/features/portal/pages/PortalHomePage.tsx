import { Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useAnnouncements } from '../api';
import { applyWindow, showDate } from '../format';

const WINDOW_COLOR = { open: 'green', notStarted: 'blue', closed: 'default' } as const;

export function PortalHomePage() {
  const { t } = useTranslation();
  const list = useAnnouncements();

  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.length === 0) return <Empty description={t('portal.list.empty')} />;
  return (
    <div data-testid="portal-announcements">
      <h1 className="portal-page-title">{t('portal.nav.home')}</h1>
      {list.data.map((a) => {
        const window = applyWindow(a.applyFrom, a.applyUntil);
        return (
          <Link key={a.id} to={`/portal/announcements/${a.id}`}>
            <Card hoverable size="small">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {a.title}
                </Typography.Text>
                {a.summary ? (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {a.summary}
                  </Typography.Paragraph>
                ) : null}
                <Space wrap size={[8, 4]}>
                  <Tag color={WINDOW_COLOR[window]}>{t(`portal.list.${window}`)}</Tag>
                  <Typography.Text type="secondary">{t('portal.list.posts', { count: a.postCount })}</Typography.Text>
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('portal.list.period', { from: showDate(a.applyFrom), until: showDate(a.applyUntil) })}
                </Typography.Text>
              </Space>
            </Card>
          </Link>
        );
      })}
    </div>
  );
}
