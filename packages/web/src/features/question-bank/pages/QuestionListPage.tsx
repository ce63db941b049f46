import { FileTextOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { formatDateTime } from '../../../shared/utils/format';
import { useBanks, useQuestions, useTags } from '../api';
import { CreateBankModal } from '../components/CreateBankModal';
import { difficultyKey } from '../question-form';
import { QuestionDrawer } from '../components/QuestionDrawer';
import { DIFFICULTIES, QUESTION_TYPES, type QuestionFilter, type QuestionListItem, type QuestionType } from '../types';

const SORTABLE = ['updatedAt', 'difficulty', 'type', 'createdAt'] as const;

/** Filters, sort and page live in the URL, so a list can be bookmarked and the back button works. */
function readState(p: URLSearchParams) {
  const num = (k: string) => (p.get(k) && !Number.isNaN(Number(p.get(k))) ? Number(p.get(k)) : undefined);
  const str = (k: string) => p.get(k) || undefined;
  const filter: QuestionFilter = {
    bankId: str('bankId'),
    type: QUESTION_TYPES.find((x) => x === p.get('type')),
    difficulty: num('difficulty'),
    policeCategory: str('policeCategory'),
    subject: str('subject'),
    sourceLaw: str('sourceLaw'),
    q: str('q'),
    status: p.get('status') === 'all' ? 'all' : undefined,
  };
  return { filter, page: num('page') ?? 1, pageSize: num('pageSize') ?? 20, sort: str('sort') };
}

type ListState = ReturnType<typeof readState>;

function writeState(s: ListState): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries({
    ...s.filter,
    page: s.page === 1 ? undefined : s.page,
    pageSize: s.pageSize === 20 ? undefined : s.pageSize,
    sort: s.sort,
  })) {
    if (v !== undefined && v !== '') out.set(k, String(v));
  }
  return out;
}

