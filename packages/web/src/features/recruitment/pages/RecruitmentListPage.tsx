import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useAnnouncements } from '../api';
import { AnnouncementFormModal } from '../components/AnnouncementFormModal';
import type { AnnouncementRow } from '../types';

/** 辅警招录: the announcements the user may see, newest first. */
export function RecruitmentListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = usePermission('recruitment:write');
  const list = useAnnouncements();
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title={t('recruitment.title')}
      extra={
        canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('recruitment.announcement.create')}
          </Button>
        ) : null
      }
    >
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<AnnouncementRow>
        rowKey="id"
        data-testid="announcement-table"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(row) => ({ onClick: () => void navigate(`/recruitment/announcements/${row.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('recruitment.announcement.title'), dataIndex: 'title' },
          { title: t('recruitment.announcement.org'), dataIndex: 'orgName' },
          {
            title: t('recruitment.announcement.status'),
            dataIndex: 'status',
            render: (status: AnnouncementRow['status']) => (
              <Tag color={status === 'published' ? 'green' : 'default'}>{t(`recruitment.announcement.${status}`)}</Tag>
            ),
          },
          { title: t('recruitment.announcement.period'), render: (_, row) => `${row.applyFrom} ~ ${row.applyUntil}` },
          { title: t('recruitment.announcement.postCount'), dataIndex: 'postCount', align: 'right' },
          { title: t('recruitment.counts.applied'), dataIndex: 'applied', align: 'right' },
        ]}
      />
      <AnnouncementFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => void navigate(`/recruitment/announcements/${id}`)}
      />
    </Card>
  );
}
