import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCounts, useDeletePost } from '../api';
import type { Announcement, Post, PostCount } from '../types';
import { PostFormModal } from './PostFormModal';
import { useRequirementText } from './useRequirementText';

/** Posts with their requirements and live counts (applied, approved, ratio approved/headcount). */
export function PostsTab({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation();
  const canWrite = usePermission('recruitment:write');
  const counts = useCounts(announcement.id);
  const remove = useDeletePost();
  const showError = useErrorMessage();
  const requirementText = useRequirementText();
  const [editing, setEditing] = useState<Post | 'new' | null>(null);
  const countOf = (postId: string): PostCount | undefined => counts.data?.find((c) => c.postId === postId);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('recruitment.counts.live')}</Typography.Text>
        {canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('recruitment.post.create')}
          </Button>
        ) : null}
      </Space>
      <Table<Post>
        rowKey="id"
        data-testid="posts-table"
        dataSource={announcement.posts}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('recruitment.post.code'), dataIndex: 'code', width: 80 },
          { title: t('recruitment.post.name'), dataIndex: 'name', width: 120 },
          { title: t('recruitment.post.org'), dataIndex: 'orgName', width: 120 },
          {
            title: t('recruitment.post.requirements'),
            width: 240,
            render: (_, post) => <span style={{ fontSize: 12 }}>{requirementText(post.requirements)}</span>,
          },
          { title: t('recruitment.post.headcount'), dataIndex: 'headcount', align: 'right', width: 90 },
          { title: t('recruitment.counts.applied'), align: 'right', width: 70, render: (_, post) => countOf(post.id)?.applied ?? '—' },
          { title: t('recruitment.counts.approved'), align: 'right', width: 90, render: (_, post) => countOf(post.id)?.approved ?? '—' },
          { title: t('recruitment.counts.rejected'), align: 'right', width: 70, render: (_, post) => countOf(post.id)?.rejected ?? '—' },
          {
            title: t('recruitment.counts.ratio'),
            width: 110,
            render: (_, post) => {
              const c = countOf(post.id);
              if (!c) return '—';
              return (
                <Space size={4}>
                  <Typography.Text strong>{c.ratio.toFixed(2)}</Typography.Text>
                  <Progress percent={Math.min(100, c.ratio * 100)} showInfo={false} size="small" style={{ width: 40 }} />
                </Space>
              );
            },
          },
          ...(canWrite
            ? [
                {
                  title: t('recruitment.common.actions'),
                  width: 120,
                  fixed: 'right' as const,
                  render: (_: unknown, post: Post) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing(post)}>
                        {t('recruitment.common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('recruitment.post.deleteConfirm')}
                        onConfirm={() => remove.mutate(post.id, { onError: showError })}
                      >
                        <Button type="link" size="small" danger>
                          {t('recruitment.common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PostFormModal
        announcementId={announcement.id}
        post={editing && editing !== 'new' ? editing : undefined}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
