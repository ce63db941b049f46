import { App, Button, Form, Input, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useDictLabel, type PersonDictCode } from '../../../shared/dicts/dict-api';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useApplications, useIssueTickets, type ApplicationQuery } from '../api';
import { APPLICATION_STATUSES, type Announcement, type ApplicationRow, type ApplicationStatus } from '../types';
import { StatusTag } from './StatusTag';

const DICTS: readonly PersonDictCode[] = ['education'];

interface Filter {
  postId?: string;
  status?: ApplicationStatus;
  keyword?: string;
}

/** 资格审核 queue: filter by post, status or name/ID number; a row opens the application. */
export function ReviewTab({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = useDictLabel(DICTS);
  const canReview = usePermission('recruitment:review');
  const showError = useErrorMessage();
  const tickets = useIssueTickets(announcement.id);
  // Pending review first: that is what the queue is for.
  const [filter, setFilter] = useState<Filter>({ status: 'submitted' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query: ApplicationQuery = { announcementId: announcement.id, ...filter, ...page };
  const list = useApplications(query);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form<Filter>
        layout="inline"
        initialValues={filter}
        onFinish={(values) => {
          setFilter({
            postId: values.postId || undefined,
            status: values.status || undefined,
            keyword: values.keyword?.trim() || undefined,
          });
          setPage((p) => ({ ...p, page: 1 }));
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="postId" label={t('recruitment.review.post')}>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('recruitment.common.all')}
            options={announcement.posts.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('recruitment.review.status')}>
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('recruitment.common.all')}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`recruitment.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="keyword" label={t('recruitment.review.keyword')}>
          <Input allowClear placeholder={t('recruitment.review.keywordHint')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('recruitment.common.search')}
          </Button>
        </Form.Item>
        {canReview ? (
          <Form.Item style={{ marginLeft: 'auto' }}>
            <Popconfirm
              title={t('recruitment.review.ticketsConfirm')}
              onConfirm={() =>
                tickets.mutate(undefined, {
                  onSuccess: (r) => void message.success(t('recruitment.review.ticketsIssued', { count: r.issued })),
                  onError: showError,
                })
              }
            >
              <Button loading={tickets.isPending}>{t('recruitment.review.issueTickets')}</Button>
            </Popconfirm>
          </Form.Item>
        ) : null}
      </Form>
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<ApplicationRow>
        rowKey="id"
        data-testid="review-table"
        loading={list.isPending || list.isPlaceholderData}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        onRow={(row) => ({ onClick: () => void navigate(`/recruitment/applications/${row.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('recruitment.common.total', { total }),
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        columns={[
          { title: t('recruitment.review.name'), dataIndex: 'name' },
          { title: t('recruitment.review.post'), dataIndex: 'postName' },
          { title: t('recruitment.review.idNumber'), dataIndex: 'idNumberMasked' },
          {
            title: t('recruitment.review.sex'),
            dataIndex: 'sex',
            render: (sex: '1' | '2' | null) => (sex ? t(`recruitment.sex.${sex}`) : ''),
          },
          { title: t('recruitment.review.age'), dataIndex: 'age', align: 'right' },
          { title: t('recruitment.review.education'), dataIndex: 'education', render: (code: string) => label('education', code) },
          { title: t('recruitment.review.status'), dataIndex: 'status', render: (s: ApplicationStatus) => <StatusTag status={s} /> },
          {
            title: t('recruitment.review.submittedAt'),
            dataIndex: 'submittedAt',
            render: (v: string | null) => (v ? new Date(v).toLocaleString() : ''),
          },
          { title: t('recruitment.review.ticket'), dataIndex: 'ticketNumber' },
        ]}
      />
    </Space>
  );
}