/** 题库管理: questions of the visible banks, filtered by bank, type, tags, difficulty and keyword. */
export function QuestionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(() => readState(new URLSearchParams(search)), [search]);
  const banks = useBanks();
  const tags = useTags(state.filter.bankId ? [state.filter.bankId] : []);
  const questions = useQuestions({ ...state.filter, page: state.page, pageSize: state.pageSize, sort: state.sort });
  const [drawer, setDrawer] = useState<string | null>(null);
  const [bankModal, setBankModal] = useState(false);
  const [keyword, setKeyword] = useState(state.filter.q ?? '');
  const go = (next: Partial<ListState>) => setParams(writeState({ ...state, ...next }));
  const filterBy = (patch: Partial<QuestionFilter>) => go({ filter: { ...state.filter, ...patch }, page: 1 });
  const canWriteSome = (banks.data ?? []).some((b) => b.writable);

  const sortOrder = (key: string) => (state.sort === key ? 'ascend' : state.sort === `-${key}` ? 'descend' : null);
  const columns: TableProps<QuestionListItem>['columns'] = [
    {
      key: 'type',
      title: t('questionBank.filter.type'),
      dataIndex: 'type',
      width: 96,
      sorter: true,
      sortOrder: sortOrder('type'),
      render: (v: QuestionType) => <Tag color="blue">{t(`questionBank.type.${v}`)}</Tag>,
    },
    {
      key: 'stem',
      title: t('questionBank.list.stem'),
      dataIndex: 'stem',
      ellipsis: true,
      render: (v: string, r) => (
        <Typography.Link onClick={() => setDrawer(r.id)} title={v}>
          {v}
        </Typography.Link>
      ),
    },
    { key: 'bank', title: t('questionBank.list.bank'), dataIndex: 'bankName', width: 150, ellipsis: true, responsive: ['lg'] },
    { key: 'policeCategory', title: t('questionBank.filter.policeCategory'), dataIndex: 'policeCategory', width: 90, responsive: ['md'] },
    { key: 'subject', title: t('questionBank.filter.subject'), dataIndex: 'subject', width: 100, responsive: ['lg'] },
    {
      key: 'difficulty',
      title: t('questionBank.filter.difficulty'),
      dataIndex: 'difficulty',
      width: 80,
      sorter: true,
      sortOrder: sortOrder('difficulty'),
      render: (v: number) => t(difficultyKey(v)),
    },
    {
      key: 'version',
      title: t('questionBank.list.version'),
      dataIndex: 'versionNo',
      width: 70,
      render: (v: number, r) => (
        <Space size={4}>
          {`v${v}`}
          {r.status === 'retired' && <Tag>{t('questionBank.status.retired')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'updatedAt',
      title: t('questionBank.list.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      responsive: ['xl'],
      render: (v: string) => formatDateTime(v),
    },
  ];

  const onChange: TableProps<QuestionListItem>['onChange'] = (pagination, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' && SORTABLE.some((k) => k === s.columnKey) ? s.columnKey : undefined;
    const sort = key && s?.order ? (s.order === 'descend' ? `-${key}` : key) : undefined;
    const pageSize = pagination.pageSize ?? state.pageSize;
    go({ sort, pageSize, page: sort !== state.sort || pageSize !== state.pageSize ? 1 : (pagination.current ?? 1) });
  };

  const tagSelect = (field: 'policeCategory' | 'subject' | 'sourceLaw', values: string[], width: number) => (
    <Select
      allowClear
      showSearch
      aria-label={t(`questionBank.filter.${field}`)}
      placeholder={t(`questionBank.filter.${field}`)}
      value={state.filter[field]}
      onChange={(v: string | undefined) => filterBy({ [field]: v })}
      options={values.map((v) => ({ value: v, label: v }))}
      style={{ width }}
    />
  );

  return (
    <Card
      title={t('questionBank.title')}
      extra={
        <Space wrap>
          <Button icon={<FileTextOutlined />} onClick={() => navigate('/question-bank/papers')}>
            {t('questionBank.list.papers')}
          </Button>
          <Button onClick={() => setBankModal(true)} data-testid="qb-create-bank">
            {t('questionBank.bank.create')}
          </Button>
          <Button
            icon={<UploadOutlined />}
            onClick={() => navigate(`/question-bank/import${state.filter.bankId ? `?bankId=${state.filter.bankId}` : ''}`)}
            data-testid="qb-import"
          >
            {t('questionBank.list.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!canWriteSome}
            onClick={() => setDrawer('new')}
            data-testid="qb-create-question"
          >
            {t('questionBank.list.create')}
          </Button>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void questions.refetch()} />
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap="wrap" data-testid="qb-filters">
          <Select
            aria-label={t('questionBank.bank.label')}
            data-testid="qb-filter-bank"
            value={state.filter.bankId ?? ''}
            onChange={(v: string) => filterBy({ bankId: v || undefined })}
            style={{ width: 260 }}
            options={[
              { value: '', label: t('questionBank.bank.all') },
              ...(banks.data ?? []).map((b) => ({
                value: b.id,
                label: `${b.name} · ${t('questionBank.bank.count', { count: b.questionCount })}${b.writable ? '' : ` · ${t('questionBank.bank.shared')}`}`,
              })),
            ]}
          />
          <Select
            allowClear
            aria-label={t('questionBank.filter.type')}
            placeholder={t('questionBank.filter.type')}
            value={state.filter.type}
            onChange={(v: QuestionType | undefined) => filterBy({ type: v })}
            options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`questionBank.type.${v}`) }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            aria-label={t('questionBank.filter.difficulty')}
            placeholder={t('questionBank.filter.difficulty')}
            value={state.filter.difficulty}
            onChange={(v: number | undefined) => filterBy({ difficulty: v })}
            options={DIFFICULTIES.map((d) => ({ value: d, label: t(difficultyKey(d)) }))}
            style={{ width: 100 }}
          />
          {tagSelect('policeCategory', tags.data?.policeCategories ?? [], 120)}
          {tagSelect('subject', tags.data?.subjects ?? [], 130)}
          {tagSelect('sourceLaw', tags.data?.sourceLaws ?? [], 220)}
          <Input.Search
            allowClear
            aria-label={t('questionBank.filter.keyword')}
            placeholder={t('questionBank.filter.keyword')}
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(v) => filterBy({ q: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          <Checkbox checked={state.filter.status === 'all'} onChange={(e) => filterBy({ status: e.target.checked ? 'all' : undefined })}>
            {t('questionBank.filter.showRetired')}
          </Checkbox>
        </Flex>
        {questions.isError && <QueryErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />}
        <div data-testid="qb-question-list" data-loading={questions.isFetching ? 'true' : 'false'}>
          <Table<QuestionListItem>
            data-testid="qb-question-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={questions.data?.items ?? []}
            loading={questions.isFetching}
            onChange={onChange}
            locale={{ emptyText: t('questionBank.list.empty') }}
            scroll={{ x: 760 }}
            pagination={{
              current: state.page,
              pageSize: state.pageSize,
              total: questions.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Flex>
      <QuestionDrawer target={drawer} banks={banks.data ?? []} defaultBankId={state.filter.bankId} onClose={() => setDrawer(null)} />
      <CreateBankModal
        open={bankModal}
        onClose={() => setBankModal(false)}
        onCreated={(bank) => {
          setBankModal(false);
          filterBy({ bankId: bank.id });
        }}
      />
    </Card>
  );
}
