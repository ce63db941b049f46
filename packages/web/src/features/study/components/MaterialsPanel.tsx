import { DownloadOutlined, LinkOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadMaterial, useCampaigns, useCreateMaterial, useMaterials, type MaterialInput } from '../api';
import type { StudyMaterial } from '@zhenggong/core';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx,.txt';

/** 学习资料: documents (type-checked on upload) and links, with the hours each credits. */
export function MaterialsPanel() {
  const { t } = useTranslation();
  const canWrite = usePermission('study:write');
  const showError = useErrorMessage();
  const [query, setQuery] = useState<{ page: number; pageSize: number; keyword?: string }>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const materials = useMaterials(query);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" wrap gap={8}>
        <Input.Search
          allowClear
          placeholder={t('study.material.keyword')}
          style={{ width: 240 }}
          onSearch={(keyword) => setQuery({ ...query, page: 1, keyword: keyword || undefined })}
        />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('study.material.create')}
          </Button>
        )}
      </Flex>
      {materials.isError && <QueryErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />}
      <Table<StudyMaterial>
        rowKey="id"
        size="middle"
        loading={materials.isPending}
        dataSource={materials.data?.items}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: materials.data?.total,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => setQuery({ ...query, page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        columns={[
          { key: 'title', title: t('study.material.title'), dataIndex: 'title' },
          {
            key: 'kind',
            title: t('study.material.kind'),
            render: (_, m) => <Tag>{m.kind === 'link' ? t('study.material.kindLink') : t('study.material.kindDocument')}</Tag>,
          },
          { key: 'org', title: t('study.material.org'), dataIndex: 'orgName' },
          { key: 'hours', title: t('study.material.hours'), dataIndex: 'hours', align: 'right' },
          { key: 'min', title: t('study.material.minRead'), dataIndex: 'minReadMinutes', align: 'right' },
          {
            key: 'open',
            title: t('common.actions'),
            render: (_, m) =>
              m.kind === 'link' && m.url ? (
                <Button type="link" icon={<LinkOutlined />} href={m.url} target="_blank" rel="noopener noreferrer">
                  {t('study.material.url')}
                </Button>
              ) : m.fileName ? (
                <Button type="link" icon={<DownloadOutlined />} onClick={() => downloadMaterial(m).catch(showError)}>
                  {m.fileName}
                </Button>
              ) : (
                t('common.empty')
              ),
          },
        ]}
      />
      <MaterialModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}

function MaterialModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MaterialInput>();
  const kind = Form.useWatch('kind', form);
  const [file, setFile] = useState<File>();
  const create = useCreateMaterial();
  const campaigns = useCampaigns();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const close = () => (setFile(undefined), onClose());
  return (
    <Modal
      title={t('study.material.create')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'document', hours: 1, minReadMinutes: 10 }}
        onFinish={(v) => {
          if (v.kind === 'document' && !file) return void message.error(t('study.material.fileRequired'));
          create.mutate(
            { body: { ...v, ...(v.kind === 'document' ? { url: undefined } : {}) }, ...(v.kind === 'document' && file ? { file } : {}) },
            { onSuccess: () => (void message.success(t('common.success')), form.resetFields(), close()), onError: showError },
          );
        }}
      >
        <Form.Item
          name="title"
          label={t('study.material.title')}
          rules={[{ required: true, message: t('common.required', { field: t('study.material.title') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('study.material.kind')}>
          <Radio.Group
            options={[
              { value: 'document', label: t('study.material.kindDocument') },
              { value: 'link', label: t('study.material.kindLink') },
            ]}
          />
        </Form.Item>
        {kind === 'link' ? (
          <Form.Item
            name="url"
            label={t('study.material.url')}
            rules={[{ required: true, pattern: /^https?:\/\//, message: t('common.required', { field: t('study.material.url') }) }]}
          >
            <Input placeholder="https://" />
          </Form.Item>
        ) : (
          <Form.Item label={t('study.material.file')} extra={t('study.material.fileHint')}>
            <Upload accept={ACCEPT} maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(undefined)}>
              <Button icon={<UploadOutlined />}>{t('study.material.pickFile')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Form.Item
          name="orgId"
          label={t('study.material.org')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('study.material.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Space wrap>
          <Form.Item name="hours" label={t('study.material.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={200} step={0.5} />
          </Form.Item>
          <Form.Item name="minReadMinutes" label={t('study.material.minRead')} rules={[{ required: true }]}>
            <InputNumber min={0} max={600} />
          </Form.Item>
        </Space>
        <Form.Item name="campaignId" label={t('study.material.campaign')}>
          <Select allowClear options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
        </Form.Item>
        <Form.Item name="description" label={t('study.material.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
