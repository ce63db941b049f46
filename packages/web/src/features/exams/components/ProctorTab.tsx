import { Flex, Progress, Select, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { formatDateTime } from '../../../shared/utils/format';
import { useExaminees, type ExamineeQuery } from '../api';
import { score, SESSION_COLORS } from '../exam-format';
import { asSessionStatus, SESSION_STATUSES, type ExamineeRow, type SessionStatus } from '../types';

const REFRESH_SECONDS = 15;

/** 监考: who is answering, how far they are, when they last saved and how often they left the page. */
export function ProctorTab({ examId, live }: { examId: string; live: boolean }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<ExamineeQuery>({ page: 1, pageSize: 50 });
  const examinees = useExaminees(examId, query, live ? REFRESH_SECONDS * 1000 : false);

  const columns: TableProps<ExamineeRow>['columns'] = [
    { key: 'name', title: t('exams.proctor.name'), dataIndex: 'name', width: 100, fixed: 'left' },
    { key: 'unit', title: t('exams.proctor.unit'), dataIndex: 'orgName', ellipsis: true },
    {
      key: 'status',
      title: t('exams.proctor.status'),
      width: 90,
      render: (_, r) => {
        const status = asSessionStatus(r.status);
        return status ? <Tag color={SESSION_COLORS[status]}>{t(`exams.session.${status}`)}</Tag> : <Tag>{r.status}</Tag>;
      },
    },
    {
      key: 'progress',
      title: t('exams.proctor.progress'),
      width: 150,
      // The paper is drawn when the examinee starts: before that there is no item count.
      render: (_, r) =>
        r.itemCount ? (
          <Progress
            size="small"
            percent={Math.round((r.answeredCount / r.itemCount) * 100)}
            format={() => `${r.answeredCount}/${r.itemCount}`}
          />
        ) : (
          '—'
        ),
    },
    {
      key: 'startedAt',
      title: t('exams.proctor.startedAt'),
      width: 100,
      render: (_, r) => (r.startedAt ? dayjs(r.startedAt).format('HH:mm:ss') : '—'),
    },
    {
      key: 'lastSavedAt',
      title: t('exams.proctor.lastSavedAt'),
      width: 100,
      render: (_, r) =>
        r.lastSavedAt ? <Tooltip title={formatDateTime(r.lastSavedAt)}>{dayjs(r.lastSavedAt).format('HH:mm:ss')}</Tooltip> : '—',
    },
    {
      key: 'focusLoss',
      title: <Tooltip title={t('exams.proctor.focusLossHint')}>{t('exams.proctor.focusLoss')}</Tooltip>,
      width: 90,
      align: 'right',
      render: (_, r) =>
        r.focusLossCount > 0 ? (
          <Typography.Text type="warning" strong>
            {r.focusLossCount}
          </Typography.Text>
        ) : (
          0
        ),
    },
    {
      key: 'submittedAt',
      title: t('exams.proctor.submittedAt'),
      width: 100,
      render: (_, r) => (r.submittedAt ? dayjs(r.submittedAt).format('HH:mm:ss') : '—'),
    },
    { key: 'score', title: t('exams.proctor.score'), width: 70, align: 'right', render: (_, r) => score(r.score) },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select<SessionStatus | ''>
          value={query.status ?? ''}
          onChange={(status) => setQuery({ ...query, status: status || undefined, page: 1 })}
          options={[
            { value: '', label: t('exams.proctor.allStatuses') },
            ...SESSION_STATUSES.map((s) => ({ value: s, label: t(`exams.session.${s}`) })),
          ]}
          style={{ width: 140 }}
          aria-label={t('exams.proctor.status')}
        />
        <Typography.Text type="secondary">
          {live && t('exams.detail.autoRefresh', { seconds: REFRESH_SECONDS })}
          {examinees.dataUpdatedAt > 0 &&
            ` · ${t('exams.detail.lastRefresh', { time: dayjs(examinees.dataUpdatedAt).format('HH:mm:ss') })}`}
        </Typography.Text>
      </Flex>
      {examinees.isError && <QueryErrorAlert error={examinees.error} onRetry={() => void examinees.refetch()} />}
      <Table<ExamineeRow>
        data-testid="proctor-table"
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={examinees.data?.items}
        loading={examinees.isPending}
        scroll={{ x: 1000 }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: examinees.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
        }}
      />
    </Flex>
  );
}
