import { PlusOutlined } from '@ant-design/icons';
import type { MemberView, PartyStage } from '@zhenggong/core';
import { Alert, App, Button, DatePicker, Flex, Form, Input, List, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonSelect } from '../../../shared/components/PersonSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAdvance, useCreateMember, useMembers, usePipelineDue, type MemberFilter } from '../api';
import { PartyOrgSelect } from '../components/PartyOrgSelect';
import { partyStages } from '../party-codes';
import { useTableSettings } from '../../../shared/components/TableSettings';

const stageAfter = (s: PartyStage): PartyStage | undefined => partyStages[partyStages.indexOf(s) + 1];

/** The member pipeline (发展党员): stages with their dated next step; overdue steps come first as to-dos. */
export function MembersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<MemberFilter>({ page: 1, pageSize: 20 });
  const members = useMembers(q);
  const due = usePipelineDue();
  const [adding, setAdding] = useState(false);
  const [advancing, setAdvancing] = useState<MemberView | null>(null);

  const nextCell = (m: MemberView) => {
    if (!m.next) return '—';
    const { due: by, overdue, daysLeft, earliest } = m.next;
    return (
      <Flex vertical gap={2}>
        <span>
          {t(`party.stage.${m.next.nextStage}`)}{' '}
          <Typography.Text type="secondary">{t('party.members.earliest', { date: earliest })}</Typography.Text>
        </span>
        {by && (
          <Tag color={overdue ? 'red' : (daysLeft ?? 99) <= 30 ? 'orange' : 'default'}>
            {by} · {overdue ? t('party.members.overdue', { days: -(daysLeft ?? 0) }) : t('party.members.daysLeft', { days: daysLeft })}
          </Tag>
        )}
      </Flex>
    );
  };

  const table = useTableSettings<MemberView>('party-members', [
    { title: t('party.members.person'), dataIndex: 'name' },
    { title: t('party.orgs.unit'), dataIndex: 'orgName' },
    { title: t('party.members.partyOrg'), dataIndex: 'partyOrgName' },
    {
      title: t('party.members.stage'),
      dataIndex: 'stage',
      render: (s: PartyStage) => (
        <Tag color={s === 'full' ? 'red' : s === 'probationary' ? 'volcano' : 'blue'}>{t(`party.stage.${s}`)}</Tag>
      ),
    },
    { title: t('party.members.since'), dataIndex: 'since' },
    { title: t('party.members.next'), key: 'next', render: (_, m) => nextCell(m) },
    {
      key: 'act',
      render: (_, m) =>
        m.next ? (
          <Button size="small" onClick={() => setAdvancing(m)}>
            {t('party.members.advance')}
          </Button>
        ) : null,
    },
  ]);

  return (
    <Flex vertical gap={12}>
      {(due.data?.items.length ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="pipeline-due"
          message={t('party.members.dueList')}
          description={
            <List
              size="small"
              dataSource={due.data?.items}
              renderItem={(m) => (
                <List.Item>
                  {m.name} · {t(`party.stage.${m.stage}`)} → {m.next?.dueLabel} · {m.next?.due}{' '}
                  {m.next?.overdue && <Tag color="red">{t('party.members.overdue', { days: -(m.next.daysLeft ?? 0) })}</Tag>}
                </List.Item>
              )}
            />
          }
        />
      )}
      <Flex gap={8} wrap justify="space-between">
        <Flex gap={8} wrap>
          <PartyOrgSelect autoPick={false} value={q.partyOrgId} onChange={(partyOrgId) => setQ({ ...q, partyOrgId, page: 1 })} />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('party.members.stage')}
            value={q.stage}
            onChange={(stage?: PartyStage) => setQ({ ...q, stage, page: 1 })}
            options={partyStages.map((s) => ({ value: s, label: t(`party.stage.${s}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 180 }}
            placeholder={t('party.members.keyword')}
            onSearch={(keyword) => setQ({ ...q, keyword: keyword || undefined, page: 1 })}
          />
          {table.button}
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('party.members.add')}
        </Button>
      </Flex>
      {members.isError && <QueryErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      <Table<MemberView>
        data-testid="party-members"
        rowKey="id"
        size={table.size}
        scroll={{ x: 760 }}
        loading={members.isFetching}
        dataSource={members.data?.items}
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: members.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={table.columns}
      />
      {adding && <AddMemberModal onClose={() => setAdding(false)} />}
      {advancing && <AdvanceModal member={advancing} onClose={() => setAdvancing(null)} />}
    </Flex>
  );
}

function AddMemberModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: string; partyOrgId: string; stage: PartyStage; since: Dayjs; note?: string }>();
  const create = useCreateMember();
  const showError = useErrorMessage();
  return (
    <Modal
      open
      title={t('party.members.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stage: 'applicant', since: dayjs() }}
        onFinish={(v) =>
          create.mutate(
            { personId: v.personId, partyOrgId: v.partyOrgId, stage: v.stage, since: v.since.format('YYYY-MM-DD'), note: v.note ?? null },
            { onSuccess: onClose, onError: showError },
          )
        }
      >
        <Form.Item name="personId" label={t('party.members.person')} rules={[{ required: true }]}>
          <PersonSelect />
        </Form.Item>
        <Form.Item name="partyOrgId" label={t('party.members.partyOrg')} rules={[{ required: true }]}>
          <PartyOrgSelect autoPick={false} onChange={(id) => form.setFieldValue('partyOrgId', id)} />
        </Form.Item>
        <Form.Item name="stage" label={t('party.members.stage')} rules={[{ required: true }]}>
          <Select options={partyStages.map((s) => ({ value: s, label: t(`party.stage.${s}`) }))} />
        </Form.Item>
        <Form.Item name="since" label={t('party.members.since')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('party.members.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AdvanceModal({ member, onClose }: { member: MemberView; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ date: Dayjs; note?: string }>();
  const advance = useAdvance();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const to = stageAfter(member.stage);
  if (!to) return null;
  return (
    <Modal
      open
      title={`${member.name}：${t(`party.stage.${member.stage}`)} → ${t(`party.stage.${to}`)}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={advance.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          advance.mutate(
            { id: member.id, body: { stage: to, date: v.date.format('YYYY-MM-DD'), note: v.note ?? null } },
            {
              onSuccess: () => {
                void message.success(t('party.saved'));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Typography.Paragraph type="secondary">{member.next?.dueLabel}</Typography.Paragraph>
        <Form.Item
          name="date"
          label={t('party.members.date')}
          rules={[
            { required: true },
            {
              validator: (_, v?: Dayjs) =>
                !v || !member.next || v.format('YYYY-MM-DD') >= member.next.earliest
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('party.members.earliest', { date: member.next.earliest }))),
            },
          ]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('party.members.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
