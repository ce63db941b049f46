import { Badge, Card, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNotifications } from '../../features/workflow/api';

/** 通知公告: the latest notices addressed to the account (the bell's list, on the desk). */
export function NoticesCard() {
  const { t } = useTranslation();
  const list = useNotifications(true);
  const items = list.data?.items ?? [];
  return (
    <Card title={t('home.notices')} size="small" extra={<Link to="/todo">{t('home.toTodo')}</Link>} data-testid="home-notices">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noNotices')} />
      ) : (
        <List
          size="small"
          dataSource={items.slice(0, 6)}
          renderItem={(n) => (
            <List.Item extra={<Typography.Text type="secondary">{dayjs(n.createdAt).format('MM-DD HH:mm')}</Typography.Text>}>
              <Badge status={n.readAt ? 'default' : 'processing'} />
              {n.link ? <Link to={n.link}>{n.title}</Link> : <Typography.Text>{n.title}</Typography.Text>}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
