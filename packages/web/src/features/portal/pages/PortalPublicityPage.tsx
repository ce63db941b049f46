import { Card, Empty, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useAnnouncement, usePublicity } from '../api';
import { showDate } from '../format';

export function PortalPublicityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const announcement = useAnnouncement(id);
  const publicity = usePublicity(id);

  let content;
  if (publicity.isPending) content = <Skeleton active />;
  else if (publicity.isError) {
    const notYet = isApiError(publicity.error) && (publicity.error.status === 404 || publicity.error.status === 409);
    content = notYet ? <Empty description={t('portal.publicity.notYet')} /> : <QueryErrorAlert error={publicity.error} />;
  } else if (publicity.data.entries.length === 0) content = <Empty description={t('portal.publicity.notYet')} />;
  else {
    const p = publicity.data;
    content = (
      <Card size="small" data-testid="portal-publicity">
        <Typography.Paragraph type="secondary">
          {t('portal.publicity.period', { from: showDate(p.from), until: showDate(p.until) })}
        </Typography.Paragraph>
        <List
          dataSource={p.entries}
          renderItem={(row) => (
            <List.Item extra={row.total != null ? <Typography.Text strong>{row.total}</Typography.Text> : null}>
              <List.Item.Meta title={row.nameMasked} description={row.postName} />
            </List.Item>
          )}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('portal.publicity.note')}
        </Typography.Paragraph>
      </Card>
    );
  }
  return (
    <div>
      <Link to={`/portal/announcements/${id}`}>‹ {announcement.data?.title ?? t('portal.announcement.back')}</Link>
      <h1 className="portal-page-title" style={{ marginTop: 8 }}>
        {t('portal.publicity.title')}
      </h1>
      {content}
    </div>
  );
}
