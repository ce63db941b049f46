import { PlusOutlined } from '@ant-design/icons';
import type { SelectionCampaignView, SelectionView } from '@zhenggong/core';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateSelectionCampaign, useNominate, useSelectionCampaigns, useSelections } from '../api';
import { PartyOrgSelect } from '../components/PartyOrgSelect';
import { selectionKinds } from '../party-codes';

const statusColor: Record<SelectionView['status'], string> = {
  pending: 'default',
  in_review: 'blue',
  approved: 'cyan',
  rejected: 'default',
  selected: 'red',
  not_selected: 'default',
};

/** 好党员 and 优秀案例: campaigns and nominations run on the exemplar machinery (典型选树). */
export function SelectionsPage() {
  const { t } = useTranslation();
  const campaigns = useSelectionCampaigns();
  const selections = useSelections();
  const [adding, setAdding] = useState(false);
  const [nominating, setNominating] = useState<SelectionCampaignView | null>(null);
  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon message={t('party.selections.votingHint')} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('party.selections.campaigns')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('party.selections.addCampaign')}
        </Button>
      </Flex>
      {campaigns.isError && <QueryErrorAlert error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      <Table<SelectionCampaignView>
        data-testid="party-selection-campaigns"
        rowKey="id"
        size="small"
        scroll={{ x: 600 }}
        loading={campaigns.isFetching}
        dataSource={campaigns.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('party.selections.year'), dataIndex: 'year', width: 72 },
          {
            title: t('party.selections.kind'),
            dataIndex: 'kind',
            filters: selectionKinds.map((k) => ({ text: t(`party.selectionKind.${k}`), value: k })),
            onFilter: (v, row) => row.kind === v,
            render: (k: SelectionCampaignView['kind']) => t(`party.selectionKind.${k}`),
          },
          { title: t('party.selections.title'), dataIndex: 'title' },
          { title: t('party.selections.candidates'), dataIndex: 'candidates' },
          {
            title: t('party.selections.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag>{t(`party.campaignStatus.${s}`, { defaultValue: s })}</Tag>,
          },
          {
            key: 'act',
            render: (_, c) =>
              c.status === 'nominating' ? (
                <Button size="small" onClick={() => setNominating(c)}>
                  {t('party.selections.nominate')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('party.selections.nominations')}
      </Typography.Title>
      {selections.isError && <QueryErrorAlert error={selections.error} onRetry={() => void selections.refetch()} />}
      <Table<SelectionView>
        data-testid="party-selections"
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        loading={selections.isFetching}
        dataSource={selections.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('party.selections.kind'), dataIndex: 'kind', render: (k: SelectionView['kind']) => t(`party.selectionKind.${k}`) },
          { title: t('party.selections.nominationTitle'), dataIndex: 'title' },
          { title: t('party.selections.person'), dataIndex: 'personName', render: (n: string | null) => n ?? '—' },
          { title: t('party.selections.partyOrg'), dataIndex: 'partyOrgName' },
          { title: t('party.selections.campaign'), dataIndex: 'campaignTitle', render: (n: string | null) => n ?? '—' },
          {
            title: t('party.selections.status'),
            dataIndex: 'status',
            filters: (['in_review', 'approved', 'selected', 'not_selected', 'rejected'] as const).map((s) => ({
              text: t(`party.selectionStatus.${s}`),
              value: s,
            })),
            onFilter: (v, row) => row.status === v,
            render: (s: SelectionView['status']) => <Tag color={statusColor[s]}>{t(`party.selectionStatus.${s}`)}</Tag>,
          },
        ]}
      />
      {adding && <CampaignModal onClose={() => setAdding(false)} />}
      {nominating && <NominateModal campaign={nominating} onClose={() => setNominating(null)} />}
    </Flex>
  );
}

function CampaignModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    kind: SelectionCampaignView['kind'];
    title: string;
    year: number;
    criteria: string;
    orgId: string;
    quotaPerUnit: number;
    maxChoices: number;
  }>();
  const create = useCreateSelectionCampaign();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={t('party.selections.addCampaign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'good_member', year: dayjs().year(), quotaPerUnit: 2, maxChoices: 3 }}
        onFinish={(v) => create.mutate(v, { onSuccess: onClose, onError: showError })}
      >
        <Form.Item name="kind" label={t('party.selections.kind')} rules={[{ required: true }]}>
          <Select options={selectionKinds.map((k) => ({ value: k, label: t(`party.selectionKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('party.selections.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('party.selections.year')} rules={[{ required: true, type: 'number', min: 2000, max: 2100 }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="orgId" label={t('party.selections.unit')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="criteria" label={t('party.selections.criteria')} rules={[{ required: true, max: 5000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="quotaPerUnit" label={t('party.selections.quota')} rules={[{ required: true, type: 'number', min: 1, max: 100 }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item
            name="maxChoices"
            label={t('party.selections.maxChoices')}
            rules={[{ required: true, type: 'number', min: 1, max: 50 }]}
          >
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function NominateModal({ campaign, onClose }: { campaign: SelectionCampaignView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ partyOrgId: string; personId: string; title: string; reason: string }>();
  const nominate = useNominate();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={`${t('party.selections.nominate')} · ${campaign.title}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={nominate.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => nominate.mutate({ ...v, campaignId: campaign.id }, { onSuccess: onClose, onError: showError })}
      >
        <Form.Item name="partyOrgId" label={t('party.selections.partyOrg')} rules={[{ required: true }]}>
          <PartyOrgSelect onChange={(id) => form.setFieldValue('partyOrgId', id)} />
        </Form.Item>
        <Form.Item name="personId" label={t('party.selections.person')} rules={[{ required: true }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="title" label={t('party.selections.nominationTitle')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={t('party.selections.reason')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
