import type { CreateProgrammeBody, ProgrammeView } from '@zhenggong/core';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ExportButton } from '../../../shared/components/ExportButton';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { exportProgrammes, useCreateProgramme, useProgrammes, usePublishProgramme, type ProgrammeFilter } from '../api';
import { programmeKinds } from '../culture-codes';

/** 文化活动: the programmes in scope with filters, paging and export; new programmes start as drafts. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<ProgrammeFilter>({ page: 1, pageSize: 20 });
  const list = useProgrammes(q);
  const publish = usePublishProgramme();
  const showError = useErrorMessage();
  const [creating, setCreating] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('culture.programme.kind')}
          value={q.kind}
          onChange={(kind?: ProgrammeView['kind']) => setQ({ ...q, kind, page: 1 })}
          options={programmeKinds.map((k) => ({ value: k, label: t(`culture.kind.${k}`) }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('culture.programme.status')}
          value={q.status}
          onChange={(status?: ProgrammeView['status']) => setQ({ ...q, status, page: 1 })}
          options={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`culture.status.${s}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 200 }}
          placeholder={t('culture.programme.keyword')}
          onSearch={(keyword) => setQ({ ...q, keyword: keyword || undefined, page: 1 })}
        />
        <ExportButton onExport={() => exportProgrammes(q)} />
        <Button type="primary" data-testid="programme-create" onClick={() => setCreating(true)}>
          {t('culture.programme.create')}
        </Button>
      </Flex>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ProgrammeView>
        data-testid="programmes"
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          {
            title: t('culture.programme.title'),
            dataIndex: 'title',
            render: (v: string, r) => <Link to={`/culture/programmes/${r.id}`}>{v}</Link>,
          },
          { title: t('culture.programme.kind'), dataIndex: 'kind', render: (k: ProgrammeView['kind']) => t(`culture.kind.${k}`) },
          { title: t('culture.programme.org'), dataIndex: 'orgName' },
          { title: t('culture.programme.dates'), key: 'dates', render: (_, r) => `${r.startDate} ~ ${r.endDate}` },
          { title: t('culture.programme.deadline'), dataIndex: 'deadline' },
          {
            title: t('culture.programme.registered'),
            key: 'reg',
            align: 'right',
            render: (_, r) => `${r.registered} / ${r.capacity ?? t('culture.programme.unlimited')}`,
          },
          { title: t('culture.programme.attended'), dataIndex: 'attended', align: 'right' },
          {
            title: t('culture.programme.status'),
            dataIndex: 'status',
            render: (s: ProgrammeView['status'], r) =>
              s === 'draft' ? (
                <Button
                  size="small"
                  data-testid="programme-publish"
                  loading={publish.isPending}
                  onClick={() => publish.mutate(r.id, { onError: showError })}
                >
                  {t('culture.programme.publish')}
                </Button>
              ) : (
                <Tag color="green">{t('culture.status.published')}</Tag>
              ),
          },
        ]}
      />
      {creating && <CreateProgrammeModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}

type FormValues = Omit<CreateProgrammeBody, 'startDate' | 'endDate' | 'deadline' | 'target'> & {
  dates: [Dayjs, Dayjs];
  deadline: Dayjs;
  targetOrgId: string;
};

function CreateProgrammeModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateProgramme();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const submit = (v: FormValues) =>
    create.mutate(
      {
        title: v.title,
        kind: v.kind,
        orgId: v.orgId,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        deadline: v.deadline.format('YYYY-MM-DD'),
        capacity: v.capacity ?? null,
        target: { orgIds: [v.targetOrgId] },
        description: v.description || null,
      },
      {
        onSuccess: () => {
          void message.success(t('culture.saved'));
          onClose();
        },
        onError: showError,
      },
    );
  return (
    <Modal open title={t('culture.programme.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'reading' }} onFinish={submit}>
        <Form.Item name="title" label={t('culture.programme.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="programme-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('culture.programme.kind')} rules={[{ required: true }]}>
          <Select options={programmeKinds.map((k) => ({ value: k, label: t(`culture.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="orgId" label={t('culture.programme.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="targetOrgId" label={t('culture.programme.target')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="dates" label={t('culture.programme.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={8} wrap>
          <Form.Item name="deadline" label={t('culture.programme.deadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="capacity" label={t('culture.programme.capacity')}>
            <InputNumber min={1} max={100000} placeholder={t('culture.programme.unlimited')} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('culture.programme.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
