import type { CollectionView } from '@zhenggong/core';
import { App, Button, Flex, Form, Input, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCollections, useCreateCollection } from '../api';

/** 文集 / 作品集: collections in scope with their works and the accepted count. */
export function CollectionsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useCollections(page);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ title: string; orgId: string; description?: string }>();
  const create = useCreateCollection();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Flex vertical gap={12}>
      <div>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('culture.collection.create')}
        </Button>
      </div>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<CollectionView>
        data-testid="collections"
        rowKey="id"
        size="small"
        scroll={{ x: 600 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('culture.collection.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/culture/collections/${r.id}`}>{v}</Link>,
          },
          { title: t('culture.collection.org'), dataIndex: 'orgName' },
          { title: t('culture.collection.works'), dataIndex: 'works', align: 'right' },
          { title: t('culture.collection.accepted'), dataIndex: 'accepted', align: 'right' },
          { key: 'status', dataIndex: 'status', render: (s: CollectionView['status']) => t(`culture.status.${s}`) },
        ]}
      />
      <Modal
        open={creating}
        title={t('culture.collection.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate(
              { ...v, description: v.description || null },
              {
                onSuccess: () => {
                  void message.success(t('culture.saved'));
                  setCreating(false);
                  form.resetFields();
                },
                onError: showError,
              },
            )
          }
        >
          <Form.Item name="title" label={t('culture.collection.title')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="orgId" label={t('culture.collection.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="description" label={t('culture.collection.description')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
