import { CheckOutlined, CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useCorrections } from '../api';
import { CurrentVsRequested } from '../components/CurrentVsRequested';
import { DecisionModal } from '../components/DecisionModal';
import { useCorrectionColumns } from '../components/useCorrectionColumns';
import type { CorrectionStatus, PendingCorrection } from '@zhenggong/core';

const STATUSES: readonly CorrectionStatus[] = ['pending', 'approved', 'rejected'];

/** 更正审核 (待办): requests of people in the approver's scope; approve applies the change. */
export function CorrectionsPage() {
  const { t } = useTranslation();
  const canRead = usePermission('personnel:read');
  const canReveal = usePermission('personnel:reveal');
  const [status, setStatus] = useState<CorrectionStatus>('pending');
  const [deciding, setDeciding] = useState<{ request: PendingCorrection; approve: boolean } | null>(null);
  const requests = useCorrections(status);
  const base = useCorrectionColumns<PendingCorrection>(!canReveal);

  const columns: TableColumnsType<PendingCorrection> = [
    { title: t('selfService.columns.person'), dataIndex: 'personName', width: 100, fixed: 'left' },
    ...base.filter(
      (column) => status !== 'pending' || !['decidedAt', 'decisionNote'].includes(String((column as { dataIndex?: unknown }).dataIndex)),
    ),
    ...(status === 'pending'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_value: unknown, request: PendingCorrection) => (
              <Space size={4}>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setDeciding({ request, approve: true })}>
                  {t('selfService.review.approve')}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDeciding({ request, approve: false })}>
                  {t('selfService.review.reject')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('selfService.review.title')}
      extra={<Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void requests.refetch()} />}
    >
      <Flex vertical gap={12}>
        <Segmented<CorrectionStatus>
          value={status}
          onChange={setStatus}
          options={STATUSES.map((value) => ({ value, label: t(`selfService.status.${value}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
        {requests.isError && <QueryErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />}
        <div data-testid="corrections-table">
          <Table<PendingCorrection>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={requests.data}
            loading={requests.isFetching}
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
            // The record's current values sit behind "+" (needs personnel:read).
            expandable={
              canRead ? { expandedRowRender: (request) => <CurrentVsRequested request={request} maskPhone={!canReveal} /> } : undefined
            }
          />
        </div>
      </Flex>
      {deciding && <DecisionModal request={deciding.request} approve={deciding.approve} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
