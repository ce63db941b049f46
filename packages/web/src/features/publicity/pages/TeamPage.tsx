import { PlusOutlined } from '@ant-design/icons';
import type { ReporterView } from '@zhenggong/core';
import { Button, DatePicker, Flex, Form, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAddReporter, useReporters } from '../api';

/** The publicity team: full-time and part-time reporters (专兼职通讯员) per unit. */
export function TeamPage() {
  const { t } = useTranslation();
  const reporters = useReporters();
  const [adding, setAdding] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('publicity.team.add')}
        </Button>
      </Flex>
      <Table<ReporterView>
        rowKey="id"
        size="small"
        loading={reporters.isFetching}
        dataSource={reporters.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('publicity.team.person'), dataIndex: 'name' },
          {
            title: t('publicity.team.unit'),
            dataIndex: 'orgName',
            filters: [...new Set(reporters.data?.items.map((r) => r.orgName))].map((n) => ({ text: n, value: n })),
            onFilter: (v, r) => r.orgName === v,
          },
          {
            title: t('publicity.team.role'),
            dataIndex: 'role',
            render: (r: ReporterView['role']) => <Tag color={r === 'full_time' ? 'magenta' : 'default'}>{t(`publicity.role.${r}`)}</Tag>,
          },
          { title: t('publicity.team.since'), dataIndex: 'since' },
          {
            title: t('publicity.team.verified'),
            dataIndex: 'verifiedOutputs',
            align: 'right',
            sorter: (a, b) => a.verifiedOutputs - b.verifiedOutputs,
          },
        ]}
      />
      {adding && <AddModal onClose={() => setAdding(false)} />}
    </Flex>
  );
}

function AddModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: string; role: ReporterView['role']; since: Dayjs }>();
  const add = useAddReporter();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={t('publicity.team.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ role: 'part_time', since: dayjs() }}
        onFinish={(v) =>
          add.mutate(
            { personId: v.personId, role: v.role, since: v.since.format('YYYY-MM-DD') },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item name="personId" label={t('publicity.team.person')} rules={[{ required: true }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="role" label={t('publicity.team.role')} rules={[{ required: true }]}>
          <Select options={(['full_time', 'part_time'] as const).map((r) => ({ value: r, label: t(`publicity.role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="since" label={t('publicity.team.since')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
