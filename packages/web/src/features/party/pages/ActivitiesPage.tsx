import { PlusOutlined } from '@ant-design/icons';
import type { ActivityKind, ActivityView } from '@zhenggong/core';
import { App, Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Radio, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { api } from '../../../shared/api/client';
import type { Paged } from '../../../shared/api/types';
import type { MemberView } from '@zhenggong/core';
import { useActivities, useActivity, useCompleteActivity, useCreateActivity, type ActivityFilter } from '../api';
import { PartyOrgSelect } from '../components/PartyOrgSelect';
import { activityKinds } from '../party-codes';

/** 党建活动: red-education visits and base-level cadre classes, with participants and the class hours they earn. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<ActivityFilter>({ page: 1, pageSize: 20 });
  const list = useActivities(q);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <Select
            allowClear
            data-testid="activity-kind-filter"
            style={{ width: 200 }}
            placeholder={t('party.activities.kind')}
            value={q.kind}
            onChange={(kind?: ActivityKind) => setQ({ ...q, kind, page: 1 })}
            options={activityKinds.map((k) => ({ value: k, label: t(`party.activityKind.${k}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            placeholder={t('party.activities.keyword')}
            onSearch={(keyword) => setQ({ ...q, keyword: keyword || undefined, page: 1 })}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="activity-add">
          {t('party.activities.add')}
        </Button>
      </Flex>
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ActivityView>
        data-testid="party-activities"
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        loading={list.isFetching}
        dataSource={list.data?.items}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('party.activities.date'), dataIndex: 'date' },
          { title: t('party.activities.kind'), dataIndex: 'kind', render: (k: ActivityKind) => t(`party.activityKind.${k}`) },
          { title: t('party.activities.title'), dataIndex: 'title' },
          { title: t('party.meetings.partyOrg'), dataIndex: 'partyOrgName' },
          { title: t('party.activities.hours'), dataIndex: 'hours' },
          { title: t('party.activities.participants'), dataIndex: 'participants' },
          {
            title: t('party.activities.status'),
            dataIndex: 'status',
            render: (s: ActivityView['status']) => <Tag color={s === 'completed' ? 'green' : 'blue'}>{t(`party.activityStatus.${s}`)}</Tag>,
          },
        ]}
      />
      {adding && <AddActivityModal onClose={() => setAdding(false)} onCreated={setOpen} />}
      {open && <ActivityDrawer id={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}

interface ActivityForm {
  partyOrgId: string;
  kind: ActivityKind;
  title: string;
  dates: [Dayjs, Dayjs];
  place?: string;
  description?: string;
  hours: number;
  by: 'members' | 'unit';
  unitId?: string;
}

/** The organisation's probationary and full members, for "members of the organisation" as participants. */
async function memberIds(partyOrgId: string): Promise<string[]> {
  const res = await api.get<Paged<MemberView>>('/api/v1/party/members', { partyOrgId, page: 1, pageSize: 500 });
  return res.items.filter((m) => m.stage === 'probationary' || m.stage === 'full').map((m) => m.personId);
}

function AddActivityModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActivityForm>();
  const by = Form.useWatch('by', form);
  const create = useCreateActivity();
  const showError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const submit = async (v: ActivityForm) => {
    setBusy(true);
    try {
      const personIds = v.by === 'members' ? await memberIds(v.partyOrgId) : [];
      if (v.by === 'members' && personIds.length === 0) {
        form.setFields([{ name: 'by', errors: [t('party.activities.noMembers')] }]);
        return;
      }
      const created = await create.mutateAsync({
        partyOrgId: v.partyOrgId,
        kind: v.kind,
        title: v.title,
        date: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].isSame(v.dates[0], 'day') ? null : v.dates[1].format('YYYY-MM-DD'),
        place: v.place ?? null,
        description: v.description ?? null,
        hours: v.hours,
        participants: v.by === 'members' ? { personIds } : { orgIds: [v.unitId!] },
      });
      onClose();
      onCreated(created.id);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('party.activities.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'red_visit', dates: [dayjs(), dayjs()], hours: 4, by: 'members' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="partyOrgId" label={t('party.meetings.partyOrg')} rules={[{ required: true }]}>
          <PartyOrgSelect onChange={(id) => form.setFieldValue('partyOrgId', id)} />
        </Form.Item>
        <Form.Item name="kind" label={t('party.activities.kind')} rules={[{ required: true }]}>
          <Select options={activityKinds.map((k) => ({ value: k, label: t(`party.activityKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('party.activities.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="activity-title" />
        </Form.Item>
        <Form.Item name="dates" label={t('party.activities.date')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('party.activities.place')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t('party.activities.hours')} rules={[{ required: true, type: 'number', min: 0, max: 200 }]}>
          <InputNumber min={0} max={200} step={0.5} />
        </Form.Item>
        <Form.Item name="by" label={t('party.activities.participantsBy')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'members', label: t('party.activities.byMembers') },
              { value: 'unit', label: t('party.activities.byUnits') },
            ]}
          />
        </Form.Item>
        {by === 'unit' && (
          <Form.Item name="unitId" label={t('party.activities.units')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('party.activities.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ActivityDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const a = useActivity(id);
  const complete = useCompleteActivity();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const d = a.data;
  return (
    <Drawer
      open
      width={Math.min(640, window.innerWidth)}
      title={d?.title}
      onClose={onClose}
      loading={a.isPending}
      data-testid="activity-drawer"
    >
      {d && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('party.activities.kind')}>{t(`party.activityKind.${d.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('party.activities.date')}>{d.endDate ? `${d.date} ~ ${d.endDate}` : d.date}</Descriptions.Item>
            <Descriptions.Item label={t('party.activities.place')}>{d.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('party.activities.hours')}>{d.hours}</Descriptions.Item>
            <Descriptions.Item label={t('party.activities.status')}>
              <Tag color={d.status === 'completed' ? 'green' : 'blue'} data-testid="activity-status">
                {t(`party.activityStatus.${d.status}`)}
              </Tag>
            </Descriptions.Item>
            {d.description && <Descriptions.Item label={t('party.activities.description')}>{d.description}</Descriptions.Item>}
          </Descriptions>
          {d.status === 'planned' && (
            <Button
              type="primary"
              loading={complete.isPending}
              data-testid="activity-complete"
              onClick={() =>
                complete.mutate(id, { onSuccess: () => void message.success(t('party.activities.completed')), onError: showError })
              }
            >
              {t('party.activities.complete')}
            </Button>
          )}
          <Table
            size="small"
            rowKey="personId"
            data-testid="activity-people"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={d.people}
            title={() => `${t('party.activities.participants')} ${d.people.length}`}
            columns={[
              { title: t('party.activities.people'), dataIndex: 'name' },
              { title: t('party.orgs.unit'), dataIndex: 'orgName' },
              {
                key: 'hours',
                render: (_, p) => (p.hoursCredited ? <Tag color="green">{t('party.activities.credited')}</Tag> : null),
              },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
