import { Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { CampaignRow } from '@zhenggong/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCampaigns, useCreateCampaign } from '../api';

const KINDS = ['最美警察', '忠诚卫士', '铁军警队', '十佳辅警', '辅警之星', '其他'];

/** 典型选树: campaigns in their stages. */
export function ExemplarsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useCampaigns();
  const canManage = usePermission('exemplars:manage');
  const [creating, setCreating] = useState(false);
  return (
    <>
      {canManage && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('awards.exemplars.create')}
        </Button>
      )}
      {list.error ? <QueryErrorAlert error={list.error} /> : null}
      <Table<CampaignRow>
        rowKey="id"
        size="middle"
        scroll={{ x: 700 }}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => navigate(`/awards/exemplars/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('awards.exemplars.title'), dataIndex: 'title' },
          { title: t('awards.exemplars.kind'), dataIndex: 'kind', render: (k: string) => <Tag color="red">{k}</Tag> },
          { title: t('awards.exemplars.year'), dataIndex: 'year', width: 80 },
          {
            title: t('awards.exemplars.status'),
            dataIndex: 'status',
            render: (s: CampaignRow['status']) => t(`awards.exemplars.statuses.${s}`),
          },
          { title: t('awards.exemplars.candidates'), dataIndex: 'candidates', width: 90 },
          { title: t('awards.exemplars.ballots'), dataIndex: 'ballots', width: 90 },
        ]}
      />
      <CreateCampaign open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CreateCampaign({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const create = useCreateCampaign();
  const showError = useErrorMessage();
  const required = [{ required: true, message: t('awards.form.required') }];
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('awards.exemplars.create')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: '最美警察', year: new Date().getFullYear(), quotaPerUnit: 2, maxChoices: 3, publicVoting: false }}
        onFinish={(v: Record<string, unknown>) =>
          void create
            .mutateAsync(v)
            .then(() => onClose())
            .catch(showError)
        }
      >
        <Form.Item name="title" label={t('awards.exemplars.title')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('awards.exemplars.kind')} rules={required}>
            <Select style={{ width: 140 }} options={KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="year" label={t('awards.exemplars.year')} rules={required}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="quotaPerUnit" label={t('awards.exemplars.quota')} rules={required}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="maxChoices" label={t('awards.exemplars.maxChoices')} rules={required}>
            <InputNumber min={1} max={50} />
          </Form.Item>
        </Space>
        <Form.Item name="criteria" label={t('awards.exemplars.criteria')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="orgId" label={t('awards.exemplars.org')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="publicVoting" label={t('awards.exemplars.publicVoting')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
