import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMarkRead, useNotifications, useTodoCounts } from '../api';

/** The header's bell: unread in-app notifications, the latest ten, and the way into the to-do centre. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const counts = useTodoCounts();
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const unread = counts.data?.unreadNotifications ?? 0;
  const unreadIds = (list.data?.items ?? []).filter((n) => !n.readAt).map((n) => n.id);

  const content = (
    <Flex vertical style={{ width: 300, maxWidth: '80vw' }}>
      <Typography.Text type="secondary">{t('workflow.bell.todo', { count: counts.data?.pending ?? 0 })}</Typography.Text>
      {list.data && list.data.items.length === 0 ? (
        <Empty description={t('workflow.bell.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={list.data?.items ?? []}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', paddingInline: 0 }}
              onClick={() => {
                if (!n.readAt) markRead.mutate([n.id]);
                setOpen(false);
                if (n.link) navigate(n.link);
              }}
            >
              <Typography.Text strong={!n.readAt} ellipsis>
                {n.title}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Flex justify="space-between">
        <Button size="small" type="link" disabled={unreadIds.length === 0} onClick={() => markRead.mutate(unreadIds)}>
          {t('workflow.bell.markAll')}
        </Button>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            navigate('/todo');
          }}
        >
          {t('workflow.bell.openTodo')}
        </Button>
      </Flex>
    </Flex>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button type="text" aria-label={t('workflow.bell.label')} data-testid="notification-bell">
        <Badge count={unread} size="small" data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
