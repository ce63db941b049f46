import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Progress, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { exportCoverage, useCoverage, useCoverageList } from '../api';
import type { CoverageRequirement, CoverageStatusResponse } from '@zhenggong/core';
import { CoverageCreateModal } from './CoverageCreateModal';

type StatusFilter = 'missing' | 'covered' | 'all';

/** 培训覆盖: pick a requirement, see covered/total per branch and the names still missing; export. */
export function CoveragePanel() {
  const { t } = useTranslation();
  const canWrite = usePermission('training:write');
  const list = useCoverageList();
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (!selected && list.data?.[0]) setSelected(list.data[0].id);
  }, [list.data, selected]);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Select
          style={{ minWidth: 320 }}
          placeholder={t('training.coverage.pick')}
          value={selected}
          loading={list.isPending}
          onChange={setSelected}
          options={(list.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
          data-testid="coverage-select"
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('training.coverage.create')}
          </Button>
        )}
      </Flex>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <Empty description={t('training.coverage.none')} />}
      {selected && <CoverageView id={selected} />}
      <CoverageCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => {
          setCreating(false);
          setSelected(r.id);
        }}
      />
    </Flex>
  );
}

function useRuleText() {
  const { t } = useTranslation();
  return (r: CoverageRequirement) =>
    r.rule.kind === 'hours'
      ? t('training.coverage.ruleHoursText', { n: r.rule.minHours })
      : t('training.coverage.ruleClassesText', {
          kinds: r.rule.classKinds.length
            ? r.rule.classKinds.map((k) => t(`training.kind.${k}`)).join('/')
            : t('training.coverage.anyKind'),
          n: r.rule.minClasses,
        });
}

function CoverageView({ id }: { id: string }) {
  const { t } = useTranslation();
  const ruleText = useRuleText();
  const showError = useErrorMessage();
  const [status, setStatus] = useState<StatusFilter>('missing');
  const [branchId, setBranchId] = useState<string>();
  const [keyword, setKeyword] = useState<string>();
  const query = { status, ...(branchId ? { branchId } : {}), ...(keyword ? { keyword } : {}) };
  const data = useCoverage(id, query);
  const [exporting, setExporting] = useState(false);
  if (data.isError) return <QueryErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  const s: CoverageStatusResponse | undefined = data.data;
  return (
    <Flex vertical gap={12}>
      {s && (
        <Typography.Paragraph style={{ margin: 0 }}>
          <Typography.Text strong>{s.requirement.title}</Typography.Text>
          <Typography.Text type="secondary">
            {' '}
            · {s.requirement.periodStart} ~ {s.requirement.periodEnd} · {ruleText(s.requirement)}
          </Typography.Text>
          <br />
          <span data-testid="coverage-summary">
            {t('training.coverage.summary', { total: s.total, covered: s.covered, missing: s.total - s.covered })}
          </span>
        </Typography.Paragraph>
      )}
      <Table
        rowKey="branchId"
        size="small"
        pagination={false}
        loading={data.isPending}
        dataSource={s?.branches}
        data-testid="coverage-branches"
        onRow={(b) => ({ onClick: () => setBranchId(b.branchId), style: { cursor: 'pointer' } })}
        rowClassName={(b) => (b.branchId === branchId ? 'ant-table-row-selected' : '')}
        columns={[
          { key: 'branch', title: t('training.coverage.branch'), dataIndex: 'branchName' },
          { key: 'total', title: t('training.coverage.total'), dataIndex: 'total', align: 'right' },
          { key: 'covered', title: t('training.coverage.covered'), dataIndex: 'covered', align: 'right' },
          {
            key: 'missing',
            title: t('training.coverage.missing'),
            dataIndex: 'missing',
            align: 'right',
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          {
            key: 'rate',
            title: t('training.coverage.rate'),
            width: 200,
            render: (_, b) => <Progress percent={b.rate} size="small" status={b.rate === 100 ? 'success' : 'normal'} />,
          },
        ]}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Segmented<StatusFilter>
            value={status}
            onChange={setStatus}
            options={[
              { value: 'missing', label: t('training.coverage.statusMissing') },
              { value: 'covered', label: t('training.coverage.statusCovered') },
              { value: 'all', label: t('training.coverage.statusAll') },
            ]}
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('training.coverage.allBranches')}
            value={branchId}
            onChange={setBranchId}
            options={(s?.branches ?? []).map((b) => ({ value: b.branchId, label: b.branchName }))}
          />
          <Input.Search
            allowClear
            style={{ width: 180 }}
            placeholder={t('training.coverage.name')}
            onSearch={(v) => setKeyword(v || undefined)}
          />
        </Space>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => {
            setExporting(true);
            exportCoverage(id, query)
              .catch(showError)
              .finally(() => setExporting(false));
          }}
        >
          {t('training.coverage.export')}
        </Button>
      </Flex>
      <Table
        rowKey="personId"
        size="small"
        loading={data.isPending}
        dataSource={s?.people}
        data-testid="coverage-people"
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { key: 'branch', title: t('training.coverage.branch'), dataIndex: 'branchName' },
          { key: 'unit', title: t('training.coverage.unit'), dataIndex: 'orgName' },
          { key: 'name', title: t('training.coverage.name'), dataIndex: 'name' },
          { key: 'post', title: t('training.coverage.post'), dataIndex: 'post', render: (v: string | null) => v ?? t('common.empty') },
          { key: 'progress', title: t('training.coverage.progress'), render: (_, p) => `${p.done} / ${p.required}` },
          {
            key: 'status',
            title: t('training.coverage.status'),
            render: (_, p) =>
              p.covered ? (
                <Tag color="success">{t('training.coverage.statusCovered')}</Tag>
              ) : (
                <Tag color="error">{t('training.coverage.statusMissing')}</Tag>
              ),
          },
        ]}
      />
    </Flex>
  );
}
