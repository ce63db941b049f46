import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { formatDateTime } from '../../../shared/utils/format';
import { usePapers, useSetPaperRetired } from '../api';
import { PreviewDrawer } from '../components/PreviewDrawer';
import type { PaperSummary } from '../types';

/** 试卷管理: papers of the caller's scope, with preview and retirement. */
export function PaperListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<'fixed' | 'rule' | undefined>();
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<string | undefined>();
  const [preview, setPreview] = useState<string | undefined>();
  const papers = usePapers({ q, kind, page, pageSize, sort, status: all ? 'all' : undefined });
  const retire = useSetPaperRetired();

  const columns: TableProps<PaperSummary>['columns'] = [
    {
      key: 'title',
      title: t('questionBank.paper.name'),
      dataIndex: 'title',
      sorter: true,
      render: (v: string, r) => (
        <Space>
          <Typography.Link onClick={() => navigate(`/question-bank/papers/${r.id}`)}>{v}</Typography.Link>
          {r.status === 'retired' && <Tag>{t('questionBank.status.retired')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'kind',
      title: t('questionBank.paper.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: 'fixed' | 'rule') => <Tag color={v === 'rule' ? 'purple' : 'cyan'}>{t(`questionBank.paper.kinds.${v}`)}</Tag>,
    },
    { key: 'questionCount', title: t('questionBank.paper.questionCount'), dataIndex: 'questionCount', width: 70 },
    { key: 'totalScore', title: t('questionBank.paper.total'), dataIndex: 'totalScore', width: 80, sorter: true },
    { key: 'timeMinutes', title: t('questionBank.paper.timeMinutes'), dataIndex: 'timeMinutes', width: 120, responsive: ['md'] },
    { key: 'org', title: t('questionBank.paper.org'), dataIndex: 'orgName', width: 140, ellipsis: true, responsive: ['lg'] },
    {
      key: 'updatedAt',
      title: t('questionBank.paper.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      responsive: ['xl'],
      render: (v: string) => formatDateTime(v),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 170,
      render: (_v, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setPreview(r.id)} disabled={r.status === 'retired'}>
            {t('questionBank.paper.preview')}
          </Button>
          {r.status === 'active' ? (
            <Popconfirm
              title={t('questionBank.paper.retireConfirm')}
              onConfirm={() => retire.mutate({ id: r.id, retired: true }, { onError: (e) => message.error(errorText(e)) })}
            >
              <Button size="small" type="link" danger>
                {t('questionBank.paper.retire')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              type="link"
              onClick={() => retire.mutate({ id: r.id, retired: false }, { onError: (e) => message.error(errorText(e)) })}
            >
              {t('questionBank.paper.restore')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const onChange: TableProps<PaperSummary>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
    const next = key && s?.order ? (s.order === 'descend' ? `-${key}` : key) : undefined;
    const size = pagination.pageSize ?? pageSize;
    setPage(next !== sort || size !== pageSize ? 1 : (pagination.current ?? 1));
    setSort(next);
    setPageSize(size);
  };

  return (
    <Card
      title={t('questionBank.paper.title')}
      extra={
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/question-bank/papers/new')} data-testid="paper-create">
            {t('questionBank.paper.create')}
          </Button>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void papers.refetch()} />
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap="wrap">
          <Input.Search
            allowClear
            placeholder={t('questionBank.paper.keyword')}
            aria-label={t('questionBank.paper.keyword')}
            onSearch={(v) => {
              setQ(v.trim() || undefined);
              setPage(1);
            }}
            style={{ width: 240 }}
          />
          <Select
            aria-label={t('questionBank.paper.kind')}
            value={kind ?? ''}
            onChange={(v: string) => {
              setKind(v === 'fixed' || v === 'rule' ? v : undefined);
              setPage(1);
            }}
            style={{ width: 140 }}
            options={[
              { value: '', label: t('questionBank.paper.allKinds') },
              ...(['rule', 'fixed'] as const).map((k) => ({ value: k, label: t(`questionBank.paper.kinds.${k}`) })),
            ]}
          />
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
            {t('questionBank.filter.showRetired')}
          </Checkbox>
        </Flex>
        {papers.isError && <QueryErrorAlert error={papers.error} onRetry={() => void papers.refetch()} />}
        <Table<PaperSummary>
          data-testid="paper-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={papers.data?.items ?? []}
          loading={papers.isFetching}
          onChange={onChange}
          scroll={{ x: 720 }}
          pagination={{
            current: page,
            pageSize,
            total: papers.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </Flex>
      <PreviewDrawer paperId={preview} open={preview !== undefined} onClose={() => setPreview(undefined)} />
    </Card>
  );
}
