import type { OutletLevel, OutputView } from '@zhenggong/core';
import { App, Button, Flex, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { pointsText, useOutputs, useReject, useVerify, type OutputFilter } from '../api';
import { outletLevels } from '../publicity-codes';

/** Outputs the reporters submitted; the publicity department verifies (points fixed by the rule) or rejects. */
export function OutputsPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<OutputFilter>({ status: 'submitted', page: 1, pageSize: 20 });
  const outputs = useOutputs(q);
  const [deciding, setDeciding] = useState<OutputView | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          allowClear
          style={{ width: 140 }}
          value={q.status}
          data-testid="output-status"
          onChange={(status?: OutputView['status']) => setQ({ ...q, status, page: 1 })}
          options={(['submitted', 'verified', 'rejected'] as const).map((s) => ({ value: s, label: t(`publicity.status.${s}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('publicity.outputs.keyword')}
          onSearch={(keyword) => setQ({ ...q, keyword: keyword || undefined, page: 1 })}
        />
      </Flex>
      {outputs.isError && <QueryErrorAlert error={outputs.error} onRetry={() => void outputs.refetch()} />}
      <Table<OutputView>
        data-testid="outputs"
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        loading={outputs.isFetching}
        dataSource={outputs.data?.items}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: outputs.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          {
            title: t('publicity.outputs.title'),
            dataIndex: 'title',
            render: (v: string, r) =>
              r.url ? (
                <Typography.Link href={r.url} target="_blank" rel="noreferrer">
                  {v}
                </Typography.Link>
              ) : (
                v
              ),
          },
          { title: t('publicity.outputs.author'), dataIndex: 'name' },
          { title: t('publicity.outputs.unit'), dataIndex: 'orgName' },
          { title: t('publicity.outputs.kind'), dataIndex: 'kind', render: (k: OutputView['kind']) => t(`publicity.kind.${k}`) },
          { title: t('publicity.outputs.outlet'), dataIndex: 'outlet' },
          { title: t('publicity.outputs.level'), dataIndex: 'level', render: (l: OutletLevel) => t(`publicity.level.${l}`) },
          { title: t('publicity.outputs.publishedOn'), dataIndex: 'publishedOn' },
          {
            title: t('publicity.outputs.status'),
            dataIndex: 'status',
            render: (s: OutputView['status']) => (
              <Tag color={s === 'verified' ? 'green' : s === 'rejected' ? 'red' : 'blue'}>{t(`publicity.status.${s}`)}</Tag>
            ),
          },
          { title: t('publicity.outputs.points'), dataIndex: 'points', align: 'right', render: pointsText },
          {
            key: 'act',
            render: (_, r) =>
              r.status === 'submitted' ? (
                <Button size="small" type="primary" onClick={() => setDeciding(r)}>
                  {t('publicity.outputs.verify')}
                </Button>
              ) : null,
          },
        ]}
      />
      {deciding && <DecideModal output={deciding} onClose={() => setDeciding(null)} />}
    </Flex>
  );
}

function DecideModal({ output, onClose }: { output: OutputView; onClose: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<OutletLevel>(output.level);
  const [lead, setLead] = useState(output.lead);
  const [reason, setReason] = useState('');
  const verify = useVerify();
  const reject = useReject();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const done = () => {
    void message.success(t('publicity.saved'));
    onClose();
  };
  return (
    <Modal
      open
      title={output.title}
      onCancel={onClose}
      footer={
        <Space>
          <Button
            danger
            disabled={!reason.trim()}
            loading={reject.isPending}
            onClick={() => reject.mutate({ id: output.id, reason: reason.trim() }, { onSuccess: done, onError: showError })}
          >
            {t('publicity.outputs.reject')}
          </Button>
          <Button
            type="primary"
            loading={verify.isPending}
            data-testid="verify-confirm"
            onClick={() => verify.mutate({ id: output.id, body: { level, lead } }, { onSuccess: done, onError: showError })}
          >
            {t('publicity.outputs.verify')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text>
          {output.name} · {output.outlet} · {output.publishedOn}
        </Typography.Text>
        <Flex gap={8} align="center" wrap>
          {t('publicity.outputs.level')}
          <Select
            style={{ width: 160 }}
            value={level}
            onChange={setLevel}
            options={outletLevels.map((l) => ({ value: l, label: t(`publicity.level.${l}`) }))}
          />
          {t('publicity.outputs.lead')}
          <Switch checked={lead} onChange={setLead} />
        </Flex>
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={t('publicity.outputs.rejectReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Flex>
    </Modal>
  );
}
