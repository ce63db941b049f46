import { Card, Flex, Grid, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { beijingToday } from '../../../shared/utils/beijing-today';
import { useTodo, useTodoCounts } from '../api';
import { BatchDecision } from '../components/BatchDecision';
import { CaseDrawer } from '../components/CaseDrawer';
import { CaseStatusTag } from '../components/CaseStatusTag';
import type { TodoBox, TodoItem } from '@zhenggong/core';

const BOXES: readonly TodoBox[] = ['pending', 'done', 'mine'];
const MODULES = ['personnel', 'welfare', 'study', 'talent'] as const;

/** 待办 / 已办 / 我发起的 across every module; `?case=<id>` (the notifications' link) opens a case. */
export function TodoCenterPage() {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const box = BOXES.find((b) => b === params.get('box')) ?? 'pending';
  const [page, setPage] = useState(1);
  const [keyword, setKeyword] = useState<string>();
  const [module, setModule] = useState<string>();
  const pageSize = 20;
  const list = useTodo({ box, page, pageSize, ...(keyword ? { keyword } : {}), ...(module ? { module } : {}) });
  const counts = useTodoCounts();
  const openCase = params.get('case') ?? undefined;
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const today = beijingToday();
  // 批量审批: rows of 待办 may be selected (across pages) and decided together.
  const [selected, setSelected] = useState<TodoItem[]>([]);
  const selectable = box === 'pending';

  const columns: ColumnsType<TodoItem> = [
    {
      title: t('workflow.col.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Flex vertical>
          <Typography.Link onClick={() => setParam('case', r.caseId)}>{title}</Typography.Link>
          {narrow && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.subject.orgName} · {r.currentStep?.name ?? ''}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(narrow
      ? []
      : [
          { title: t('workflow.col.subject'), render: (_: unknown, r: TodoItem) => r.subject.name },
          { title: t('workflow.col.org'), render: (_: unknown, r: TodoItem) => r.subject.orgName },
          { title: t('workflow.col.step'), render: (_: unknown, r: TodoItem) => r.currentStep?.name ?? '—' },
          { title: t('workflow.col.submittedBy'), dataIndex: 'submittedBy' },
        ]),
    {
      title: t('workflow.col.status'),
      dataIndex: 'status',
      width: narrow ? 90 : 110,
      render: (_: unknown, r) => (
        <Flex vertical gap={2} align="start">
          <CaseStatusTag status={r.status} />
          {r.deadline && r.status === 'in_progress' && (
            <Tag color={r.deadline < today ? 'red' : 'default'}>{r.deadline < today ? t('workflow.overdue') : r.deadline}</Tag>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card title={t('workflow.title')} styles={{ body: { padding: narrow ? 8 : 24 } }}>
      <Tabs
        activeKey={box}
        onChange={(key) => {
          setPage(1);
          setSelected([]);
          setParam('box', key);
        }}
        items={BOXES.map((b) => ({
          key: b,
          label: b === 'pending' && counts.data?.pending ? `${t(`workflow.tabs.${b}`)} (${counts.data.pending})` : t(`workflow.tabs.${b}`),
        }))}
      />
      <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('workflow.filter.keyword')}
          style={{ width: narrow ? '100%' : 260 }}
          onSearch={(v) => {
            setPage(1);
            setKeyword(v.trim() || undefined);
          }}
        />
        <Select
          allowClear
          placeholder={t('workflow.filter.module')}
          style={{ width: 160 }}
          value={module}
          onChange={(v?: string) => {
            setPage(1);
            setModule(v);
          }}
          options={MODULES.map((m) => ({ value: m, label: t(`workflow.module.${m}`) }))}
        />
      </Flex>
      {/* Stays mounted after the batch clears the selection: its result summary is shown then. */}
      {selectable && <BatchDecision selected={selected} onDone={() => setSelected([])} onClear={() => setSelected([])} />}
      {list.error && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<TodoItem>
        data-testid={`todo-${box}`}
        rowKey="caseId"
        size={narrow ? 'small' : 'middle'}
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected.map((r) => r.caseId),
                preserveSelectedRowKeys: true,
                onChange: (_keys, rows) => setSelected(rows.filter((r): r is TodoItem => !!r)),
                columnWidth: narrow ? 32 : 48,
              }
            : undefined
        }
        onRow={(r) => ({
          // A tick in the selection column selects the row; anywhere else opens the case.
          onClick: (e) => {
            if (!(e.target as HTMLElement).closest('.ant-table-selection-column')) setParam('case', r.caseId);
          },
        })}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, simple: narrow }}
      />
      <CaseDrawer caseId={openCase} onClose={() => setParam('case', undefined)} />
    </Card>
  );
}
