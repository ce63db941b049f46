import { PlusOutlined } from '@ant-design/icons';
import type { CreatePartyOrgBody, PartyOrgView } from '@zhenggong/core';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreatePartyOrg, usePartyOrgs } from '../api';

/** Party organisations (党委、党总支、党支部、党小组) mapped onto the org tree, with their terms. */
export function OrgsPage() {
  const { t } = useTranslation();
  const orgs = usePartyOrgs();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t('party.orgs.add')}
        </Button>
      </Flex>
      {orgs.isError && <QueryErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} />}
      <Table<PartyOrgView>
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        loading={orgs.isFetching}
        dataSource={orgs.data?.items}
        pagination={false}
        columns={[
          { title: t('party.orgs.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
          {
            title: t('party.orgs.kind'),
            dataIndex: 'kind',
            render: (k: PartyOrgView['kind']) => t(`party.orgKind.${k}`),
            filters: (['committee', 'general_branch', 'branch', 'group'] as const).map((k) => ({
              text: t(`party.orgKind.${k}`),
              value: k,
            })),
            onFilter: (v, row) => row.kind === v,
          },
          { title: t('party.orgs.unit'), dataIndex: 'orgName' },
          { title: t('party.orgs.secretary'), dataIndex: 'secretaryName' },
          { title: t('party.orgs.members'), dataIndex: 'members', align: 'right' },
          {
            title: t('party.orgs.term'),
            key: 'term',
            render: (_, r) => (r.termStart || r.termEnd ? `${r.termStart ?? ''} ~ ${r.termEnd ?? ''}` : '—'),
          },
          {
            title: t('party.orgs.election'),
            dataIndex: 'electionDaysLeft',
            render: (d: number | null) =>
              d === null ? (
                '—'
              ) : d < 0 ? (
                <Tag color="red">{t('party.orgs.electionOverdue', { days: -d })}</Tag>
              ) : (
                <Tag color={d <= 90 ? 'orange' : 'default'}>{t('party.orgs.electionIn', { days: d })}</Tag>
              ),
          },
        ]}
      />
      {open && <OrgModal parents={orgs.data?.items ?? []} onClose={() => setOpen(false)} />}
    </Flex>
  );
}

interface OrgForm {
  orgId: string;
  kind: CreatePartyOrgBody['kind'];
  name: string;
  parentId?: string;
  secretaryPersonId?: string;
  termStart?: Dayjs;
  termEnd?: Dayjs;
}

function OrgModal({ parents, onClose }: { parents: PartyOrgView[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrgForm>();
  const create = useCreatePartyOrg();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const submit = (v: OrgForm) =>
    create.mutate(
      {
        orgId: v.orgId,
        kind: v.kind,
        name: v.name,
        parentId: v.parentId ?? null,
        secretaryPersonId: v.secretaryPersonId ?? null,
        termStart: v.termStart?.format('YYYY-MM-DD') ?? null,
        termEnd: v.termEnd?.format('YYYY-MM-DD') ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t('party.saved'));
          onClose();
        },
        onError: showError,
      },
    );
  return (
    <Modal open title={t('party.orgs.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'branch' }}>
        <Form.Item name="name" label={t('party.orgs.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('party.orgs.kind')} rules={[{ required: true }]}>
          <Select
            options={(['committee', 'general_branch', 'branch', 'group'] as const).map((k) => ({
              value: k,
              label: t(`party.orgKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('party.orgs.unit')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="parentId" label={t('party.orgs.parent')}>
          <Select allowClear options={parents.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="secretaryPersonId" label={t('party.orgs.secretary')}>
          <PersonSelect />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="termStart" label={t('party.orgs.termStart')}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="termEnd"
            label={t('party.orgs.termEnd')}
            dependencies={['termStart']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => {
                  const start = getFieldValue('termStart') as Dayjs | undefined;
                  return !v || !start || v.isAfter(start)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.PARTY_TERM_DATES', { defaultValue: '任期结束日期须晚于开始日期' })));
                },
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
