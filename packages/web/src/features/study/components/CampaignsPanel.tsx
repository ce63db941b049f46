import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Form, Input, InputNumber, Modal, Progress, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCampaignProgress, useCampaigns, useCreateCampaign } from '../api';

/** 主题教育: campaigns, the completion rate per unit and each participant's hours. */
export function CampaignsPanel() {
  const { t } = useTranslation();
  const canWrite = usePermission('study:write');
  const campaigns = useCampaigns();
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (!selected && campaigns.data?.[0]) setSelected(campaigns.data[0].id);
  }, [campaigns.data, selected]);
  const progress = useCampaignProgress(selected);
  const p = progress.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Select
          style={{ minWidth: 320 }}
          placeholder={t('study.campaign.pick')}
          value={selected}
          onChange={setSelected}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('study.campaign.create')}
          </Button>
        )}
      </Flex>
      {campaigns.data?.length === 0 && <Empty description={t('study.campaign.none')} />}
      {progress.isError && <QueryErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
      {p && (
        <>
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text strong>{p.campaign.title}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {p.campaign.startDate} ~ {p.campaign.endDate} · {t('study.campaign.requiredHours')} {p.campaign.requiredHours}
            </Typography.Text>
            <br />
            {t('study.campaign.summary', { total: p.total, completed: p.completed })}
          </Typography.Paragraph>
          <Table
            rowKey="branchId"
            size="small"
            pagination={false}
            dataSource={p.units}
            columns={[
              { key: 'unit', title: t('study.campaign.unit'), dataIndex: 'branchName' },
              { key: 'total', title: t('study.campaign.total'), dataIndex: 'total', align: 'right' },
              { key: 'completed', title: t('study.campaign.completed'), dataIndex: 'completed', align: 'right' },
              { key: 'rate', title: t('study.campaign.rate'), width: 220, render: (_, u) => <Progress percent={u.rate} size="small" /> },
            ]}
          />
          <Table
            rowKey="personId"
            size="small"
            dataSource={p.people}
            pagination={{ pageSize: 50 }}
            columns={[
              { key: 'unit', title: t('study.campaign.unit'), dataIndex: 'orgName' },
              { key: 'name', title: t('study.campaign.name'), dataIndex: 'name' },
              { key: 'hours', title: t('study.campaign.hours'), dataIndex: 'hours', align: 'right' },
              {
                key: 'status',
                title: t('study.campaign.status'),
                render: (_, x) =>
                  x.completed ? <Tag color="success">{t('study.campaign.done')}</Tag> : <Tag>{t('study.campaign.notDone')}</Tag>,
              },
            ]}
          />
        </>
      )}
      <CampaignModal open={creating} onClose={(id) => (setCreating(false), id && setSelected(id))} />
    </Flex>
  );
}

interface Values {
  title: string;
  orgId: string;
  dates: [Dayjs, Dayjs];
  requiredHours: number;
  participants: string;
  posts?: string[];
  description?: string;
}

function CampaignModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const showError = useErrorMessage();
  return (
    <Modal
      title={t('study.campaign.create')}
      open={open}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ requiredHours: 8 }}
        onFinish={(v) =>
          create.mutate(
            {
              title: v.title,
              orgId: v.orgId,
              startDate: v.dates[0].format('YYYY-MM-DD'),
              endDate: v.dates[1].format('YYYY-MM-DD'),
              requiredHours: v.requiredHours,
              ...(v.description ? { description: v.description } : {}),
              target: { orgIds: [v.participants], ...(v.posts?.length ? { posts: v.posts } : {}) },
            },
            { onSuccess: (c) => (form.resetFields(), onClose(c.id)), onError: showError },
          )
        }
      >
        <Form.Item
          name="title"
          label={t('study.campaign.title')}
          rules={[{ required: true, message: t('common.required', { field: t('study.campaign.title') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('study.campaign.org')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('study.campaign.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('study.campaign.dates')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('study.campaign.dates') }) }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="requiredHours" label={t('study.campaign.requiredHours')} rules={[{ required: true }]}>
          <InputNumber min={0.5} max={200} step={0.5} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('study.campaign.participants')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('study.campaign.participants') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="posts" label={t('study.campaign.posts')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="description" label={t('study.campaign.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
