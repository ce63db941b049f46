import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useApprovals, useDecide, useRecords } from '../api';
import type { PendingRecordsResponse, StudyRecord } from '@zhenggong/core';

type PendingRecord = PendingRecordsResponse['items'][number];

const statusColor = { pending: 'warning', approved: 'success', rejected: 'error' } as const;

function useColumns() {
  const { t } = useTranslation();
  return [
    { key: 'name', title: t('study.record.name'), dataIndex: 'name' },
    { key: 'unit', title: t('study.record.unit'), dataIndex: 'orgName' },
    { key: 'date', title: t('study.record.date'), dataIndex: 'date' },
    { key: 'title', title: t('study.record.title'), dataIndex: 'title' },
    { key: 'hours', title: t('study.record.hours'), dataIndex: 'hours', align: 'right' as const },
    {
      key: 'source',
      title: t('study.record.source'),
      render: (_: unknown, r: StudyRecord) => (r.source === 'self' ? t('study.record.sourceSelf') : t('study.record.sourceMaterial')),
    },
    { key: 'note', title: t('study.record.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.empty') },
  ];
}

/** 学时审核: pending declarations of people in the approver's scope; approve or reject each. */
export function ApprovalsPanel() {
  const { t } = useTranslation();
  const approvals = useApprovals();
  const decide = useDecide();
  const showError = useErrorMessage();
  const columns = useColumns();
  const [rejecting, setRejecting] = useState<PendingRecord>();
  const [note, setNote] = useState('');
  if (approvals.isError) return <QueryErrorAlert error={approvals.error} onRetry={() => void approvals.refetch()} />;
  return (
    <>
      <Table<PendingRecord>
        rowKey="id"
        size="middle"
        loading={approvals.isPending}
        dataSource={approvals.data?.items}
        locale={{ emptyText: t('study.record.empty') }}
        pagination={false}
        columns={[
          ...columns,
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined />}
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ caseId: r.caseId ?? '', approve: true }, { onError: showError })}
                >
                  {t('study.record.approve')}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => (setNote(''), setRejecting(r))}>
                  {t('study.record.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={t('study.record.reject')}
        open={!!rejecting}
        onCancel={() => setRejecting(undefined)}
        confirmLoading={decide.isPending}
        onOk={() =>
          rejecting &&
          decide.mutate(
            { caseId: rejecting.caseId ?? '', approve: false, note },
            { onSuccess: () => setRejecting(undefined), onError: showError },
          )
        }
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('study.record.decisionNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}

/** 学习记录: every record of people in scope, filterable by status. */
export function RecordsPanel() {
  const { t } = useTranslation();
  const columns = useColumns();
  const [query, setQuery] = useState<{ page: number; pageSize: number; status?: string; keyword?: string }>({ page: 1, pageSize: 20 });
  const records = useRecords(query);
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('study.record.keyword')}
          style={{ width: 240 }}
          onSearch={(keyword) => setQuery({ ...query, page: 1, keyword: keyword || undefined })}
        />
        <Select
          allowClear
          placeholder={t('study.record.allStatus')}
          style={{ width: 140 }}
          onChange={(status?: string) => setQuery({ ...query, page: 1, status })}
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({ value: s, label: t(`study.record.${s}`) }))}
        />
      </Space>
      {records.isError && <QueryErrorAlert error={records.error} onRetry={() => void records.refetch()} />}
      <Table<StudyRecord>
        rowKey="id"
        size="middle"
        loading={records.isPending}
        dataSource={records.data?.items}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: records.data?.total,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setQuery({ ...query, page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        columns={[
          ...columns,
          {
            key: 'status',
            title: t('study.record.status'),
            render: (_, r) => <Tag color={statusColor[r.status]}>{t(`study.record.${r.status}`)}</Tag>,
          },
        ]}
      />
    </Flex>
  );
}
