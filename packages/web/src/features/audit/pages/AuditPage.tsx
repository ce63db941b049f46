import {
  DownloadOutlined,
  FileProtectOutlined,
  MinusSquareOutlined,
  PlusSquareOutlined,
  ReloadOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAuditCheckpoint, useAuditEntries, useExportAudit, useVerifyAudit, type AuditEntry, type AuditFilter } from '../api';
import { AuditDetail } from '../components/AuditDetail';
import { AuditFilters } from '../components/AuditFilters';
import { useAuditColumns } from '../components/useAuditColumns';

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const canExport = usePermission('audit:export');
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sort, setSort] = useState<'-seq' | 'seq'>('-seq');
  const entries = useAuditEntries({ ...filter, page, pageSize, sort });
  const verify = useVerifyAudit();
  const exportAudit = useExportAudit();
  const checkpoint = useAuditCheckpoint();
  const columns = useAuditColumns(sort);

  const verifyResult = verify.data;

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Space>
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              loading={exportAudit.isPending}
              onClick={() =>
                exportAudit.mutate(filter, {
                  onSuccess: () => void message.success(t('audit.exportDone')),
                  onError: showError,
                })
              }
            >
              {t('audit.actions.export')}
            </Button>
          )}
          {canExport && (
            <Button
              icon={<FileProtectOutlined />}
              data-testid="audit-checkpoint"
              loading={checkpoint.isPending}
              onClick={() =>
                checkpoint.mutate(undefined, {
                  onSuccess: () => void message.success(t('audit.checkpointDone')),
                  onError: showError,
                })
              }
            >
              {t('audit.actions.checkpoint')}
            </Button>
          )}
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate(undefined, { onError: showError })}>
            {t('audit.actions.verify')}
          </Button>
          <Button icon={<ReloadOutlined />} aria-label={t('common.refresh')} onClick={() => void entries.refetch()} />
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {verifyResult && (
          <Alert
            role="status"
            data-testid="audit-verify-result"
            type={verifyResult.ok ? 'success' : 'error'}
            showIcon
            closable
            onClose={() => verify.reset()}
            message={t('audit.verifyTitle')}
            description={
              verifyResult.ok
                ? t('audit.verifyOk', { checked: verifyResult.checked })
                : t('audit.verifyBroken', { checked: verifyResult.checked, brokenAt: verifyResult.brokenAt ?? '?' })
            }
          />
        )}
        <AuditFilters
          onSearch={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {entries.isError && <QueryErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />}
        <div data-testid="audit-table">
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={entries.data?.items}
            loading={entries.isFetching}
            scroll={{ x: 1040 }}
            expandable={{
              expandedRowRender: (entry) => <AuditDetail detail={entry.detail} />,
              // antd's default expand icon has no accessible name; this one says what it does.
              expandIcon: ({ expanded, onExpand, record }) => (
                <Button
                  type="text"
                  size="small"
                  aria-expanded={expanded}
                  aria-label={expanded ? t('audit.detail.collapse') : t('audit.detail.expand')}
                  icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
                  onClick={(event) => onExpand(record, event)}
                />
              ),
            }}
            onChange={(pagination, _filters, sorter) => {
              const order = Array.isArray(sorter) ? sorter[0]?.order : sorter.order;
              const nextSort = order === 'ascend' ? 'seq' : '-seq';
              setSort(nextSort);
              setPage(nextSort !== sort ? 1 : (pagination.current ?? 1));
              setPageSize(pagination.pageSize ?? pageSize);
            }}
            pagination={{
              current: page,
              pageSize,
              total: entries.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </div>
      </Flex>
    </Card>
  );
}
