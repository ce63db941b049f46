import { PlusOutlined } from '@ant-design/icons';
import type { AccountView, CreateAccountBody } from '@zhenggong/core';
import { Alert, Button, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAccounts, useAddAccount } from '../api';
import { accountPlatforms } from '../publicity-codes';

/** The registry of the bureau's own official accounts (政务新媒体), with the branches that still lack one. */
export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useAccounts();
  const [adding, setAdding] = useState(false);
  const missing = accounts.data?.branchesWithout ?? [];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('publicity.accounts.scopeNote')}</Typography.Text>
      {missing.length > 0 && (
        <Alert type="warning" showIcon message={t('publicity.accounts.missing', { names: missing.map((m) => m.orgName).join('、') })} />
      )}
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('publicity.accounts.add')}
        </Button>
      </Flex>
      <Table<AccountView>
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        loading={accounts.isFetching}
        dataSource={accounts.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('publicity.accounts.unit'), dataIndex: 'orgName' },
          {
            title: t('publicity.accounts.platform'),
            dataIndex: 'platform',
            render: (p: AccountView['platform']) => t(`publicity.platform.${p}`),
          },
          { title: t('publicity.accounts.name'), dataIndex: 'name' },
          { title: t('publicity.accounts.operator'), dataIndex: 'operatorName' },
          { title: t('publicity.accounts.reviewer'), dataIndex: 'reviewerName' },
          {
            title: t('publicity.accounts.verified'),
            dataIndex: 'verified',
            render: (v: boolean) => (
              <Tag color={v ? 'green' : 'default'}>{v ? t('publicity.accounts.yes') : t('publicity.accounts.no')}</Tag>
            ),
          },
        ]}
      />
      {adding && <AddModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

function AddModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateAccountBody>();
  const add = useAddAccount();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={t('publicity.accounts.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ platform: 'wechat_official', verified: true }}
        onFinish={(v) => add.mutate(v, { onSuccess: onClose, onError: showError })}
      >
        <Form.Item name="orgId" label={t('publicity.accounts.unit')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="platform" label={t('publicity.accounts.platform')} rules={[{ required: true }]}>
          <Select options={accountPlatforms.map((p) => ({ value: p, label: t(`publicity.platform.${p}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('publicity.accounts.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="operatorPersonId" label={t('publicity.accounts.operator')}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="reviewerPersonId" label={t('publicity.accounts.reviewer')}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="verified" label={t('publicity.accounts.verified')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
