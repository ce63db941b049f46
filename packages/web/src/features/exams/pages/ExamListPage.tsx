import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ExportButton } from '../../../shared/components/ExportButton';
import { useTableSettings } from '../../../shared/components/TableSettings';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { formatDateTime } from '../../../shared/utils/format';
import { exportExams, useExams } from '../api';
import { ExamFormDrawer } from '../components/ExamFormDrawer';
import { displayStatus, STATUS_COLORS } from '../exam-format';
import { EXAM_KINDS, EXAM_STATUSES, type ExamKind, type ExamListQuery, type ExamStatus, type ExamSummary } from '../types';

const PAGE_SIZES = [10, 20, 50, 100];

function parseQuery(params: URLSearchParams): ExamListQuery {
  const kind = params.get('kind');
  const status = params.get('status');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    keyword: params.get('keyword') ?? undefined,
    kind: EXAM_KINDS.find((k) => k === kind),
    status: EXAM_STATUSES.find((s) => s === status),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

function toParams(query: ExamListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') out[key] = String(value);
  return out;
}

/** 考试管理: every exam the caller's units organise, filtered and paged (newest first); state lives in the URL. */
export function ExamListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const query = useMemo(() => parseQuery(new URLSearchParams(search)), [search]);
  const exams = useExams(query);
  const [creating, setCreating] = useState(false);
  const [keyword, setKeyword] = useState(query.keyword ?? '');

  const go = (next: Partial<ExamListQuery>) => setParams(toParams({ ...query, ...next }));

  const columns: TableProps<ExamSummary>['columns'] = [
    {
      key: 'title',
      title: t('exams.fields.title'),
      dataIndex: 'title',
      render: (title: string) => <Typography.Link>{title}</Typography.Link>,
    },
    { key: 'kind', title: t('exams.fields.kind'), dataIndex: 'kind', width: 110, render: (kind: ExamKind) => t(`exams.kind.${kind}`) },
    {
      key: 'status',
      title: t('exams.proctor.status'),
      width: 100,
      render: (_, exam) => {
        const status = displayStatus(exam);
        return <Tag color={STATUS_COLORS[status]}>{t(`exams.status.${status}`)}</Tag>;
      },
    },
    { key: 'org', title: t('exams.fields.org'), dataIndex: 'orgName', ellipsis: true },
    { key: 'paper', title: t('exams.fields.paper'), dataIndex: 'paperTitle', ellipsis: true },
    {
      key: 'startsAt',
      title: t('exams.fields.window'),
      width: 190,
      render: (_, exam) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(exam.startsAt).slice(0, 16)}
          <br />
          {formatDateTime(exam.endsAt).slice(0, 16)}
        </span>
      ),
    },
    {
      key: 'progress',
      title: `${t('exams.fields.submitted')} / ${t('exams.fields.examinees')}`,
      width: 120,
      align: 'right',
      render: (_, exam) => t('exams.list.progress', { submitted: exam.submittedCount, total: exam.examineeCount }),
    },
    {
      key: 'published',
      title: t('exams.fields.published'),
      width: 110,
      render: (_, exam) =>
        exam.resultsPublishedAt ? (
          <Tag color="green">{t('exams.detail.published')}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('exams.list.notPublished')}</Typography.Text>
        ),
    },
  ];
  const table = useTableSettings('exams', columns);

  // The server lists newest window first (starts_at descending); there is no other order to choose.
  const onChange: TableProps<ExamSummary>['onChange'] = (pagination) => {
    const pageSize = pagination.pageSize ?? query.pageSize;
    go({ pageSize, page: pageSize !== query.pageSize ? 1 : (pagination.current ?? 1) });
  };

  return (
    <Card
      title={t('exams.title')}
      extra={
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('exams.list.create')}
          </Button>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void exams.refetch()} />
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            aria-label={t('exams.fields.keyword')}
            placeholder={t('exams.list.keywordPlaceholder')}
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(value) => go({ keyword: value.trim() || undefined, page: 1 })}
            style={{ width: 240 }}
          />
          <Select<ExamKind | ''>
            value={query.kind ?? ''}
            onChange={(kind) => go({ kind: kind || undefined, page: 1 })}
            options={[
              { value: '', label: t('exams.list.allKinds') },
              ...EXAM_KINDS.map((k) => ({ value: k, label: t(`exams.kind.${k}`) })),
            ]}
            style={{ width: 140 }}
            aria-label={t('exams.fields.kind')}
          />
          <Select<ExamStatus | ''>
            value={query.status ?? ''}
            onChange={(status) => go({ status: status || undefined, page: 1 })}
            options={[
              { value: '', label: t('exams.list.allStatuses') },
              ...EXAM_STATUSES.map((s) => ({ value: s, label: t(`exams.status.${s}`) })),
            ]}
            style={{ width: 140 }}
            aria-label={t('exams.proctor.status')}
          />
          <ExportButton onExport={() => exportExams(query)} />
          {table.button}
        </Flex>
        {exams.isError && <QueryErrorAlert error={exams.error} onRetry={() => void exams.refetch()} />}
        <div data-testid="exam-table">
          <Table<ExamSummary>
            rowKey="id"
            size={table.size}
            columns={table.columns}
            dataSource={exams.data?.items}
            loading={exams.isFetching}
            onChange={onChange}
            scroll={{ x: 1000 }}
            onRow={(exam) => ({ onClick: () => navigate(`/exams/${exam.id}`), style: { cursor: 'pointer' } })}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: exams.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Flex>
      {creating && <ExamFormDrawer onClose={() => setCreating(false)} />}
    </Card>
  );
}
