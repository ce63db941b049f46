import { Button, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useMyApplications } from '../api';
import { RequireApplicant } from '../components/RequireApplicant';
import { StatusTag } from '../components/StatusTag';
import { showTime } from '../format';

export function PortalMyApplicationsPage() {
  return (
    <RequireApplicant>
      <MyApplications />
    </RequireApplicant>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const list = useMyApplications(true);
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div data-testid="portal-my-applications">
      <h1 className="portal-page-title">{t('portal.mine.title')}</h1>
      {list.data.length === 0 ? (
        <Empty description={t('portal.mine.empty')}>
          <Link to="/portal">
            <Button type="primary">{t('portal.mine.browse')}</Button>
          </Link>
        </Empty>
      ) : (
        list.data.map((app) => (
          <Link key={app.id} to={`/portal/applications/${app.id}`}>
            <Card hoverable size="small" data-testid="my-application">
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>{app.announcementTitle}</Typography.Text>
                <Space wrap>
                  <Typography.Text>{app.postName}</Typography.Text>
                  <StatusTag status={app.status} />
                </Space>
                {app.status === 'rejected' && app.rejectReason ? (
                  <Typography.Text type="danger">
                    {t('portal.application.reason')}：{app.rejectReason}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('portal.mine.submittedAt')} {showTime(app.submittedAt ?? app.updatedAt)}
                </Typography.Text>
              </Space>
            </Card>
          </Link>
        ))
      )}
    </div>
  );
}
